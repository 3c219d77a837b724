import type { CheckResult } from '../engine/run-check.js';
import { runCheck } from '../engine/run-check.js';
import type { RuleDef } from '../rules/rule.js';
import { readConfig } from '../node/config.js';
import { loadPack } from '../node/load-pack.js';
import { readInputs } from '../node/read-inputs.js';
import { DEFAULT_MAX_INPUT_MB, type ReadLimits } from '../read/screen-input.js';
import { resolveAsOf, UsageError } from './as-of.js';

/** Options shared by every command that runs rules over extracts. */
export interface RunOptions {
  data: string[];
  rules?: string;
  asOf?: string;
  config?: string;
  maxInputMb?: string;
}

/** Help text for --max-input-mb, shared by the commands that read extracts. */
export const MAX_INPUT_HELP = `refuse any input larger than this, on disk or unpacked (default: ${DEFAULT_MAX_INPUT_MB})`;

function readLimits(maxInputMb: string | undefined): ReadLimits {
  if (maxInputMb === undefined) return {};
  const mb = Number(maxInputMb);
  if (!Number.isFinite(mb) || mb <= 0) throw new UsageError(`--max-input-mb must be a number of megabytes above 0 (got "${maxInputMb}")`);
  return { maxInputMb: mb };
}

/** The as-of date, the authority's header names and the extracts: read once, for one run or two. */
export function readRunInputs(options: RunOptions) {
  const asOf = resolveAsOf(options.asOf);
  const limits = readLimits(options.maxInputMb);
  const config = readConfig(options.config);
  const { tables, files } = readInputs(options.data, limits);
  return { asOf, headerAliases: config.headerAliases ?? {}, tables, files };
}

/** Reads the pack and the extracts and runs the check: the edges around the pure core. */
export function runFromOptions(options: RunOptions, select?: (rule: RuleDef) => boolean): { result: CheckResult; files: string[] } {
  const pack = loadPack(options.rules);
  const { asOf, headerAliases, tables, files } = readRunInputs(options);
  const result = runCheck(pack, tables, { asOf, select, headerAliases });
  return { result, files };
}
