import { createHash } from 'node:crypto';
import type { FileFingerprint } from '../manifest/run-manifest.js';

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
