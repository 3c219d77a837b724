import { isErrorCell, type RawCell } from '../read/raw-table.js';

const EMPTY_TEXT = new Set(['', '-', 'n/a', '#n/a', 'na']);

/** Empty cells, "-", "N/A", "#N/A" text and Excel #N/A error cells all mean "no value". */
export function isEmptyCell(value: RawCell): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return EMPTY_TEXT.has(value.trim().toLowerCase());
  if (isErrorCell(value)) return value.error.trim().toUpperCase() === '#N/A';
  return false;
}
