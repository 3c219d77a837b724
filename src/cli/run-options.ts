import type { CheckResult } from '../engine/run-check.js';
import type { RenderFormat } from '../report/rendered.js';
import type { OnProgress } from '../engine/progress.js';
import { completeRun } from '../manifest/complete-run.js';
import type { RuleDef } from '../rules/rule.js';
import { checkFiles, MAX_THREADS, type KeptRendered, type SharedOut } from '../node/check-files.js';
import { readConfig } from '../node/config.js';
import { sha256Hex } from '../node/fingerprint.js';
import { loadPack } from '../node/load-pack.js';
import { readInputs } from '../node/read-inputs.js';
import { DEFAULT_MAX_INPUT_MB, type ReadLimits } from '../read/input-limits.js';
import { resolveAsOf, UsageError } from './as-of.js';
import { progressBar } from './progress-bar.js';
import { VERSION } from './version.js';

/** Options shared by every command that runs rules over extracts. */
export interface RunOptions {
  data: string[];
  rules?: string;
  asOf?: string;
  config?: string;
  maxInputMb?: string;
  threads?: string;
  quiet?: boolean;
}

/** Help text for --max-input-mb, shared by the commands that read extracts. */
export const MAX_INPUT_HELP = `refuse any input larger than this, on disk or unpacked (default: ${DEFAULT_MAX_INPUT_MB})`;

/** Help text for --threads, shared by the commands that run the rules. */
export const THREADS_HELP = 'threads to share the check between, 1 for one (default: one per core from 16 MB of input); the result is the same';

function readLimits(maxInputMb: string | undefined): ReadLimits {
  if (maxInputMb === undefined) return {};
  const mb = Number(maxInputMb);
  if (!Number.isFinite(mb) || mb <= 0) throw new UsageError(`--max-input-mb must be a number of megabytes above 0 (got "${maxInputMb}")`);
  return { maxInputMb: mb };
}

function readThreads(threads: string | undefined): number | undefined {
  if (threads === undefined) return undefined;
  const n = Number(threads);
  if (!Number.isInteger(n) || n < 1 || n > MAX_THREADS) throw new UsageError(`--threads must be a whole number from 1 to ${MAX_THREADS} (got "${threads}")`);
  return n;
}

/** The as-of date, the input size limit and the authority's header names. */
async function runSettings(options: RunOptions) {
  const asOf = await resolveAsOf(options.asOf);
  const limits = readLimits(options.maxInputMb);
  const config = readConfig(options.config);
  return { asOf, limits, headerAliases: config.headerAliases ?? {} };
}

/**
 * The as-of date, the authority's header names and the extracts (with their fingerprints), every
 * row held in memory: read once, so that two runs (`comply diff`'s two packs) judge the same rows.
 */
export async function readRunInputs(options: RunOptions, onProgress?: OnProgress) {
  const { asOf, limits, headerAliases } = await runSettings(options);
  const { tables, files, fingerprints, skipped } = await readInputs(options.data, limits, onProgress);
  return { asOf, headerAliases, tables, files, fingerprints, skipped };
}

/** Reads the pack and the extracts, runs the check and adds the run manifest: the edges around the pure core. */
export async function runFromOptions(
  options: RunOptions,
  select: (rule: RuleDef) => boolean = () => true,
  command = 'check',
  render?: RenderFormat,
): Promise<{ result: CheckResult; rendered: KeptRendered | null; files: string[]; sharedOut: SharedOut | null }> {
  const { asOf, limits, headerAliases } = await runSettings(options);
  const threads = readThreads(options.threads);
  const progress = progressBar({ stream: process.stderr, quiet: options.quiet });
  try {
    const readPack = () => loadPack(options.rules);
    const { pack, result: checked, rendered, files, fingerprints, skipped, sharedOut } = await checkFiles(readPack, options.data, { asOf, select, headerAliases, limits, threads, render, onProgress: progress.update });
    const result = completeRun(checked, { pack, select, command, version: VERSION, inputs: fingerprints, skipped, sha256: sha256Hex });
    return { result, rendered, files, sharedOut };
  } finally {
    progress.finish();
  }
}
