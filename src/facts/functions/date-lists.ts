import type { FactValue } from '../fact-value.js';
import { day } from './calendar.js';
import type { FactFunction } from './function.js';

/** The dates in a list: the list, or none when it is not one. */
const datesIn = (list: FactValue): readonly FactValue[] => (Array.isArray(list) ? list : []);

/**
 * The latest of the dates (numbers; anything else is skipped) up to `last`, or before it when
 * `before`; empty when none. A loop with a bound, not a test given as a closure: it runs for every
 * item a row is judged for (each month of each home).
 */
function latest(list: FactValue, last: number, before: boolean): number | null {
  const dates = datesIn(list);
  let found: number | null = null;
  for (let i = 0; i < dates.length; i++) {
    const d = dates[i];
    if (typeof d === 'number' && (before ? d < last : d <= last) && (found === null || d > found)) found = d;
  }
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
      const dates = datesIn(list);
      let n = 0;
      for (let i = 0; i < dates.length; i++) {
        const d = dates[i];
        if (typeof d === 'number' && d >= first && d <= last) n++;
      }
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
      return latest(list, last, false);
    },
  },
  latestBefore: {
    description: 'The latest of the dates that is before the given date (empty when none).',
    example: '{ "call": "latestBefore", "args": [{ "related": "reviews", "column": "Review Date" }, { "fact": "asOf" }] }',
    args: ['dates', 'date'],
    returns: 'date',
    empty: 'Empty dates in the list are skipped; when no date qualifies the result is empty.',
    fn: (_env, list, on) => {
      return latest(list, day(on), true);
    },
  },
};
