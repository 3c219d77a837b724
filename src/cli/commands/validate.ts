import type { Command } from 'commander';
import { packValidation } from '../../cases/pack-validation.js';
import { collectPack } from '../../node/load-pack.js';
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
      const validation = packValidation(pack, files, problems, packFolderLabel(options.rules));
      for (const line of validation.lines) process.stdout.write(`${line}\n`);
      if (validation.problems > 0) throw new ProblemsFound();
    });
}
