/** An error cell such as #N/A or #REF!, kept apart from text that merely looks like one. */
export interface ErrorCell {
  error: string;
}

/** A cell as read: text, number, boolean, a Date (some readers), an error cell, or nothing. */
export type RawCell = string | number | boolean | Date | ErrorCell | null | undefined;

/** One sheet (or one CSV file) as rows of cells, before anything is known about it. */
export interface RawTable {
  file: string;
  /** Sheet name; absent for CSV. */
  sheet?: string;
  /** A hidden sheet: read like any other, and said so in the inputs summary. */
  hidden?: boolean;
  /** Excel row number of rows[0] (1 unless the used range starts lower). */
  firstRow: number;
  rows: RawCell[][];
}

export function isErrorCell(value: unknown): value is ErrorCell {
  return typeof value === 'object' && value !== null && 'error' in value;
}
