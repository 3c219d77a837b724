import type { Command } from 'commander';
import { testJunit } from '../../cases/test-junit.js';
import { testJson, testPack } from '../../cases/test-pack.js';
import { testText } from '../../cases/test-text.js';
import { collectPack } from '../../node/load-pack.js';
import { writeAtomic } from '../../node/write-output.js';
import { printable } from '../../report/printable.js';
import { problemText } from '../../rules/problem-text.js';
import { UsageError } from '../as-of.js';
import { packFolderLabel } from '../pack-folder.js';
import { ProblemsFound } from '../problems-found.js';

const REPORTERS = { text: testText, junit: testJunit, json: testJson } as const;

/** `comply test`: every rule's own cases, then the boundary check on its numeric parameters. */
export function registerTest(program: Command): void {
  program
    .command('test')
    .description("Run every rule's cases and check that moving each threshold by one unit makes a case fail (exit 1 on a failure or an under-tested rule)")
    .option('-r, --rules <dir>', 'rule pack folder (default: the shipped rules)')
    .option('--reporter <name>', 'text, junit or json', 'text')
    .option('-o, --out <file>', 'write the report to this file (e.g. comply-test.xml) instead of printing it')
    .action(async (options: { rules?: string; reporter: string; out?: string }) => {
      if (!Object.hasOwn(REPORTERS, options.reporter)) throw new UsageError(`--reporter must be one of ${Object.keys(REPORTERS).join(', ')} (got "${options.reporter}")`);
      const { pack, problems: found } = collectPack(options.rules);
      const problems = found.filter((p) => !p.warning);
      if (problems.length) {
        const folder = packFolderLabel(options.rules);
        process.stderr.write(`The rule pack has problems, so its cases were not run (see comply validate):\n${problems.map((p) => `  ${printable(problemText(p, folder))}\n`).join('')}`);
        throw new ProblemsFound();
      }
      const reporter = REPORTERS[options.reporter as keyof typeof REPORTERS];
      const report = testPack(pack);
      const { cases, failed, probes, underTested } = report.totals;
      if (options.out) {
        await writeAtomic(options.out, reporter(report));
        process.stderr.write(`Cases: ${cases - failed} passed, ${failed} failed; boundaries: ${probes - underTested} noticed, ${underTested} not noticed. Written to ${options.out}\n`);
      } else process.stdout.write(reporter(report));
      if (failed > 0 || underTested > 0) throw new ProblemsFound();
    });
}
