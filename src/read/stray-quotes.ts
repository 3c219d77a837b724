import type { Finding } from '../findings/finding.js';

/**
 * Stray quotes in CSV text: a quote that opens a cell and would swallow the rows after it (see
 * csv-rows.ts, which finds them), and the findings that name them; and, in a file of two columns,
 * the quoted cells that run across lines, where a stray quote closed by a later one cannot be told
 * from a note (one note finding names them).
 */

/** More line breaks than this inside one quoted cell make its quote a stray one (csv-rows.ts). */
export const MAX_QUOTED_LINES = 100;

/** A quote that opened a cell and would have swallowed the lines after it, read as a character instead. */
export interface StrayQuote {
  /** The row where the quote opens, counted as the reader gives rows (as Excel numbers them). */
  row: number;
  /** The cell's column, 0 for the first. */
  column: number;
  /** Line breaks the quoted cell would have taken in: to its closing quote, or to the end of the file. */
  lines: number;
  /** Why it was judged stray. */
  reason: 'never-closed' | 'too-many-lines' | 'takes-in-rows';
  /** Where the quote is, in characters from the start of the text read as rows (after any "sep=" line). */
  offset: number;
}

/**
 * A column's name as Excel shows it (A to Z, then AA, AB, ...), from its index (0 for A). SheetJS
 * has this (utils.encode_col), but a CSV file is read without loading SheetJS.
 */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const WHY: Record<StrayQuote['reason'], (lines: number) => string> = {
  'never-closed': (lines) => `is never closed, so it would take in the ${lines} line(s) after it, to the end of the file, as one cell`,
  'too-many-lines': () => `is not closed within the ${MAX_QUOTED_LINES} lines after it, so it would take in more than ${MAX_QUOTED_LINES} lines as one cell`,
  'takes-in-rows': (lines) => `would take in the ${lines} line(s) after it, up to its closing quote, as one cell, and they look like rows of their own`,
};

/** A finding for each stray quote: the row where it opens, its column (as Excel names it), and the lines it would have swallowed. */
export function strayQuoteFindings(file: string, strays: readonly StrayQuote[]): Finding[] {
  return strays.map((q) => ({
    file,
    row: q.row,
    kind: 'suspicious-value',
    level: 'warning',
    message: `A quote opens the cell in column ${columnName(q.column)} and ${WHY[q.reason](q.lines)}: read as a stray quote, part of the cell's text, so each of those lines is read as its own row. Check the cell (a name such as "O'Brien typed with a quote?)`,
  }));
}

/** A quoted cell that runs across lines in a file of two columns, read as one cell. */
export interface MultiLineCell {
  /** The row where the cell's quote opens, as Excel numbers rows. */
  row: number;
  /** The cell's column, 0 for the first. */
  column: number;
  /** Line breaks inside the cell. */
  lines: number;
}

const ROWS_NAMED = 5;

/** One note naming the quoted cells that run across lines in a file of two columns (the first few rows), or none. */
export function multiLineCellFindings(file: string, cells: readonly MultiLineCell[]): Finding[] {
  if (!cells.length) return [];
  const rows = cells.slice(0, ROWS_NAMED).map((c) => c.row).join(', ');
  const more = cells.length > ROWS_NAMED ? ` and ${cells.length - ROWS_NAMED} more` : '';
  return [
    {
      file,
      row: cells[0]!.row,
      kind: 'suspicious-value',
      level: 'info',
      message: `${cells.length} quoted cell(s) run across lines (row${cells.length > 1 ? 's' : ''} ${rows}${more}), each read as one cell, as Excel reads it: in a file of two columns, a row may be inside one. If a row seems missing there, look for a quote typed by mistake (a name such as "O'Brien) that a later quote closed.`,
    },
  ];
}
