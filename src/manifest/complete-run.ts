import type { CheckResult } from '../engine/run-check.js';
import { compareFindings } from '../findings/finding.js';
import { skippedFileFindings, type Skipped } from '../read/input-files.js';
import type { RulePack } from '../rules/rule-pack.js';
import type { RuleDef } from '../rules/rule.js';
import { canonicalJson } from './canonical-json.js';
import { buildManifest, type FileFingerprint, type RuleFingerprint } from './run-manifest.js';

/** SHA-256 as lower-case hex, given by the edge (Node's crypto on the command line, a script in the browser page). */
export type Sha256 = (content: string | Uint8Array) => string;

/** Each selected rule's id, version and the SHA-256 of its definition (keys sorted, so layout does not count). */
export function ruleFingerprints(rules: readonly RuleDef[], sha256: Sha256): RuleFingerprint[] {
  return [...rules]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map(({ $schema: _schema, ...def }) => ({ id: def.id, version: def.version, sha256: sha256(canonicalJson(def)) }));
}

/** One hash for everything that decides a result: the rules used, the datasets and the calendar. */
export function ruleSetSha256(rules: readonly RuleFingerprint[], pack: RulePack, sha256: Sha256): string {
  return sha256(canonicalJson({ rules, datasets: pack.datasets, calendar: pack.calendar }));
}

/** What the edge knows of a run besides its check: the pack and rules used, the command, the files read and skipped. */
export interface RunContext {
  pack: RulePack;
  select: (rule: RuleDef) => boolean;
  command: string;
  version: string;
  /** Each file read, with its size and SHA-256. */
  inputs: readonly FileFingerprint[];
  /** Files in a folder that were not read, and why. */
  skipped: readonly Skipped[];
  sha256: Sha256;
}

/** A check's result as a run reports it: the files skipped among the findings, and the run manifest. */
export function completeRun(checked: CheckResult, run: RunContext): CheckResult {
  const result = { ...checked, findings: [...checked.findings, ...skippedFileFindings(run.skipped)].sort(compareFindings) };
  const rules = ruleFingerprints(run.pack.rules.filter(run.select), run.sha256);
  const parts = { tool: { name: 'csc-comply', version: run.version }, command: run.command, asOf: result.asOf, ruleSetSha256: ruleSetSha256(rules, run.pack, run.sha256), rules, inputs: run.inputs };
  return { ...result, manifest: buildManifest(parts, result.rules) };
}
