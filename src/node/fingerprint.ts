import { createHash } from 'node:crypto';
import { canonicalJson } from '../manifest/canonical-json.js';
import type { FileFingerprint, RuleFingerprint } from '../manifest/run-manifest.js';
import type { RulePack } from '../rules/rule-pack.js';
import type { RuleDef } from '../rules/rule.js';

export const sha256Hex = (content: string | Uint8Array): string => createHash('sha256').update(content).digest('hex');

export const fileFingerprint = (file: string, bytes: Uint8Array): FileFingerprint => ({ file, size: bytes.length, sha256: sha256Hex(bytes) });

/** The same fingerprint from a file's bytes in chunks (a file too large to hold whole); each chunk is also shown to `alsoSee`. */
export function streamedFingerprint(file: string, chunks: Iterable<Uint8Array>, alsoSee?: (chunk: Uint8Array) => void): FileFingerprint {
  const hash = createHash('sha256');
  let size = 0;
  for (const chunk of chunks) {
    hash.update(chunk);
    alsoSee?.(chunk);
    size += chunk.length;
  }
  return { file, size, sha256: hash.digest('hex') };
}

/** Each selected rule's id, version and the SHA-256 of its definition (keys sorted, so layout does not count). */
export function ruleFingerprints(rules: readonly RuleDef[]): RuleFingerprint[] {
  return [...rules]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map(({ $schema: _schema, ...def }) => ({ id: def.id, version: def.version, sha256: sha256Hex(canonicalJson(def)) }));
}

/** One hash for everything that decides a result: the rules used, the datasets and the calendar. */
export function ruleSetSha256(rules: readonly RuleFingerprint[], pack: RulePack): string {
  return sha256Hex(canonicalJson({ rules, datasets: pack.datasets, calendar: pack.calendar }));
}
