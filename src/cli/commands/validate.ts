import type { Command } from 'commander';
import { caseProblems } from '../../cases/case-problems.js';
import { collectPack } from '../../node/load-pack.js';
import { packFileRole } from '../../rules/rule-pack.js';
import { printable } from '../../report/printable.js';
import { problemText } from '../../rules/problem-text.js';
import { packFolderLabel } from '../pack-folder.js';
import { ProblemsFound } from '../problems-found.js';

/** `comply validate`: every rule file against the schema, then the checks a schema cannot express. */
export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('Check the rule pack: schema errors with file, JSON pointer, line and column, then names, columns, units and cases (exit 1 on any problem; a warning alone does not fail)')
    .option('-r, --rules <dir>', 'rule pack folder (default: the shipped rules)')
    .action((options: { rules?: string }) => {
      const { pack, files, problems } = collectPack(options.rules);
      const all = [...problems, ...caseProblems(pack, files)];
      const folder = packFolderLabel(options.rules);
      const count = (role: string) => files.filter((f) => packFileRole(f.path) === role).length;
      for (const p of all) process.stdout.write(`${printable(problemText(p, folder))}\n`);
      const checked = `${count('rule')} rule file(s), ${count('cases')} cases file(s), ${count('dataset')} dataset(s) in ${folder}`;
      const errors = all.filter((p) => !p.warning);
      const warnings = all.length - errors.length;
      const warned = warnings ? ` (${warnings} warning(s))` : '';
      if (errors.length === 0) {
        process.stdout.write(`No problems${warned}: ${checked}\n`);
        return;
      }
      process.stdout.write(`${errors.length} problem(s)${warned} in ${new Set(errors.map((p) => p.file)).size} file(s): ${checked}\n`);
      throw new ProblemsFound();
    });
}
