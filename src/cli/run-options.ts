import type { CheckResult } from '../engine/run-check.js';
import { runCheck } from '../engine/run-check.js';
import type { RuleDef } from '../rules/rule.js';
import { readConfig } from '../node/config.js';
import { loadPack } from '../node/load-pack.js';
import { readInputs } from '../node/read-inputs.js';
import { resolveAsOf } from './as-of.js';

/** Options shared by every command that runs rules over extracts. */
export interface RunOptions {
  data: string[];
  rules?: string;
  asOf?: string;
  config?: string;
}

/** Reads the pack and the extracts and runs the check: the edges around the pure core. */
export function runFromOptions(options: RunOptions, select?: (rule: RuleDef) => boolean): { result: CheckResult; files: string[] } {
  const asOf = resolveAsOf(options.asOf);
  const pack = loadPack(options.rules);
  const config = readConfig(options.config);
  const { tables, files } = readInputs(options.data);
  const result = runCheck(pack, tables, { asOf, select, headerAliases: config.headerAliases ?? {} });
  return { result, files };
}
