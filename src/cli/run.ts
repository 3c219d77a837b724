import { CommanderError } from 'commander';
import { PackError } from '../node/load-pack.js';
import { printable, printableLines } from '../report/printable.js';
import { NOT_CHECKED_EXIT, NotChecked } from './not-checked.js';
import { ProblemsFound } from './problems-found.js';
import { buildProgram } from './program.js';

/**
 * Runs the CLI: exit 0 when the run completed (exceptions are results), 1 when rules have
 * problems, 2 when it could not run, 3 when it ran but checked nothing it was asked to (no rule
 * could run; a drift rule did not run).
 */
export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof ProblemsFound) return 1;
    const message = (error as Error).message;
    if (error instanceof NotChecked) {
      process.stderr.write(`comply: ${printableLines(message)}\n`);
      return NOT_CHECKED_EXIT;
    }
    process.stderr.write(`comply: ${error instanceof PackError ? message : printable(message)}\n`);
    return 2;
  }
}
