import { CommanderError } from 'commander';
import { PackError } from '../node/load-pack.js';
import { printable } from '../report/printable.js';
import { ProblemsFound } from './problems-found.js';
import { buildProgram } from './program.js';

/** Runs the CLI: exit 0 when the run completed (exceptions are results), 1 when rules have problems, 2 when it could not run. */
export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof ProblemsFound) return 1;
    const message = (error as Error).message;
    process.stderr.write(`comply: ${error instanceof PackError ? message : printable(message)}\n`);
    return 2;
  }
}
