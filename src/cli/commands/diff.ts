import type { Command } from 'commander';
import { runCheck } from '../../engine/run-check.js';
import { diffMarkdown } from '../../diff/diff-markdown.js';
import { diffRuns } from '../../diff/diff-runs.js';
import { diffText } from '../../diff/diff-text.js';
import { loadPack } from '../../node/load-pack.js';
import { assertNotInput, writeAtomic } from '../../node/write-output.js';
import { printableLines } from '../../report/printable.js';
import { UsageError } from '../as-of.js';
import { MAX_INPUT_HELP, readRunInputs, type RunOptions } from '../run-options.js';

const FORMATS = ['text', 'markdown', 'json'] as const;

interface DiffOptions extends RunOptions {
  base: string;
  format: string;
  out?: string;
}

/** `comply diff`: what a rule change does to who is flagged, on the same data. */
export function registerDiff(program: Command): void {
  program
    .command('diff')
    .description('Run two rule packs on the same extracts: rules added, removed or changed, and the exceptions each change adds or removes')
    .requiredOption('-b, --base <dir>', 'the rule pack before the change (e.g. the main branch’s rules/)')
    .option('-r, --rules <dir>', 'the rule pack after the change (default: the shipped rules)')
    .requiredOption('-d, --data <paths...>', 'extract files or folders (every file in a folder is read)')
    .option('-a, --as-of <date>', 'as-of date, yyyy-mm-dd (default: today, Europe/London)')
    .option('-c, --config <file>', "the authority's config: extra header names")
    .option('--max-input-mb <mb>', MAX_INPUT_HELP)
    .option('-f, --format <format>', 'text, markdown (for a pull-request comment) or json', 'text')
    .option('-o, --out <file>', 'write the diff to this file instead of printing it')
    .action(async (options: DiffOptions) => {
      if (!(FORMATS as readonly string[]).includes(options.format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got "${options.format}")`);
      const base = loadPack(options.base);
      const head = loadPack(options.rules);
      const { asOf, headerAliases, tables, files } = await readRunInputs(options);
      if (options.out) assertNotInput(options.out, files);
      const run = (pack: typeof base) => ({ rules: pack.rules, result: runCheck(pack, tables, { asOf, headerAliases }) });
      const diff = diffRuns(run(base), run(head));
      const what = options.data.join(', ');
      const text = options.format === 'json' ? `${JSON.stringify(diff, null, 2)}\n` : options.format === 'markdown' ? diffMarkdown(diff, what) : diffText(diff, what);
      if (options.out) await writeAtomic(options.out, text);
      else process.stdout.write(options.format === 'json' ? text : printableLines(text));
    });
}
