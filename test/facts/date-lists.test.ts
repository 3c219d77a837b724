import { describe, expect, it } from 'vitest';
import { call, d } from '../helpers/call-function.js';

const visits = [d('2016-03-10'), null, d('2016-01-05'), d('2016-02-01'), 'not a date', d('2016-02-01')];

describe('latestOnOrBefore and latestBefore', () => {
  it('take the latest date on or before (strictly before) the limit, in any order, skipping empty values', () => {
    expect(call('latestOnOrBefore', visits, d('2016-03-10'))).toBe(d('2016-03-10'));
    expect(call('latestOnOrBefore', visits, d('2016-03-09'))).toBe(d('2016-02-01'));
    expect(call('latestBefore', visits, d('2016-03-10'))).toBe(d('2016-02-01'));
    expect(call('latestBefore', visits, d('2016-03-11'))).toBe(d('2016-03-10'));
  });
  it('are empty when no date qualifies', () => {
    expect(call('latestOnOrBefore', visits, d('2016-01-04'))).toBeNull();
    expect(call('latestBefore', visits, d('2016-01-05'))).toBeNull();
    expect(call('latestOnOrBefore', [], d('2016-01-05'))).toBeNull();
  });
});

describe('countBetween', () => {
  it('counts the dates from the first day to the last, both included (duplicates count each time)', () => {
    expect(call('countBetween', visits, d('2016-02-01'), d('2016-03-10'))).toBe(3);
    expect(call('countBetween', visits, d('2016-02-02'), d('2016-03-09'))).toBe(0);
  });
});

describe('a subject with a very long list (a related log keyed on a shared id)', () => {
  // Passing 200,000 dates as arguments to Math.max overflowed the call stack.
  const many = Array.from({ length: 200_000 }, (_, i) => d('2000-01-01') + i);
  it('is summarised, not a crash', () => {
    expect(call('latestOnOrBefore', many, d('2000-01-01') + 150_000)).toBe(d('2000-01-01') + 150_000);
    expect(call('latestBefore', many, d('2000-01-01') + 150_000)).toBe(d('2000-01-01') + 149_999);
    expect(call('countBetween', many, d('2000-01-01'), d('2000-01-01') + 9)).toBe(10);
  });
});

it('latestOnOrBefore finds a date before 1970 as well (a day number below zero)', () => {
  expect(call('latestOnOrBefore', [d('1969-12-01')], d('2017-01-01'))).toBe(d('1969-12-01'));
});

it('an empty date is skipped, not read as 1 January 1970: after a date before 1970, and in a window that spans it', () => {
  const keyed = [d('1969-12-01'), null];
  expect(call('latestOnOrBefore', keyed, d('2017-01-01'))).toBe(d('1969-12-01'));
  expect(call('latestBefore', keyed, d('2017-01-01'))).toBe(d('1969-12-01'));
  expect(call('countBetween', keyed, d('1969-01-01'), d('1970-12-31'))).toBe(1);
});
