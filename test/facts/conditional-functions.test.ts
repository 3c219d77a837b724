import { describe, expect, it } from 'vitest';
import { call, d } from '../helpers/call-function.js';

describe('onOrAfterOrNone', () => {
  it('keeps a date on or after the floor and drops one before it', () => {
    expect(call('onOrAfterOrNone', d('2017-01-03'), d('2017-01-03'))).toBe(d('2017-01-03'));
    expect(call('onOrAfterOrNone', d('2017-01-04'), d('2017-01-03'))).toBe(d('2017-01-04'));
    expect(call('onOrAfterOrNone', d('2017-01-02'), d('2017-01-03'))).toBeNull();
  });
  it('is empty when either date is', () => {
    expect(call('onOrAfterOrNone', null, d('2017-01-03'))).toBeNull();
    expect(call('onOrAfterOrNone', d('2017-01-03'), null)).toBeNull();
  });
});

describe('afterOrNone', () => {
  it('keeps a date strictly after the other: the same day is not after', () => {
    expect(call('afterOrNone', d('2017-01-06'), d('2017-01-05'))).toBe(d('2017-01-06'));
    expect(call('afterOrNone', d('2017-01-05'), d('2017-01-05'))).toBeNull();
    expect(call('afterOrNone', d('2017-01-04'), d('2017-01-05'))).toBeNull();
    expect(call('afterOrNone', d('2017-01-06'), null)).toBeNull();
  });
});

describe('beforeOrNone', () => {
  it('keeps a date strictly before the limit (a 5th birthday: assessed on the day is not under 5)', () => {
    expect(call('beforeOrNone', d('2017-02-27'), d('2017-02-28'))).toBe(d('2017-02-27'));
    expect(call('beforeOrNone', d('2017-02-28'), d('2017-02-28'))).toBeNull();
    expect(call('beforeOrNone', null, d('2017-02-28'))).toBeNull();
  });
});

describe('whenEmpty', () => {
  it('gives the value only when the test is empty', () => {
    expect(call('whenEmpty', null, d('2016-12-20'))).toBe(d('2016-12-20'));
    expect(call('whenEmpty', '', 'none recorded')).toBe('none recorded');
    expect(call('whenEmpty', d('2017-01-05'), d('2016-12-20'))).toBeNull();
    expect(call('whenEmpty', null, null)).toBeNull();
  });
});
