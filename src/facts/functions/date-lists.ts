import type { FactValue } from '../fact-value.js';
import { day } from './calendar.js';
import type { FactFunction } from './function.js';

/** The latest of the dates (numbers; anything else is skipped) for which `counts` holds; empty when none. */
function latest(list: FactValue, counts: (d: number) => boolean): number | null {
  let found: number | null = null;
  for (const d of Array.isArray(list) ? list : []) if (typeof d === 'number' && counts(d) && (found === null || d > found)) found = d;
  return found;
}

/** Summaries of a list of dates (e.g. a home's visit dates from a related log), each in one pass, no list made. */
export const DATE_LIST_FUNCTIONS: Record<string, FactFunction> = {
  countBetween: {
    description: 'How many of the dates fall on or after the second argument and on or before the third.',
    example: '{ "call": "countBetween", "args": [{ "related": "visits", "column": "Visit Date" }, { "fact": "windowFrom" }, { "fact": "asOf" }] }',
    args: ['dates', 'date', 'date'],
    returns: 'number',
    empty: 'Empty dates in the list are not counted; no dates at all gives 0.',
    fn: (_env, list, from, to) => {
      const first = day(from);
      const last = day(to);
      let n = 0;
      for (const d of Array.isArray(list) ? list : []) if (typeof d === 'number' && d >= first && d <= last) n++;
      return n;
    },
  },
  latestOnOrBefore: {
    description: 'The latest of the dates that is on or before the given date (empty when none).',
    example: '{ "call": "latestOnOrBefore", "args": [{ "related": "visits", "column": "Visit Date" }, { "fact": "asOf" }] }',
    args: ['dates', 'date'],
    returns: 'date',
    empty: 'Empty dates in the list are skipped; when no date qualifies the result is empty.',
    fn: (_env, list, on) => {
      const last = day(on);
      return latest(list, (d) => d <= last);
    },
  },
  latestBefore: {
    description: 'The latest of the dates that is before the given date (empty when none).',
    example: '{ "call": "latestBefore", "args": [{ "related": "reviews", "column": "Review Date" }, { "fact": "asOf" }] }',
    args: ['dates', 'date'],
    returns: 'date',
    empty: 'Empty dates in the list are skipped; when no date qualifies the result is empty.',
    fn: (_env, list, on) => {
      const before = day(on);
      return latest(list, (d) => d < before);
    },
  },
};
