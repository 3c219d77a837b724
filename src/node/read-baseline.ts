import { BaselineError, parseBaseline, type Baseline } from '../baseline/baseline.js';
import type { FileFingerprint } from '../manifest/run-manifest.js';
import { fileFingerprint } from './fingerprint.js';
import { readRegularFile } from './read-inputs.js';

/** Reads last week's JSON report as the baseline, with its size and SHA-256 for the manifest. */
export function readBaseline(path: string): { baseline: Baseline; fingerprint: FileFingerprint } {
  let bytes: Buffer;
  try {
    bytes = readRegularFile(path);
  } catch (error) {
    throw new BaselineError(`Cannot read the baseline ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch {
    throw new BaselineError(`The baseline ${path} is not JSON: give the .json report of an earlier run (--format json)`);
  }
  return { baseline: parseBaseline(json, path), fingerprint: fileFingerprint(path, bytes) };
}
