import { neutraliseFormula } from './cells.js';
import { safeName } from './file-name.js';
import type { OutTable } from './tabular.js';

function field(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : neutraliseFormula(String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * RFC 4180 CSV with a header row; dates stay ISO (yyyy-mm-dd), which no spreadsheet misreads. A
 * line at a time: a million rows make more text than one string should hold.
 */
export function* csvPieces(table: OutTable): Generator<string> {
  yield `\uFEFF${table.columns.map((c) => field(c.header)).join(',')}\r\n`;
  for (const row of table.rows) yield `${row.map(field).join(',')}\r\n`;
}

/** A safe file name for a table. */
export function csvFileName(table: OutTable): string {
  return `${safeName(table.name)}.csv`;
}
