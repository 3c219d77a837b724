import { Command } from 'commander';
import { registerCheck } from './commands/check.js';
import { registerDrift } from './commands/drift.js';
import { registerTemplate } from './commands/template.js';

export const VERSION = '0.1.0';

/** The `comply` command with all its subcommands. */
export function buildProgram(): Command {
  const program = new Command('comply')
    .description("Compliance checks for children's social care extracts: spreadsheets in, exception lists out")
    .version(VERSION)
    .showHelpAfterError()
    .exitOverride();
  registerCheck(program);
  registerDrift(program);
  registerTemplate(program);
  return program;
}
