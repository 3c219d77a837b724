import type { FactValue } from '../fact-value.js';
import { day } from './calendar.js';
import type { FactFunction } from './function.js';

const dates = (v: FactValue): number[] => (Array.isArray(v) ? v : []).filter((d): d is number => typeof d === 'number');

/** Summaries of a list of dates (e.g. a home's visit dates from a related log). */
export const DATE_LIST_FUNCTIONS: Record<string, FactFunction> = {
  countBetween: {
    description: 'How many of the dates fall on or after the second argument and on or before the third.',
    args: ['dates', 'date', 'date'],
    returns: 'number',
    fn: (_env, list, from, to) => dates(list).filter((d) => d >= day(from) && d <= day(to)).length,
  },
  latestOnOrBefore: {
    description: 'The latest of the dates that is on or before the given date (empty when none).',
    args: ['dates', 'date'],
    returns: 'date',
    fn: (_env, list, on) => {
      const p = dates(list).filter((d) => d <= day(on));
      return p.length ? Math.max(...p) : null;
    },
  },
  latestBefore: {
    description: 'The latest of the dates that is before the given date (empty when none).',
    args: ['dates', 'date'],
    returns: 'date',
    fn: (_env, list, on) => {
      const p = dates(list).filter((d) => d < day(on));
      return p.length ? Math.max(...p) : null;
    },
  },
};
