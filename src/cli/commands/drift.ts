import type { Command } from 'commander';
import { driftNotChecked, driftTables, driftText, notJudged } from '../../report/drift.js';
import { driftHtml } from '../../report/html/drift-html.js';
import { jsonReportPieces } from '../../report/json.js';
import { assertNotInput } from '../../node/write-output.js';
import { isDriftRule } from '../../rules/rule.js';
import { NotChecked } from '../not-checked.js';
import { resolveFormat } from '../output-format.js';
import { MAX_INPUT_HELP, runFromOptions, THREADS_HELP, type RunOptions } from '../run-options.js';
import { printable } from '../../report/printable.js';
import { writeReport } from '../write-report.js';

interface DriftOptions extends RunOptions {
  format?: string;
  out?: string;
}

/** `comply drift`: the case review clinic's list, from the rules tagged "drift". */
export function registerDrift(program: Command): void {
  program
    .command('drift')
    .description('The drift list for case review clinics: grouped by team and worker, longest open first')
    .requiredOption('-d, --data <paths...>', 'extract files or folders')
    .option('-r, --rules <dir>', 'rule pack folder (default: the shipped rules)')
    .option('-a, --as-of <date>', 'as-of date, yyyy-mm-dd (default: today, Europe/London)')
    .option('-f, --format <format>', 'xlsx, csv, json, text or html (default: from --out, else text)')
    .option('-o, --out <path>', 'output file (.xlsx, .json, .html, .txt) or folder (csv)')
    .option('-c, --config <file>', "the authority's config: extra header names")
    .option('--max-input-mb <mb>', MAX_INPUT_HELP)
    .option('--threads <n>', THREADS_HELP)
    .option('-q, --quiet', 'print nothing but errors')
    .action(async (options: DriftOptions) => {
      const format = resolveFormat(options.format, options.out);
      const { result, files } = await runFromOptions(options, isDriftRule, 'drift');
      if (options.out) assertNotInput(options.out, files);
      const notChecked = driftNotChecked(result);
      await writeReport(format, options.out, {
        tables: () => driftTables(result),
        json: () => jsonReportPieces(result, false, notChecked),
        text: () => driftText(result),
        html: () => driftHtml(result),
      }, files);
      if (options.out && !options.quiet) {
        const ran = result.rules.filter((r) => r.ran).length;
        process.stderr.write(`${result.exceptions.length} case(s) from ${ran} drift rule(s), ${notJudged(result).length} row(s) not judged, ${result.findings.length} finding(s): written to ${printable(options.out)}\n`);
      }
      if (notChecked.length) throw new NotChecked(notChecked.map((n) => `NOT CHECKED: ${n.message}`).join('\ncomply: '));
    });
}
