import {
  addDays,
  addMonths,
  ageInYears,
  endOfMonth,
  startOfMonth,
  wholeMonthsBetween,
  type WorkingDayCalendar,
} from '../calendar/index.js';
import type { IntervalUnit } from '../rules/rule.js';
import { isInterval, type FactValue, type Interval } from './fact-value.js';

/** What each argument and result of a fact function is, for validation and documentation. */
export type ValueKind = 'date' | 'number' | 'text' | 'interval' | 'dates' | 'any';

export interface FunctionEnv {
  calendar: WorkingDayCalendar;
}

export interface FactFunction {
  description: string;
  args: ValueKind[];
  /** The last argument kind may repeat. */
  variadic?: boolean;
  returns: ValueKind;
  /** Called with empty (null) arguments too; otherwise an empty argument gives an empty result. */
  takesEmpty?: boolean;
  /** Interval units this function accepts, where it takes an interval. */
  units?: IntervalUnit[];
  fn: (env: FunctionEnv, ...args: FactValue[]) => FactValue;
}

const ALL_UNITS: IntervalUnit[] = ['days', 'workingDays', 'weeks', 'months', 'years'];

function shift(env: FunctionEnv, day: number, interval: Interval, sign: 1 | -1): number {
  const n = interval.n * sign;
  switch (interval.unit) {
    case 'days':
      return addDays(day, n);
    case 'weeks':
      return addDays(day, 7 * n);
    case 'months':
      return addMonths(day, n);
    case 'years':
      return addMonths(day, 12 * n);
    case 'workingDays':
      if (sign < 0) throw new Error('working days can only be added');
      return env.calendar.addWorkingDays(day, interval.n);
  }
}

const day = (v: FactValue): number => v as number;
const interval = (v: FactValue): Interval => {
  if (!isInterval(v)) throw new Error('expected an interval parameter (a value with a unit)');
  return v;
};
const dates = (v: FactValue): number[] =>
  (Array.isArray(v) ? v : []).filter((d): d is number => typeof d === 'number');
const present = (values: FactValue[]): number[] => values.filter((d): d is number => typeof d === 'number');

/**
 * The generic fact functions any rule may call. None knows any rule: each is calendar
 * arithmetic or a summary of a list of dates.
 */
export const FUNCTIONS: Record<string, FactFunction> = {
  addInterval: {
    description: 'The date plus an interval parameter (days, working days, weeks, calendar months or years).',
    args: ['date', 'interval'],
    returns: 'date',
    units: ALL_UNITS,
    fn: (env, d, i) => shift(env, day(d), interval(i), 1),
  },
  subtractInterval: {
    description: 'The date minus an interval parameter (days, weeks, calendar months or years).',
    args: ['date', 'interval'],
    returns: 'date',
    units: ['days', 'weeks', 'months', 'years'],
    fn: (env, d, i) => shift(env, day(d), interval(i), -1),
  },
  startOfMonth: {
    description: 'The first day of the date’s calendar month.',
    args: ['date'],
    returns: 'date',
    fn: (_env, d) => startOfMonth(day(d)),
  },
  endOfMonth: {
    description: 'The last day of the date’s calendar month.',
    args: ['date'],
    returns: 'date',
    fn: (_env, d) => endOfMonth(day(d)),
  },
  completeMonthsBefore: {
    description: 'The first days of the given number of complete calendar months before the month containing the date, oldest first.',
    args: ['date', 'interval'],
    returns: 'dates',
    units: ['months'],
    fn: (_env, d, i) => {
      const first = startOfMonth(day(d));
      const n = interval(i).n;
      return Array.from({ length: n }, (_, k) => addMonths(first, k - n));
    },
  },
  earliest: {
    description: 'The earliest of the dates given, ignoring empty ones (empty when all are).',
    args: ['date'],
    variadic: true,
    returns: 'date',
    takesEmpty: true,
    fn: (_env, ...ds) => {
      const p = present(ds);
      return p.length ? Math.min(...p) : null;
    },
  },
  latest: {
    description: 'The latest of the dates given, ignoring empty ones (empty when all are).',
    args: ['date'],
    variadic: true,
    returns: 'date',
    takesEmpty: true,
    fn: (_env, ...ds) => {
      const p = present(ds);
      return p.length ? Math.max(...p) : null;
    },
  },
  coalesce: {
    description: 'The first value given that is not empty.',
    args: ['any'],
    variadic: true,
    returns: 'any',
    takesEmpty: true,
    fn: (_env, ...vs) => vs.find((v) => v !== null && v !== undefined) ?? null,
  },
  daysBetween: {
    description: 'Calendar days from the first date to the second.',
    args: ['date', 'date'],
    returns: 'number',
    fn: (_env, a, b) => day(b) - day(a),
  },
  wholeMonthsBetween: {
    description: 'Whole calendar months from the first date to the second.',
    args: ['date', 'date'],
    returns: 'number',
    fn: (_env, a, b) => wholeMonthsBetween(day(a), day(b)),
  },
  ageInYears: {
    description: 'Age in whole years on the second date of someone born on the first.',
    args: ['date', 'date'],
    returns: 'number',
    fn: (_env, dob, on) => ageInYears(day(dob), day(on)),
  },
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
