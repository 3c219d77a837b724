import { BaselineError, parseBaselineText, type Baseline } from '../baseline/baseline.js';
import type { FileFingerprint } from '../manifest/run-manifest.js';
import { fileFingerprint } from './fingerprint.js';
import { readRegularFile, unreadableBecause } from './read-inputs.js';

/** Reads last week's JSON report as the baseline, with its size and SHA-256 for the manifest. */
export function readBaseline(path: string): { baseline: Baseline; fingerprint: FileFingerprint } {
  let bytes: Buffer;
  try {
    bytes = readRegularFile(path);
  } catch (error) {
    const why = unreadableBecause(error);
    const what = (error as NodeJS.ErrnoException).code === 'ENOENT' ? " (a baseline is an earlier run's JSON report, written with --out <file>.json)" : '';
    throw new BaselineError(`Cannot read the baseline ${path}: ${why}${what}`);
  }
  return { baseline: parseBaselineText(bytes.toString('utf8'), path), fingerprint: fileFingerprint(path, bytes) };
}
