import type { RawCell } from '../read/raw-table.js';

/** How many values with a second number over 12 make a column look month-first. */
const US_EVIDENCE = 2;

export const US_ORDER_PROBLEM = 'not read: this column looks like US month-first dates (mm/dd/yyyy), so day and month cannot be told apart';

/** Why a dd/mm-style date is not read in a date column of a sheet whose other columns (`named`, quoted) look month-first. */
export function usOrderInSheetProblem(named: string): string {
  return `not read: this sheet has US month-first dates (mm/dd/yyyy) in ${named}, so day and month cannot be told apart`;
}

/** The first two numbers of text written like dd/mm/yyyy (any of / - . between), else undefined. */
export function dayMonthParts(cell: RawCell): [number, number] | undefined {
  if (typeof cell !== 'string') return undefined;
  const m = /^\s*(\d{1,2})([/.-])(\d{1,2})\2\d{4}(?!\d)/.exec(cell);
  return m ? [Number(m[1]), Number(m[3])] : undefined;
}

/**
 * A column whose text dates are month-first: several have a second number over 12 (13-31)
 * and none has a first number over 12. Its day/month text cannot be read without guessing.
 */
export function looksMonthFirst(cells: Iterable<RawCell>): { monthFirst: boolean; evidence: number } {
  let evidence = 0;
  for (const cell of cells) {
    const parts = dayMonthParts(cell);
    if (!parts) continue;
    if (parts[0] > 12) return { monthFirst: false, evidence: 0 };
    if (parts[1] > 12 && parts[1] <= 31) evidence++;
  }
  return { monthFirst: evidence >= US_EVIDENCE, evidence };
}
