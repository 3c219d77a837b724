// The calendar functions a rule's facts call, each as a rule calls it (compiled, on facts), on
// dates whose answers are known: month ends, leap years, a bank holiday (2 January 2017).
import { describe, expect, it } from 'vitest';
import { call, d } from '../helpers/call-function.js';

const every = (n: number, unit: string) => ({ n, unit });

describe('addInterval and subtractInterval', () => {
  it('add days, weeks, calendar months, years and working days (weekends and bank holidays skipped)', () => {
    expect(call('addInterval', d('2017-01-18'), every(10, 'days'))).toBe(d('2017-01-28'));
    expect(call('addInterval', d('2017-01-18'), every(2, 'weeks'))).toBe(d('2017-02-01'));
    expect(call('addInterval', d('2016-08-31'), every(6, 'months'))).toBe(d('2017-02-28'));
    expect(call('addInterval', d('2016-02-29'), every(1, 'years'))).toBe(d('2017-02-28'));
    expect(call('addInterval', d('2017-01-06'), every(1, 'workingDays'))).toBe(d('2017-01-09'));
    expect(call('addInterval', d('2017-01-01'), every(1, 'workingDays'))).toBe(d('2017-01-03'));
  });

  it('subtract days, weeks, calendar months and years; not working days', () => {
    expect(call('subtractInterval', d('2017-01-18'), every(18, 'days'))).toBe(d('2016-12-31'));
    expect(call('subtractInterval', d('2017-01-18'), every(3, 'weeks'))).toBe(d('2016-12-28'));
    expect(call('subtractInterval', d('2017-03-31'), every(1, 'months'))).toBe(d('2017-02-28'));
    expect(call('subtractInterval', d('2017-01-18'), every(2, 'years'))).toBe(d('2015-01-18'));
    expect(() => call('subtractInterval', d('2017-01-18'), every(1, 'workingDays'))).toThrow('working days can only be added');
  });

  it('refuse a number where an interval (a value with a unit) is due', () => {
    expect(() => call('addInterval', d('2017-01-18'), 6)).toThrow('expected an interval parameter (a value with a unit)');
  });
});

describe('single days and months', () => {
  it('the day after and before, the first and last day of the month', () => {
    expect(call('dayAfter', d('2016-12-31'))).toBe(d('2017-01-01'));
    expect(call('dayBefore', d('2017-03-01'))).toBe(d('2017-02-28'));
    expect(call('startOfMonth', d('2016-02-29'))).toBe(d('2016-02-01'));
    expect(call('endOfMonth', d('2016-02-10'))).toBe(d('2016-02-29'));
  });

  it('the first days of the complete months before the month of a date, oldest first', () => {
    expect(call('completeMonthsBefore', d('2017-01-18'), every(3, 'months'))).toEqual([d('2016-10-01'), d('2016-11-01'), d('2016-12-01')]);
    expect(call('completeMonthsBefore', d('2017-01-01'), every(1, 'months'))).toEqual([d('2016-12-01')]);
  });

  it('days and whole months between two dates, and an age in whole years', () => {
    expect(call('daysBetween', d('2017-01-01'), d('2017-01-18'))).toBe(17);
    expect(call('daysBetween', d('2017-01-18'), d('2017-01-01'))).toBe(-17);
    expect(call('wholeMonthsBetween', d('2016-07-10'), d('2017-01-10'))).toBe(6);
    expect(call('wholeMonthsBetween', d('2016-07-10'), d('2017-01-09'))).toBe(5);
    expect(call('ageInYears', d('2012-01-18'), d('2017-01-17'))).toBe(4);
    expect(call('ageInYears', d('2012-01-18'), d('2017-01-18'))).toBe(5);
  });
});
