import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import {
  WorkingDayCalendar,
  CalendarRangeError,
  dayFromYmd as D,
  isoFromDay as iso,
  ymdFromDay,
} from '../../src/calendar/index.js';

const list = JSON.parse(
  readFileSync(new URL('../../rules/calendars/bank-holidays-england-and-wales.json', import.meta.url), 'utf8'),
) as { dates: string[]; copiedFrom: string; govukYears: number[] };
const cal = new WorkingDayCalendar(list);

describe('bank holiday data', () => {
  it('is the GOV.UK feed, copied in, holding the holidays as proclaimed (2022 and 2023 with their one-off days)', () => {
    expect(list.copiedFrom).toMatch(/GOV\.UK bank holidays feed/);
    expect(list.govukYears).toEqual([2014, 2027]);
    const year = (y: string) => list.dates.filter((d) => d.startsWith(y));
    expect(year('2016')).toEqual(['2016-01-01', '2016-03-25', '2016-03-28', '2016-05-02', '2016-05-30', '2016-08-29', '2016-12-26', '2016-12-27']);
    expect(year('2017')).toEqual(['2017-01-02', '2017-04-14', '2017-04-17', '2017-05-01', '2017-05-29', '2017-08-28', '2017-12-25', '2017-12-26']);
    expect(year('2022')).toEqual(['2022-01-03', '2022-04-15', '2022-04-18', '2022-05-02', '2022-06-02', '2022-06-03', '2022-08-29', '2022-09-19', '2022-12-26', '2022-12-27']);
    expect(year('2023')).toEqual(['2023-01-02', '2023-04-07', '2023-04-10', '2023-05-01', '2023-05-08', '2023-05-29', '2023-08-28', '2023-12-25', '2023-12-26']);
  });
});

