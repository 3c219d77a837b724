import { isErrorCell, type RawCell } from '../read/raw-table.js';

const EMPTY_TEXT = new Set(['', '-', 'n/a', '#n/a', 'na']);

/** First characters (either case) of the empty markers: text starting otherwise is not empty. */
const MARKER_STARTS = new Set([...EMPTY_TEXT].flatMap((t) => (t ? [t.charCodeAt(0), t.toUpperCase().charCodeAt(0)] : [])));

/** The longest empty marker: longer text that trim leaves whole is not one. */
const MARKER_LENGTH = Math.max(...[...EMPTY_TEXT].map((t) => t.length));

const isPrintable = (c: number) => c > 0x20 && c < 0x7f;

/**
 * False for most text at a glance: only text that is empty, starts or ends with a space or a
 * character outside printable ASCII (trim may remove it), or starts as an empty marker does and
 * is no longer than one can be empty.
 */
function mayBeEmptyText(text: string): boolean {
  const c = text.charCodeAt(0);
  if (!isPrintable(c)) return true;
  if (!MARKER_STARTS.has(c)) return false;
  return text.length <= MARKER_LENGTH || !isPrintable(text.charCodeAt(text.length - 1));
}

/** Empty cells, "-", "N/A", "#N/A" text and Excel #N/A error cells all mean "no value". */
export function isEmptyCell(value: RawCell): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return mayBeEmptyText(value) && EMPTY_TEXT.has(value.trim().toLowerCase());
  if (isErrorCell(value)) return value.error.trim().toUpperCase() === '#N/A';
  return false;
}
