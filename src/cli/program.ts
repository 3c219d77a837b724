import { Command } from 'commander';
import { registerCheck } from './commands/check.js';
import { registerDiff } from './commands/diff.js';
import { registerDrift } from './commands/drift.js';
import { registerTemplate } from './commands/template.js';
import { registerTest } from './commands/test.js';
import { registerTrend } from './commands/trend.js';
import { registerValidate } from './commands/validate.js';
import { VERSION } from './version.js';

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
  registerValidate(program);
  registerTest(program);
  registerDiff(program);
  registerTrend(program);
  return program;
}