describe('WorkingDayCalendar', () => {
  it('covers the list years', () => {
    expect(cal.coveredYears).toEqual({ first: 2000, last: 2027 });
  });

  it('Friday + 1 = Monday', () => {
    expect(iso(cal.addWorkingDays(D(2017, 1, 6), 1))).toBe('2017-01-09');
  });

  it('n = 0 returns the day itself, even a non-working day', () => {
    expect(iso(cal.addWorkingDays(D(2017, 1, 7), 0))).toBe('2017-01-07');
    expect(iso(cal.addWorkingDays(D(2017, 1, 7), 1))).toBe('2017-01-09');
  });

  it('Christmas 2016', () => {
    expect(cal.isWorkingDay(D(2016, 12, 23))).toBe(true);
    expect(cal.isWorkingDay(D(2016, 12, 25))).toBe(false); // Sunday
    expect(cal.isWorkingDay(D(2016, 12, 26))).toBe(false);
    expect(cal.isWorkingDay(D(2016, 12, 27))).toBe(false);
    expect(cal.isWorkingDay(D(2016, 12, 28))).toBe(true);
    expect(cal.isWorkingDay(D(2017, 1, 2))).toBe(false);
    expect(iso(cal.addWorkingDays(D(2016, 12, 22), 3))).toBe('2016-12-29');
    expect(iso(cal.addWorkingDays(D(2016, 12, 23), 1))).toBe('2016-12-28');
    expect(iso(cal.addWorkingDays(D(2016, 12, 24), 1))).toBe('2016-12-28');
    expect(iso(cal.addWorkingDays(D(2016, 12, 30), 1))).toBe('2017-01-03');
    expect(iso(cal.addWorkingDays(D(2016, 12, 22), 10))).toBe('2017-01-10');
  });

  it('Easter 2017', () => {
    expect(cal.isWorkingDay(D(2017, 4, 13))).toBe(true);
    expect(cal.isWorkingDay(D(2017, 4, 14))).toBe(false);
    expect(cal.isWorkingDay(D(2017, 4, 17))).toBe(false);
    expect(iso(cal.addWorkingDays(D(2017, 4, 13), 1))).toBe('2017-04-18');
    expect(iso(cal.addWorkingDays(D(2017, 4, 12), 2))).toBe('2017-04-18');
    expect(iso(cal.addWorkingDays(D(2017, 4, 14), 1))).toBe('2017-04-18');
  });

  it('agrees with a naive day-by-day walk', () => {
    const holidays = new Set(list.dates);
    const isWork = (dt: DateTime): boolean => dt.weekday <= 5 && !holidays.has(dt.toISODate()!);
    for (let day = D(2016, 11, 1); day <= D(2017, 6, 30); day += 3) {
      for (const n of [0, 1, 2, 5, 10, 20, 45]) {
        const { y, m, d } = ymdFromDay(day);
        let dt = DateTime.fromObject({ year: y, month: m, day: d }, { zone: 'utc' });
        for (let k = 0; k < n; ) {
          dt = dt.plus({ days: 1 });
          if (isWork(dt)) k++;
        }
        expect(iso(cal.addWorkingDays(day, n))).toBe(dt.toISODate());
      }
    }
  });

  it('throws CalendarRangeError outside the covered years', () => {
    const before = () => cal.addWorkingDays(D(1999, 12, 31), 1);
    expect(before).toThrow(CalendarRangeError);
    try {
      before();
    } catch (e) {
      expect(e).toBeInstanceOf(Error);
      expect((e as CalendarRangeError).year).toBe(1999);
      expect((e as Error).message).toContain('1999');
      expect((e as Error).message).toContain('2000-2027');
    }
    expect(() => cal.isWorkingDay(D(2028, 1, 4))).toThrow(CalendarRangeError);
    // start in range, result would fall past the end
    try {
      cal.addWorkingDays(D(2027, 12, 30), 5);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CalendarRangeError);
      expect((e as CalendarRangeError).year).toBe(2028);
    }
    expect(iso(cal.addWorkingDays(D(2027, 12, 30), 1))).toBe('2027-12-31');
  });

  it('the first and last days of the covered years are inside the calendar', () => {
    expect(cal.isWorkingDay(D(2000, 1, 3))).toBe(false); // New Year's Day's substitute, a Monday
    expect(cal.isWorkingDay(D(2000, 1, 4))).toBe(true);
    expect(cal.isWorkingDay(D(2027, 12, 31))).toBe(true); // a Friday
    expect(iso(cal.addWorkingDays(D(2027, 12, 31), 0))).toBe('2027-12-31');
    expect(iso(cal.addWorkingDays(D(2000, 1, 3), 1))).toBe('2000-01-04');
    expect(() => cal.isWorkingDay(D(1999, 12, 31))).toThrow(CalendarRangeError);
    expect(() => cal.isWorkingDay(D(2028, 1, 1))).toThrow(CalendarRangeError);
  });

  it('names its range, and refuses a day that is not a whole number', () => {
    expect(String(cal)).toBe('WorkingDayCalendar(2000-01-01..2027-12-31)');
    expect(() => cal.isWorkingDay(D(2017, 1, 6) + 0.5)).toThrow(new TypeError(`not a day number: ${D(2017, 1, 6) + 0.5}`));
  });

  it('a day outside its years: the same CalendarRangeError each time, named so', () => {
    const first = (() => { try { cal.isWorkingDay(D(2030, 6, 1)); } catch (e) { return e; } })() as CalendarRangeError;
    const again = (() => { try { cal.addWorkingDays(D(2030, 7, 1), 1); } catch (e) { return e; } })();
    expect(first.name).toBe('CalendarRangeError');
    expect(first.message).toBe('working-day calendar does not cover 2030: bank holidays are only known for 2000-2027');
    expect(again).toBe(first);
  });

  it('rejects bad input', () => {
    expect(() => cal.addWorkingDays(D(2017, 1, 6), -1)).toThrow(RangeError);
    expect(() => cal.addWorkingDays(D(2017, 1, 6), 1.5)).toThrow(RangeError);
    expect(() => new WorkingDayCalendar({ dates: ['2017-02-30'] })).toThrow(/not a yyyy-mm-dd/);
    expect(() => new WorkingDayCalendar({ dates: ['2015-01-01', '2017-01-02'] })).toThrow(/no dates for 2016/);
    expect(() => new WorkingDayCalendar({ dates: [] })).toThrow(new Error('bank holiday list has no dates'));
    expect(() => new WorkingDayCalendar({} as never)).toThrow(new Error('bank holiday list has no dates'));
    expect(() => new WorkingDayCalendar(null as never)).toThrow(new Error('bank holiday list has no dates'));
    expect(() => new WorkingDayCalendar({ dates: [20170101] } as never)).toThrow(new Error('bank holiday list: 20170101 is not a yyyy-mm-dd date'));
    expect(() => cal.addWorkingDays(D(2017, 1, 6), -1)).toThrow(new RangeError('working-day count must be a whole number >= 0, got -1'));
    const oneYear = new WorkingDayCalendar({ dates: ['2017-01-02'] });
    expect(oneYear.coveredYears).toEqual({ first: 2017, last: 2017 });
    expect(oneYear.isWorkingDay(D(2017, 1, 2))).toBe(false);
    expect(oneYear.isWorkingDay(D(2017, 1, 3))).toBe(true);
    const mondayFirst = new WorkingDayCalendar({ dates: ['2018-12-25'] });
    expect(mondayFirst.isWorkingDay(D(2018, 1, 1))).toBe(true); // its first day, a Monday not on the list
  });
});
