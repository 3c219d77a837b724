import type { Command } from 'commander';
import { csvFileName, csvText } from '../../report/csv.js';
import { jsonReport } from '../../report/json.js';
import { checkTables } from '../../report/tabular.js';
import { textReport } from '../../report/text.js';
import { workbookBytes } from '../../report/xlsx.js';
import { assertNotInput, writeAtomic, writeFolder } from '../../node/write-output.js';
import { resolveFormat } from '../output-format.js';
import { MAX_INPUT_HELP, runFromOptions, type RunOptions } from '../run-options.js';

interface CheckOptions extends RunOptions {
  format?: string;
  out?: string;
  quiet?: boolean;
}

/** `comply check`: every rule against this week's extracts. */
export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('Run every rule against the extracts and write the exceptions')
    .requiredOption('-d, --data <paths...>', 'extract files or folders (every file in a folder is read)')
    .option('-r, --rules <dir>', 'rule pack folder (default: the shipped rules)')
    .option('-a, --as-of <date>', 'judge the data as it stood on this date, yyyy-mm-dd (default: today, Europe/London)')
    .option('-f, --format <format>', 'xlsx, csv, json or text (default: from --out, else text)')
    .option('-o, --out <path>', 'output file (.xlsx, .json) or folder (csv)')
    .option('-c, --config <file>', "the authority's config: extra header names")
    .option('--max-input-mb <mb>', MAX_INPUT_HELP)
    .option('-q, --quiet', 'print nothing but errors')
    .action((options: CheckOptions) => {
      const format = resolveFormat(options.format, options.out);
      const { result, files } = runFromOptions(options);
      if (options.out) assertNotInput(options.out, files);
      const tables = () => checkTables(result);
      switch (format) {
        case 'xlsx':
          writeAtomic(options.out!, workbookBytes(tables()));
          break;
        case 'csv':
          writeFolder(options.out!, new Map(tables().map((t) => [csvFileName(t), csvText(t)])));
          break;
        case 'json':
          if (options.out) writeAtomic(options.out, jsonReport(result));
          else process.stdout.write(jsonReport(result));
          break;
        case 'text':
          if (options.out) writeAtomic(options.out, textReport(result));
          else process.stdout.write(textReport(result));
      }
      if (options.out && !options.quiet) {
        const ran = result.rules.filter((r) => r.ran).length;
        process.stderr.write(`${result.exceptions.length} exception(s) from ${ran} rule(s), ${result.findings.length} finding(s): written to ${options.out}\n`);
      }
    });
}
