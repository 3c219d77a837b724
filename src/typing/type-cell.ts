import { parseDateCell } from '../calendar/index.js';
import type { ColumnType } from '../datasets/dataset.js';
import { isErrorCell, type RawCell } from '../read/raw-table.js';
import { isEmptyCell } from './empty.js';

export type CellResult = { ok: true; value: string | number | null } | { ok: false; problem: string };

/** The raw cell as a user would recognise it in a message. */
export function rawText(value: RawCell): string {
  if (value === null || value === undefined) return '';
  if (isErrorCell(value)) return value.error;
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/**
 * Whether text is already tidy: printable ASCII with single spaces between words, as nearly
 * every cell is. A scan of its characters says so far faster than the regex that tidies it.
 */
function isTidy(text: string): boolean {
  const last = text.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x20 && c < 0x7f) continue;
    if (c !== 0x20 || i === 0 || i === last || text.charCodeAt(i + 1) === 0x20) return false;
  }
  return true;
}

/** Text as a person reads it: no-break and repeated spaces are one space, none at the ends. */
function tidyText(value: string | number | boolean | Date): string {
  const text = String(value);
  return isTidy(text) ? text : text.replace(/\s+/g, ' ').trim();
}

function idText(value: string | number | boolean | Date): string {
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  return tidyText(value);
}

/** Reads one cell as its column's type; dates become day numbers (days since 1970-01-01). */
export function typeCell(value: RawCell, type: ColumnType): CellResult {
  if (isEmptyCell(value)) return { ok: true, value: null };
  if (isErrorCell(value)) return { ok: false, problem: `Excel error ${value.error}` };
  const v = value as string | number | boolean | Date;
  switch (type) {
    case 'id':
      return { ok: true, value: idText(v) };
    case 'text':
      return { ok: true, value: tidyText(v) };
    case 'number': {
      const n = typeof v === 'number' ? v : Number(String(v).trim().replace(/,/g, ''));
      return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, problem: 'not a number' };
    }
    case 'date': {
      const parsed = parseDateCell(v);
      return parsed.ok ? { ok: true, value: parsed.day } : { ok: false, problem: parsed.problem };
    }
  }
}
