import { neutraliseFormula } from './cells.js';
import { safeName } from './file-name.js';
import type { FilledLater } from './rendered.js';
import type { OutTable } from './tabular.js';

/** What makes a field need quotes. */
const NEEDS_QUOTES = /[",\r\n]/;

function field(value: unknown): string {
  if (value === null || value === undefined) return '';
  // A number's text has no quote, comma or line break to quote, and no formula to neutralise.
  if (typeof value === 'number') return String(value);
  const text = neutraliseFormula(String(value));
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * RFC 4180 CSV with a header row; dates stay ISO (yyyy-mm-dd), which no spreadsheet misreads. A
 * line at a time: a million rows make more text than one string should hold. Each line is built
 * by appending its fields (half a million lines: an array of fields for each, mapped and joined,
 * cost more than the fields).
 */
export function* csvPieces(table: OutTable): Generator<string | FilledLater> {
  yield `\uFEFF${table.columns.map((c) => field(c.header)).join(',')}\r\n`;
  if (table.later) yield table.later;
  else for (const row of table.rows) yield csvLine(row);
}

/** A row's line of CSV, its line end included. */
export function csvLine(row: readonly unknown[]): string {
  let line = row.length ? field(row[0]) : '';
  for (let i = 1; i < row.length; i++) line += `,${field(row[i])}`;
  return `${line}\r\n`;
}

/** A safe file name for a table. */
export function csvFileName(table: OutTable): string {
  return `${safeName(table.name)}.csv`;
}
