import type { RuleCounts, RuleSummary } from '../engine/outcome.js';

/** A file as the run read it: the path as given, its size and its SHA-256 (computed at the edge). */
export interface FileFingerprint {
  file: string;
  size: number;
  sha256: string;
}

/** A rule as the run used it: its id, version and the SHA-256 of its definition. */
export interface RuleFingerprint {
  id: string;
  version: number;
  sha256: string;
}

/** The audit trail of one run: what was run, on what, and what it found. No times, no machine paths. */
export interface RunManifest {
  tool: { name: string; version: string };
  command: string;
  asOf: string;
  ruleSet: { sha256: string; rules: (RuleFingerprint & { counts: RuleCounts })[] };
  inputs: FileFingerprint[];
  baseline?: FileFingerprint & { asOf: string };
}

export interface ManifestParts {
  tool: { name: string; version: string };
  command: string;
  asOf: string;
  ruleSetSha256: string;
  rules: readonly RuleFingerprint[];
  inputs: readonly FileFingerprint[];
}

/** The manifest of a run: each rule the run judged, with its fingerprint and counts. */
export function buildManifest(parts: ManifestParts, summaries: readonly RuleSummary[]): RunManifest {
  const prints = new Map(parts.rules.map((r) => [r.id, r]));
  return {
    tool: parts.tool,
    command: parts.command,
    asOf: parts.asOf,
    ruleSet: {
      sha256: parts.ruleSetSha256,
      rules: summaries.map((s) => ({ id: s.ruleId, version: s.version, sha256: prints.get(s.ruleId)?.sha256 ?? '', counts: s.counts })),
    },
    inputs: [...parts.inputs],
  };
}
