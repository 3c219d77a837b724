import { addDays, addMonths, ageInYears, endOfMonth, startOfMonth, wholeMonthsBetween } from '../../calendar/index.js';
import type { IntervalUnit } from '../../rules/rule.js';
import { isInterval, type FactValue, type Interval } from '../fact-value.js';
import type { FactFunction, FunctionEnv } from './function.js';

const ALL_UNITS: IntervalUnit[] = ['days', 'workingDays', 'weeks', 'months', 'years'];

export function shift(env: FunctionEnv, day: number, interval: Interval, sign: 1 | -1): number {
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

export const day = (v: FactValue): number => v as number;
export const interval = (v: FactValue): Interval => {
  if (!isInterval(v)) throw new Error('expected an interval parameter (a value with a unit)');
  return v;
};

/** Calendar arithmetic on single dates: intervals in any unit, month boundaries, ages. */
export const CALENDAR_FUNCTIONS: Record<string, FactFunction> = {
  addInterval: {
    description: 'The date plus an interval parameter (days, working days, weeks, calendar months or years).',
    example: '{ "call": "addInterval", "args": [{ "fact": "start" }, { "param": "reviewEvery" }] } → 28/02/2017 when start is 31/08/2016 and reviewEvery is 6 months',
    args: ['date', 'interval'],
    returns: 'date',
    units: ALL_UNITS,
    fn: (env, d, i) => shift(env, day(d), interval(i), 1),
  },
  subtractInterval: {
    description: 'The date minus an interval parameter (days, weeks, calendar months or years).',
    example: '{ "call": "subtractInterval", "args": [{ "fact": "asOf" }, { "param": "window" }] } → 18/01/2016 when asOf is 18/01/2017 and window is 12 months',
    args: ['date', 'interval'],
    returns: 'date',
    units: ['days', 'weeks', 'months', 'years'],
    fn: (env, d, i) => shift(env, day(d), interval(i), -1),
  },
  startOfMonth: {
    description: 'The first day of the date’s calendar month.',
    example: '{ "call": "startOfMonth", "args": [{ "fact": "asOf" }] } → 01/01/2017 when asOf is 18/01/2017',
    args: ['date'],
    returns: 'date',
    fn: (_env, d) => startOfMonth(day(d)),
  },
  endOfMonth: {
    description: 'The last day of the date’s calendar month.',
    example: '{ "call": "endOfMonth", "args": [{ "fact": "month" }] } → 28/02/2017 when month is 01/02/2017',
    args: ['date'],
    returns: 'date',
    fn: (_env, d) => endOfMonth(day(d)),
  },
  completeMonthsBefore: {
    description: 'The first days of the given number of complete calendar months before the month containing the date, oldest first.',
    example: '{ "call": "completeMonthsBefore", "args": [{ "fact": "asOf" }, { "param": "lookBack" }] } → 01/01/2016, 01/02/2016, ... 01/12/2016 when asOf is 18/01/2017 and lookBack is 12 months',
    args: ['date', 'interval'],
    returns: 'dates',
    units: ['months'],
    fn: (_env, d, i) => {
      const first = startOfMonth(day(d));
      const n = interval(i).n;
      return Array.from({ length: n }, (_, k) => addMonths(first, k - n));
    },
  },
  daysBetween: {
    description: 'Calendar days from the first date to the second.',
    example: '{ "call": "daysBetween", "args": [{ "fact": "start" }, { "fact": "asOf" }] } → 17 when start is 01/01/2017 and asOf is 18/01/2017',
    args: ['date', 'date'],
    returns: 'number',
    fn: (_env, a, b) => day(b) - day(a),
  },
  wholeMonthsBetween: {
    description: 'Whole calendar months from the first date to the second.',
    example: '{ "call": "wholeMonthsBetween", "args": [{ "fact": "start" }, { "fact": "asOf" }] } → 6 when start is 18/07/2016 and asOf is 18/01/2017',
    args: ['date', 'date'],
    returns: 'number',
    fn: (_env, a, b) => wholeMonthsBetween(day(a), day(b)),
  },
  ageInYears: {
    description: 'Age in whole years on the second date of someone born on the first.',
    example: '{ "call": "ageInYears", "args": [{ "fact": "dob" }, { "fact": "assessed" }] } → 4 when dob is 19/01/2012 and assessed is 18/01/2017',
    args: ['date', 'date'],
    returns: 'number',
    fn: (_env, dob, on) => ageInYears(day(dob), day(on)),
  },
};
