import type { CheckResult } from '../engine/run-check.js';
import { runCheck } from '../engine/run-check.js';
import type { OnProgress } from '../engine/progress.js';
import { buildManifest } from '../manifest/run-manifest.js';
import type { RuleDef } from '../rules/rule.js';
import { readConfig } from '../node/config.js';
import { ruleFingerprints, ruleSetSha256 } from '../node/fingerprint.js';
import { loadPack } from '../node/load-pack.js';
import { skippedFileFindings, streamInputs } from '../node/read-inputs.js';
import { compareFindings } from '../findings/finding.js';
import { DEFAULT_MAX_INPUT_MB, type ReadLimits } from '../read/screen-input.js';
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
  quiet?: boolean;
}

/** Help text for --max-input-mb, shared by the commands that read extracts. */
export const MAX_INPUT_HELP = `refuse any input larger than this, on disk or unpacked (default: ${DEFAULT_MAX_INPUT_MB})`;

function readLimits(maxInputMb: string | undefined): ReadLimits {
  if (maxInputMb === undefined) return {};
  const mb = Number(maxInputMb);
  if (!Number.isFinite(mb) || mb <= 0) throw new UsageError(`--max-input-mb must be a number of megabytes above 0 (got "${maxInputMb}")`);
  return { maxInputMb: mb };
}

/** The as-of date, the authority's header names and the extracts (with their fingerprints): read once, for one run or two. */
export function readRunInputs(options: RunOptions, onProgress?: OnProgress) {
  const asOf = resolveAsOf(options.asOf);
  const limits = readLimits(options.maxInputMb);
  const config = readConfig(options.config);
  const { tables, files, fingerprints, skipped } = streamInputs(options.data, limits, onProgress);
  return { asOf, headerAliases: config.headerAliases ?? {}, tables, files, fingerprints, skipped };
}

/** Reads the pack and the extracts, runs the check and adds the run manifest: the edges around the pure core. */
export function runFromOptions(options: RunOptions, select: (rule: RuleDef) => boolean = () => true, command = 'check'): { result: CheckResult; files: string[] } {
  const pack = loadPack(options.rules);
  const progress = progressBar({ stream: process.stderr, quiet: options.quiet });
  try {
    const { asOf, headerAliases, tables, files, fingerprints, skipped } = readRunInputs(options, progress.update);
    const checked = runCheck(pack, tables, { asOf, select, headerAliases, onProgress: progress.update });
    const result = { ...checked, findings: [...checked.findings, ...skippedFileFindings(skipped)].sort(compareFindings) };
    const rules = ruleFingerprints(pack.rules.filter(select));
    const parts = { tool: { name: 'csc-comply', version: VERSION }, command, asOf: result.asOf, ruleSetSha256: ruleSetSha256(rules, pack), rules, inputs: fingerprints };
    return { result: { ...result, manifest: buildManifest(parts, result.rules) }, files };
  } finally {
    progress.finish();
  }
}
