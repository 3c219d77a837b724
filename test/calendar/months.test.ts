import { describe, it, expect } from 'vitest';
import { DateTime } from 'luxon';
import {
  type Day,
  dayFromYmd,
  ymdFromDay,
  isoFromDay,
  addDays,
  addMonths,
  startOfMonth,
  endOfMonth,
  wholeMonthsBetween,
  ageInYears,
} from '../../src/calendar/index.js';

const D = dayFromYmd;
const iso = isoFromDay;

/** Deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const lux = (day: Day): DateTime => {
  const { y, m, d } = ymdFromDay(day);
  return DateTime.fromObject({ year: y, month: m, day: d }, { zone: 'utc' });
};

describe('addMonths', () => {
  it('clamps to month end', () => {
    expect(iso(addMonths(D(2016, 8, 31), 6))).toBe('2017-02-28');
    expect(iso(addMonths(D(2015, 8, 31), 6))).toBe('2016-02-29');
    expect(iso(addMonths(D(2017, 1, 31), 1))).toBe('2017-02-28');
    expect(iso(addMonths(D(2017, 3, 31), 1))).toBe('2017-04-30');
    expect(iso(addMonths(D(2017, 1, 18), 0))).toBe('2017-01-18');
  });

  it('handles 29 February in both directions', () => {
    expect(iso(addMonths(D(2016, 2, 29), 12))).toBe('2017-02-28');
    expect(iso(addMonths(D(2016, 2, 29), -12))).toBe('2015-02-28');
    expect(iso(addMonths(D(2016, 2, 29), 48))).toBe('2020-02-29');
    expect(iso(addMonths(D(2016, 2, 29), 1))).toBe('2016-03-29');
    expect(iso(addMonths(D(2016, 3, 31), -1))).toBe('2016-02-29');
    expect(iso(addMonths(D(2017, 3, 31), -1))).toBe('2017-02-28');
  });

  it('works with negative n across years', () => {
    expect(iso(addMonths(D(2017, 2, 28), -6))).toBe('2016-08-28');
    expect(iso(addMonths(D(2017, 1, 15), -13))).toBe('2015-12-15');
    expect(iso(addMonths(D(2017, 1, 15), -1))).toBe('2016-12-15');
  });

  it('agrees with luxon over pseudo-random dates', () => {
    const r = rng(20170118);
    const lo = D(1950, 1, 1);
    const hi = D(2060, 12, 31);
    for (let i = 0; i < 5000; i++) {
      const day = lo + Math.floor(r() * (hi - lo));
      const n = Math.floor(r() * 481) - 240;
      const want = lux(day).plus({ months: n }).toISODate();
      if (iso(addMonths(day, n)) !== want) throw new Error(`${iso(day)} + ${n} months: got ${iso(addMonths(day, n))}, luxon ${want}`);
    }
    // month-end-heavy sample
    for (let y = 2010; y <= 2030; y++) {
      for (let m = 1; m <= 12; m++) {
        const day = endOfMonth(D(y, m, 1));
        for (let n = -25; n <= 25; n++) {
          expect(iso(addMonths(day, n))).toBe(lux(day).plus({ months: n }).toISODate());
        }
      }
    }
  });
});

describe('month boundaries and addDays', () => {
  it('startOfMonth / endOfMonth', () => {
    expect(iso(startOfMonth(D(2017, 1, 18)))).toBe('2017-01-01');
    expect(iso(endOfMonth(D(2016, 2, 3)))).toBe('2016-02-29');
    expect(iso(endOfMonth(D(2017, 2, 3)))).toBe('2017-02-28');
    expect(iso(endOfMonth(D(2016, 12, 31)))).toBe('2016-12-31');
  });
  it('addDays', () => {
    expect(iso(addDays(D(2016, 12, 31), 1))).toBe('2017-01-01');
    expect(iso(addDays(D(2016, 3, 1), -1))).toBe('2016-02-29');
  });
});

describe('wholeMonthsBetween', () => {
  it('examples', () => {
    expect(wholeMonthsBetween(D(2017, 1, 18), D(2017, 1, 17))).toBe(0);
    expect(wholeMonthsBetween(D(2017, 1, 18), D(2017, 1, 18))).toBe(0);
    expect(wholeMonthsBetween(D(2017, 1, 18), D(2017, 2, 17))).toBe(0);
    expect(wholeMonthsBetween(D(2017, 1, 18), D(2017, 2, 18))).toBe(1);
    expect(wholeMonthsBetween(D(2017, 1, 31), D(2017, 2, 28))).toBe(1);
    expect(wholeMonthsBetween(D(2016, 8, 31), D(2017, 2, 27))).toBe(5);
    expect(wholeMonthsBetween(D(2016, 8, 31), D(2017, 2, 28))).toBe(6);
    expect(wholeMonthsBetween(D(2018, 1, 1), D(2017, 1, 1))).toBe(0);
  });
  it('matches its definition on pseudo-random pairs', () => {
    const r = rng(42);
    for (let i = 0; i < 3000; i++) {
      const a = D(1990, 1, 1) + Math.floor(r() * 15000);
      const b = a + Math.floor(r() * 3000) - 100;
      const k = wholeMonthsBetween(a, b);
      if (b < a) {
        expect(k).toBe(0);
        continue;
      }
      if (!(addMonths(a, k) <= b && addMonths(a, k + 1) > b)) throw new Error(`${iso(a)}..${iso(b)}: ${k}`);
      const lk = Math.floor(lux(b).diff(lux(a), 'months').months);
      if (k !== lk) throw new Error(`${iso(a)}..${iso(b)}: ${k} vs luxon ${lk}`);
    }
  });
});

describe('ageInYears', () => {
  it('leap-day birthdays', () => {
    expect(ageInYears(D(2012, 2, 29), D(2017, 2, 27))).toBe(4);
    expect(ageInYears(D(2012, 2, 29), D(2017, 2, 28))).toBe(5);
    expect(ageInYears(D(2012, 2, 29), D(2016, 2, 28))).toBe(3);
    expect(ageInYears(D(2012, 2, 29), D(2016, 2, 29))).toBe(4);
  });
  it('ordinary birthdays', () => {
    expect(ageInYears(D(2001, 1, 18), D(2017, 1, 17))).toBe(15);
    expect(ageInYears(D(2001, 1, 18), D(2017, 1, 18))).toBe(16);
    expect(ageInYears(D(2017, 1, 18), D(2017, 1, 18))).toBe(0);
  });
  it('agrees with luxon over pseudo-random dates', () => {
    const r = rng(7);
    for (let i = 0; i < 5000; i++) {
      const dob = D(1995, 1, 1) + Math.floor(r() * 9000);
      const on = dob + Math.floor(r() * 8000);
      const want = Math.floor(lux(on).diff(lux(dob), 'years').years);
      // independent oracle: largest y with dob + y years (luxon) <= on
      let y = 0;
      while (lux(dob).plus({ years: y + 1 }) <= lux(on)) y++;
      if (ageInYears(dob, on) !== y || want !== y) {
        throw new Error(`${iso(dob)} on ${iso(on)}: got ${ageInYears(dob, on)}, luxon loop ${y}, luxon diff ${want}`);
      }
    }
  });
});
