// Arithmetic on numbers, and the day after and before a date.
import { describe, expect, it } from 'vitest';
import { call, d } from '../helpers/call-function.js';

describe('add and subtract', () => {
  it('add sums its numbers; subtract takes the second from the first', () => {
    expect(call('add', 2, 1)).toBe(3);
    expect(call('add', 2, 1, 4)).toBe(7);
    expect(call('subtract', 10, 3)).toBe(7);
    expect(call('subtract', 3, 10)).toBe(-7);
  });
  it('are empty when a number is empty, as every function given an empty value', () => {
    expect(call('add', 2, null)).toBeNull();
    expect(call('subtract', null, 1)).toBeNull();
  });
});

describe('dayAfter and dayBefore', () => {
  it('step one calendar day, across months and leap days', () => {
    expect(call('dayAfter', d('2016-02-28'))).toBe(d('2016-02-29'));
    expect(call('dayAfter', d('2016-12-31'))).toBe(d('2017-01-01'));
    expect(call('dayBefore', d('2016-03-01'))).toBe(d('2016-02-29'));
    expect(call('dayBefore', null)).toBeNull();
  });
});
