import type { Day } from '../calendar/index.js';
import type { HeaderAliases } from '../datasets/dataset.js';
import type { OnProgress } from '../engine/progress.js';
import { runCheck, type CheckResult } from '../engine/run-check.js';
import type { FileFingerprint } from '../manifest/run-manifest.js';
import type { ReadLimits } from '../read/input-limits.js';
import type { RulePack } from '../rules/rule-pack.js';
import { streamInputs } from './read-inputs.js';

/** A share of a check, as a worker thread is given it: plain data only. */
export interface ShareTask {
  pack: RulePack;
  files: string[];
  /** Ids of the rules to run. */
  rules: string[];
  asOf: Day;
  headerAliases: HeaderAliases;
  limits: ReadLimits;
}

export interface ShareResult {
  result: CheckResult;
  /** Each file's size and SHA-256, in the order given. */
  fingerprints: FileFingerprint[];
}

/** Reads a share's files (streamed, fingerprinted) and runs its rules over them. */
export async function checkShare(task: ShareTask, onProgress?: OnProgress): Promise<ShareResult> {
  const rules = new Set(task.rules);
  const { tables, fingerprints } = await streamInputs(task.files, task.limits, onProgress);
  const result = runCheck(task.pack, tables, { asOf: task.asOf, headerAliases: task.headerAliases, select: (rule) => rules.has(rule.id), onProgress });
  return { result, fingerprints };
}
