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
    example: '{ "call": "addInterval", "args": [{ "fact": "planStart" }, { "param": "reviewEvery" }] }',
    args: ['date', 'interval'],
    returns: 'date',
    units: ALL_UNITS,
    fn: (env, d, i) => shift(env, day(d), interval(i), 1),
  },
  subtractInterval: {
    description: 'The date minus an interval parameter (days, weeks, calendar months or years).',
    example: '{ "call": "subtractInterval", "args": [{ "fact": "asOf" }, { "param": "window" }] }',
    args: ['date', 'interval'],
    returns: 'date',
    units: ['days', 'weeks', 'months', 'years'],
    fn: (env, d, i) => shift(env, day(d), interval(i), -1),
  },
  startOfMonth: {
    description: 'The first day of the date’s calendar month.',
    example: '{ "call": "startOfMonth", "args": [{ "fact": "asOf" }] }',
    args: ['date'],
    returns: 'date',
    fn: (_env, d) => startOfMonth(day(d)),
  },
  endOfMonth: {
    description: 'The last day of the date’s calendar month.',
    example: '{ "call": "endOfMonth", "args": [{ "fact": "month" }] }',
    args: ['date'],
    returns: 'date',
    fn: (_env, d) => endOfMonth(day(d)),
  },
  completeMonthsBefore: {
    description: 'The first days of the given number of complete calendar months before the month containing the date, oldest first.',
    example: '{ "call": "completeMonthsBefore", "args": [{ "fact": "asOf" }, { "param": "monthsChecked" }] }',
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
    example: '{ "call": "daysBetween", "args": [{ "fact": "visitDate" }, { "fact": "reportSent" }] }',
    args: ['date', 'date'],
    returns: 'number',
    fn: (_env, a, b) => day(b) - day(a),
  },
  wholeMonthsBetween: {
    description: 'Whole calendar months from the first date to the second.',
    example: '{ "call": "wholeMonthsBetween", "args": [{ "fact": "start" }, { "fact": "asOf" }] }',
    args: ['date', 'date'],
    returns: 'number',
    fn: (_env, a, b) => wholeMonthsBetween(day(a), day(b)),
  },
  ageInYears: {
    description: 'Age in whole years on the second date of someone born on the first.',
    example: '{ "call": "ageInYears", "args": [{ "column": "Date of Birth" }, { "fact": "lastAssessment" }] }',
    args: ['date', 'date'],
    returns: 'number',
    fn: (_env, dob, on) => ageInYears(day(dob), day(on)),
  },
};
