import type { Finding } from '../findings/finding.js';
import { ReadError } from './read-error.js';

/** The file types read from a folder; anything else in it is skipped, with a finding. */
export const READABLE = /\.(xlsx|xlsm|xlsb|xls|csv|txt|ods)$/i;

/** A folder entry passed over unseen: hidden files and folders, and Excel's lock files (~$). */
export const isHiddenEntry = (name: string): boolean => name.startsWith('.') || name.startsWith('~$');

/** A file in a folder that was not read, and why. */
export interface Skipped {
  file: string;
  why: string;
}

/** The file types the tool reads, in a user's words (READABLE's). */
export const READABLE_TYPES = '.xlsx, .xlsm, .xlsb, .xls, .ods, .csv and .txt';

/** Why a file in a folder whose type is not a spreadsheet was not read. */
export const NOT_A_SPREADSHEET = `Not a spreadsheet file type, so it was not read (the checker reads ${READABLE_TYPES})`;

/** A finding for each file in a folder that was not read, saying why. */
export function skippedFileFindings(skipped: readonly Skipped[]): Finding[] {
  return skipped.map(({ file, why }) => ({ file, kind: 'unreadable-file', level: 'warning', message: why }));
}

/** What a user is told about a file that could not be read: a ReadError says why; anything else, only that it could not be. */
export const unreadableFileMessage = (error: unknown, file: string): string =>
  error instanceof ReadError ? error.message : `${file} could not be read as a spreadsheet`;
