import type { Finding } from '../findings/finding.js';

/** An error cell such as #N/A or #REF!, kept apart from text that merely looks like one. */
export interface ErrorCell {
  error: string;
}

/** What an error cell holds for a formula saved without its value (a file written by a program, never opened in Excel). */
export const FORMULA_NOT_SAVED = '(formula with no saved value)';

/** A cell as read: text, number, boolean, a Date (some readers), an error cell, or nothing. */
export type RawCell = string | number | boolean | Date | ErrorCell | null | undefined;

/**
 * One sheet (or one CSV file) as rows of cells, before anything is known about it, read as a
 * stream: its rows can be gone through once, in order (a large CSV file is never held whole).
 */
export interface RawRows {
  file: string;
  /** Sheet name; absent for CSV. */
  sheet?: string;
  /** A hidden sheet: read like any other, and said so in the inputs summary. */
  hidden?: boolean;
  /** Excel row number of the first row (1 unless the used range starts lower). */
  firstRow: number;
  /**
   * Rows of the file left out after the first row given (a range of a CSV file's rows given with
   * its header row: another range reads the rows between), so that the rows after it are numbered
   * as Excel shows them in the whole file.
   */
  skippedAfterFirst?: number;
  /**
   * A workbook saved with Excel's 1904 date system (as Excel for Mac may save one): its dates are
   * serials counted from 1 January 1904 (serial 0), 1462 less than the 1900 system's.
   */
  date1904?: boolean;
  rows: Iterable<RawCell[]>;
  /** What reading the rows found (how a CSV file's text was taken, its stray quotes): complete once every row has been read. */
  readFindings?: () => readonly Finding[];
}

/** One sheet (or one CSV file) with all its rows in memory. */
export interface RawTable extends RawRows {
  rows: RawCell[][];
}

export function isErrorCell(value: unknown): value is ErrorCell {
  return typeof value === 'object' && value !== null && 'error' in value;
}
