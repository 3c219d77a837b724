import type { Command } from 'commander';
import { csvFileName, csvText } from '../../report/csv.js';
import { driftTables, driftText } from '../../report/drift.js';
import { jsonReport } from '../../report/json.js';
import { workbookBytes } from '../../report/xlsx.js';
import { assertNotInput, writeAtomic, writeFolder } from '../../node/write-output.js';
import { resolveFormat } from '../output-format.js';
import { MAX_INPUT_HELP, runFromOptions, type RunOptions } from '../run-options.js';

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
    .option('-f, --format <format>', 'xlsx, csv, json or text (default: from --out, else text)')
    .option('-o, --out <path>', 'output file (.xlsx, .json) or folder (csv)')
    .option('-c, --config <file>', "the authority's config: extra header names")
    .option('--max-input-mb <mb>', MAX_INPUT_HELP)
    .action((options: DriftOptions) => {
      const format = resolveFormat(options.format, options.out);
      const { result, files } = runFromOptions(options, (rule) => (rule.tags ?? []).includes('drift'));
      if (options.out) assertNotInput(options.out, files);
      if (format === 'xlsx') writeAtomic(options.out!, workbookBytes(driftTables(result)));
      else if (format === 'csv') writeFolder(options.out!, new Map(driftTables(result).map((t) => [csvFileName(t), csvText(t)])));
      else {
        const text = format === 'json' ? jsonReport(result) : driftText(result);
        if (options.out) writeAtomic(options.out, text);
        else process.stdout.write(text);
      }
    });
}
