import { describe, it, expect } from 'vitest';
import { DateTime } from 'luxon';
import {
  dayFromYmd,
  ymdFromDay,
  isValidYmd,
  isoFromDay,
  dayFromIso,
  weekday,
  daysBetween,
} from '../../src/calendar/index.js';

describe('day <-> ymd', () => {
  it('anchors on the epoch', () => {
    expect(dayFromYmd(1970, 1, 1)).toBe(0);
    expect(ymdFromDay(0)).toEqual({ y: 1970, m: 1, d: 1 });
    expect(dayFromYmd(1969, 12, 31)).toBe(-1);
    expect(dayFromYmd(1900, 1, 1)).toBe(-25567);
  });

  it('round-trips every day 1900-2100 and agrees with luxon', () => {
    const start = dayFromYmd(1900, 1, 1);
    const end = dayFromYmd(2100, 12, 31);
    let expected = DateTime.fromObject({ year: 1900, month: 1, day: 1 }, { zone: 'utc' });
    for (let day = start; day <= end; day++) {
      const { y, m, d } = ymdFromDay(day);
      if (y !== expected.year || m !== expected.month || d !== expected.day) {
        throw new Error(`day ${day}: got ${y}-${m}-${d}, luxon ${expected.toISODate()}`);
      }
      if (dayFromYmd(y, m, d) !== day) throw new Error(`round trip failed at ${day}`);
      if (weekday(day) !== expected.weekday) throw new Error(`weekday wrong at ${day}`);
      expected = expected.plus({ days: 1 });
    }
    expect(end - start + 1).toBe(73414);
  });

  it('handles far dates', () => {
    for (const [y, m, d] of [[1, 1, 1], [9999, 12, 31], [-400, 3, 1], [2000, 2, 29]] as const) {
      expect(ymdFromDay(dayFromYmd(y, m, d))).toEqual({ y, m, d });
    }
  });

  it('validates ymd', () => {
    expect(isValidYmd(2016, 2, 29)).toBe(true);
    expect(isValidYmd(2017, 2, 29)).toBe(false);
    expect(isValidYmd(1900, 2, 29)).toBe(false);
    expect(isValidYmd(2000, 2, 29)).toBe(true);
    expect(isValidYmd(2017, 13, 1)).toBe(false);
    expect(isValidYmd(2017, 0, 1)).toBe(false);
    expect(isValidYmd(2017, 4, 31)).toBe(false);
    expect(isValidYmd(2017, 1, 0)).toBe(false);
    expect(isValidYmd(2017, 1, 1.5)).toBe(false);
  });

  it('formats and strictly parses ISO', () => {
    expect(isoFromDay(dayFromYmd(2017, 1, 18))).toBe('2017-01-18');
    expect(isoFromDay(dayFromYmd(5, 3, 9))).toBe('0005-03-09');
    expect(dayFromIso('2017-01-18')).toBe(dayFromYmd(2017, 1, 18));
    expect(dayFromIso('2016-02-29')).toBe(dayFromYmd(2016, 2, 29));
    for (const bad of ['2017-02-29', '2017-1-18', '2017-01-18T00:00', '18/01/2017', '2017-13-01', ' 2017-01-18', '2017/01/18', '']) {
      expect(dayFromIso(bad)).toBeUndefined();
    }
  });

  it('weekday is 1 = Monday .. 7 = Sunday', () => {
    expect(weekday(0)).toBe(4); // Thursday 1 Jan 1970
    expect(weekday(dayFromYmd(2017, 1, 9))).toBe(1);
    expect(weekday(dayFromYmd(2017, 1, 8))).toBe(7);
    expect(weekday(dayFromYmd(1969, 12, 29))).toBe(1);
  });

  it('daysBetween is b - a', () => {
    expect(daysBetween(dayFromYmd(2017, 1, 1), dayFromYmd(2017, 1, 18))).toBe(17);
    expect(daysBetween(dayFromYmd(2017, 1, 18), dayFromYmd(2017, 1, 1))).toBe(-17);
  });
});

describe('days outside the remembered range (1900-2099) and odd input', () => {
  it('formats years before 1900, after 2099 and before year 1 the same way', () => {
    expect(isoFromDay(dayFromYmd(1899, 12, 31))).toBe('1899-12-31');
    expect(isoFromDay(dayFromYmd(2100, 1, 1))).toBe('2100-01-01');
    expect(isoFromDay(dayFromYmd(1900, 1, 1))).toBe('1900-01-01');
    expect(isoFromDay(dayFromYmd(2099, 12, 31))).toBe('2099-12-31');
    expect(isoFromDay(dayFromYmd(0, 3, 1))).toBe('0000-03-01');
    expect(isoFromDay(dayFromYmd(-44, 3, 15))).toBe('-0044-03-15');
    expect(isoFromDay(dayFromYmd(2017, 1, 18))).toBe('2017-01-18');
  });

  it('a fractional day is not looked up in the table: it is worked out', () => {
    expect(ymdFromDay(dayFromYmd(2017, 1, 18) + 0.5)).toEqual({ y: 2017, m: 1, d: 18 });
  });

  it('strict ISO parsing refuses a letter or sign where a digit belongs', () => {
    for (const bad of ['2O17-01-18', '2017-0a-18', '2017-01-1x', '+017-01-18', '2017-01-/8', '2017x01-18', '2017-01x18', '2017-01-189']) {
      expect(dayFromIso(bad), bad).toBeUndefined();
    }
  });

  it('a date that is not whole numbers is not valid', () => {
    expect(isValidYmd(2017.5, 1, 1)).toBe(false);
    expect(isValidYmd(2017, 1.5, 1)).toBe(false);
    expect(isValidYmd(2017, 12, 31)).toBe(true);
    expect(isValidYmd(2017, 1, 1)).toBe(true);
  });
});

