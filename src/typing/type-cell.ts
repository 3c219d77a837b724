import { dateCellDay } from '../calendar/index.js';
import type { ColumnType } from '../datasets/dataset.js';
import { FORMULA_NOT_SAVED, isErrorCell, type RawCell } from '../read/raw-table.js';
import { isEmptyCell } from './empty.js';

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

/** Whether a cell reads as its column's type whatever it holds: text always reads as an id or as text. */
export const alwaysReadable = (value: RawCell, type: ColumnType): boolean => typeof value === 'string' && (type === 'id' || type === 'text');

/** Why a cell cannot be read as its column's type. */
export class Unreadable {
  constructor(readonly problem: string) {}
}

/**
 * Reads one cell as its column's type; dates become day numbers (days since 1970-01-01), a
 * number in a date column read as a serial of the workbook's date system (`date1904`). A
 * readable cell gives its value and no result object around it, as this runs on every cell of
 * every input; an unreadable one gives an Unreadable.
 */
export function typeCell(value: RawCell, type: ColumnType, date1904 = false): string | number | null | Unreadable {
  if (isEmptyCell(value)) return null;
  if (isErrorCell(value)) return new Unreadable(value.error === FORMULA_NOT_SAVED ? 'a formula with no saved value: open the file in Excel and save it, so that Excel works the value out' : `Excel error ${value.error}`);
  const v = value as string | number | boolean | Date;
  switch (type) {
    case 'id':
      return idText(v);
    case 'text':
      return tidyText(v);
    case 'number': {
      const n = typeof v === 'number' ? v : Number(String(v).trim().replace(/,/g, ''));
      return Number.isFinite(n) ? n : new Unreadable('not a number');
    }
    case 'date': {
      const day = dateCellDay(v, date1904);
      return typeof day === 'number' ? day : new Unreadable(day);
    }
  }
}
