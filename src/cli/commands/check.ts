import type { Command } from 'commander';
import { applyBaseline } from '../../baseline/compare-baseline.js';
import { checkHtml } from '../../report/html/check-html.js';
import { jsonReportPieces } from '../../report/json.js';
import { noRuleRan } from '../../report/not-checked.js';
import { aggregateTables, checkTables } from '../../report/tabular.js';
import { printable } from '../../report/printable.js';
import { textReport } from '../../report/text.js';
import { readBaseline } from '../../node/read-baseline.js';
import { assertNotInput, writeFolder } from '../../node/write-output.js';
import { UsageError } from '../as-of.js';
import { NotChecked } from '../not-checked.js';
import { assertFolder, resolveFormat, type Format } from '../output-format.js';
import { MAX_INPUT_HELP, runFromOptions, THREADS_HELP, type RunOptions } from '../run-options.js';
import { teamWorkbookWriter } from '../workbook-writers.js';
import { writeReport } from '../write-report.js';

interface CheckOptions extends RunOptions {
  format?: string;
  out?: string;
  baseline?: string;
  splitBy?: string;
  aggregateOnly?: boolean;
}

/** The format, with the combinations that make no sense refused before anything is read. */
function formatFor(options: CheckOptions): Format {
  if (options.splitBy === undefined) return resolveFormat(options.format, options.out);
  if (options.splitBy !== 'team') throw new UsageError(`--split-by can only be "team" (got "${options.splitBy}")`);
  if (options.aggregateOnly) throw new UsageError('--aggregate-only cannot be split by team: a team workbook is a list of cases');
  if (!options.out) throw new UsageError('--split-by team needs --out <folder> for the workbooks');
  assertFolder(options.out, '--split-by team writes workbooks');
  if (options.format !== undefined && options.format !== 'xlsx') throw new UsageError('--split-by team writes workbooks: leave out --format or use --format xlsx');
  return 'xlsx';
}

/** `comply check`: every rule against this week's extracts. */
export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('Run every rule against the extracts and write the exceptions')
    .requiredOption('-d, --data <paths...>', 'extract files or folders (every file in a folder is read)')
    .option('-r, --rules <dir>', 'rule pack folder (default: the shipped rules)')
    .option('-a, --as-of <date>', 'judge the data as it stood on this date, yyyy-mm-dd (default: today, Europe/London)')
    .option('-f, --format <format>', 'xlsx, csv, json, text or html (default: from --out, else text)')
    .option('-o, --out <path>', 'output file (.xlsx, .json, .html, .txt) or folder (csv, --split-by)')
    .option('-b, --baseline <json>', "an earlier run's JSON report: marks each exception new or open and lists those resolved since")
    .option('--split-by <field>', '"team": one workbook per team into the --out folder')
    .option('--aggregate-only', 'counts and charts only, no row about a child (for boards)')
    .option('-c, --config <file>', "the authority's config: extra header names")
    .option('--max-input-mb <mb>', MAX_INPUT_HELP)
    .option('--threads <n>', THREADS_HELP)
    .option('-q, --quiet', 'print nothing but errors')
    .action(async (options: CheckOptions) => {
      const format = formatFor(options);
      // A JSON or CSV file of the check as it is: a large file checked in ranges of its rows has its exceptions written by the threads that found them.
      const render = (format === 'json' || format === 'csv') && options.out && !options.baseline && !options.aggregateOnly && !options.splitBy ? format : undefined;
      const run = await runFromOptions(options, undefined, undefined, render);
      const rendered = run.rendered ?? undefined;
      let result = run.result;
      if (options.baseline) {
        const { baseline, fingerprint } = readBaseline(options.baseline);
        result = applyBaseline(result, baseline, fingerprint);
        if (!options.quiet) for (const f of result.findings.filter((f) => f.kind === 'baseline')) process.stderr.write(`comply: warning: ${printable(f.message)}\n`);
      }
      const inputs = [...run.files, ...(options.baseline ? [options.baseline] : [])];
      if (options.out) assertNotInput(options.out, inputs);
      const aggregate = options.aggregateOnly === true;
      if (options.splitBy) {
        const written = await writeFolder(options.out!, (await teamWorkbookWriter()).teamWorkbooks(result), inputs);
        if (!options.quiet) process.stderr.write(`${written.length} team workbook(s) written to ${printable(options.out!)}\n`);
      } else {
        try {
          await writeReport(format, options.out, {
            tables: () => (aggregate ? aggregateTables(result) : checkTables(result, rendered)),
            json: () => jsonReportPieces(result, aggregate, [], rendered),
            text: () => textReport(result, 20, aggregate),
            html: () => checkHtml(result, aggregate),
          }, inputs);
        } finally {
          rendered?.release();
        }
        if (options.out && !options.quiet) {
          const ran = result.rules.filter((r) => r.ran).length;
          const ranges = run.sharedOut?.rowRanges ? `, one file in ${run.sharedOut.rowRanges} ranges of rows` : '';
          const shared = run.sharedOut ? ` (checked as ${run.sharedOut.shares} groups of datasets on ${run.sharedOut.threads} thread(s)${ranges})` : '';
          process.stderr.write(`${rendered?.count ?? result.exceptions.length} exception(s) from ${ran} rule(s), ${result.findings.length} finding(s): written to ${printable(options.out)}${shared}\n`);
        }
      }
      const nothing = noRuleRan(result);
      if (nothing) throw new NotChecked(nothing);
    });
}
