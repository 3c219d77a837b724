// Choosing among values: the earliest or latest date, the first value present.
import { describe, expect, it } from 'vitest';
import { call, d } from '../helpers/call-function.js';

describe('earliest and latest', () => {
  it('pick among the dates given, a list giving each of its dates, empty ones ignored', () => {
    expect(call('earliest', d('2017-01-05'), d('2017-01-03'), d('2017-01-04'))).toBe(d('2017-01-03'));
    expect(call('latest', d('2017-01-05'), d('2017-01-03'), d('2017-01-04'))).toBe(d('2017-01-05'));
    expect(call('earliest', [d('2017-01-05'), null, d('2017-01-02')], d('2017-01-03'))).toBe(d('2017-01-02'));
    expect(call('latest', null, [d('2017-01-05'), d('2017-01-09')], d('2017-01-03'))).toBe(d('2017-01-09'));
    expect(call('latest', null, d('2017-01-03'))).toBe(d('2017-01-03'));
    expect(call('earliest', d('2017-01-03'), null)).toBe(d('2017-01-03'));
  });

  it('are empty when every date is', () => {
    expect(call('earliest', null, null)).toBeNull();
    expect(call('latest', [], null, [null])).toBeNull();
  });
});

describe('coalesce', () => {
  it('gives the first value that is not empty, whatever its kind', () => {
    expect(call('coalesce', null, d('2017-01-03'), d('2017-01-04'))).toBe(d('2017-01-03'));
    expect(call('coalesce', 'text', null)).toBe('text');
    expect(call('coalesce', null, 0)).toBe(0);
    expect(call('coalesce', null, null)).toBeNull();
  });
});
