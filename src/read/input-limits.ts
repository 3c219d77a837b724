// How large an input may be, apart from what a workbook unpacks to (screen-input.ts): that
// check needs a zip reader, which a check of CSV files does not load.
import { ReadError } from './read-error.js';

/** The largest input, in MB: its size on disk and, for a workbook, what it unpacks to. */
export const DEFAULT_MAX_INPUT_MB = 256;

export interface ReadLimits {
  /** Default DEFAULT_MAX_INPUT_MB. */
  maxInputMb?: number;
}

export const MB = 1024 * 1024;
const size = (bytes: number) => (bytes >= MB ? `${Math.ceil(bytes / MB)} MB` : `${Math.ceil(bytes / 1024)} KB`);

/** Why a file is refused as too large: what it is, or unpacks to, against the limit. */
export function tooLarge(file: string, what: string, bytes: number, limitMb: number): ReadError {
  return new ReadError(`${file} ${what} ${size(bytes)}, over the limit of ${limitMb} MB; if the file is genuine, raise the limit with --max-input-mb`);
}

/** Refuses a file larger than the limit (checked before reading it, and again on its bytes). */
export function checkFileSize(bytes: number, file: string, limits: ReadLimits = {}): void {
  const limitMb = limits.maxInputMb ?? DEFAULT_MAX_INPUT_MB;
  if (bytes > limitMb * MB) throw tooLarge(file, 'is', bytes, limitMb);
}
