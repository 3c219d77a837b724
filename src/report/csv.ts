import { neutraliseFormula } from './cells.js';
import { safeName } from './file-name.js';
import type { OutTable } from './tabular.js';

function field(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : neutraliseFormula(String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** How many rows go into one piece of a CSV file's text. */
const ROWS_PER_PIECE = 1000;

/**
 * RFC 4180 CSV with a header row; dates stay ISO (yyyy-mm-dd), which no spreadsheet misreads. In
 * pieces of ROWS_PER_PIECE rows: a million rows make more text than one string should hold.
 */
export function* csvPieces(table: OutTable): Generator<string> {
  yield `\uFEFF${table.columns.map((c) => field(c.header)).join(',')}\r\n`;
  for (let from = 0; from < table.rows.length; from += ROWS_PER_PIECE) {
    const to = Math.min(table.rows.length, from + ROWS_PER_PIECE);
    let piece = '';
    for (let i = from; i < to; i++) piece += `${table.rows[i]!.map(field).join(',')}\r\n`;
    yield piece;
  }
}

/** A safe file name for a table. */
export function csvFileName(table: OutTable): string {
  return `${safeName(table.name)}.csv`;
}
