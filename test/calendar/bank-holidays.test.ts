// The bank holidays before the GOV.UK feed's years are computed (scripts/build-calendar.ts): the
// same rules must give the GOV.UK years exactly, one-off days included.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bankHolidays, easterSunday } from '../../scripts/calendar/bank-holidays.js';
import { CALENDAR_FILE, calendarSource, FIRST_YEAR, govukDates, govukFeedDates, readOneOffs, readShippedCalendar } from '../../scripts/build-calendar.js';
import { tempDir } from '../helpers/cli.js';
import { isoFromDay } from '../../src/calendar/index.js';

const shipped = readShippedCalendar();
const oneOffs = readOneOffs();
const [govukFirst, govukLast] = shipped.govukYears;
const govukYears = Array.from({ length: govukLast - govukFirst + 1 }, (_, i) => govukFirst + i);

describe('the computed bank holidays of England and Wales', () => {
  it.each(govukYears)('give the GOV.UK feed’s dates for %i', (year) => {
    expect(bankHolidays(year, oneOffs)).toEqual(govukDates(shipped).filter((d) => d.startsWith(`${year}-`)));
  });

  it('cover the GOV.UK years 2014-2027, so every usual rule and 2020-2023’s one-offs are checked against the feed', () => {
    expect(shipped.govukYears).toEqual([2014, 2027]);
    expect(oneOffs.filter((o) => o.date >= '2014').map((o) => o.date)).toEqual(['2020-05-08', '2022-06-02', '2022-06-03', '2022-09-19', '2023-05-08']);
  });

  it('without the one-off days, 2020, 2022 and 2023 differ from the feed (the one-offs are what makes them agree)', () => {
    for (const year of [2020, 2022, 2023]) expect(bankHolidays(year, [])).not.toEqual(govukDates(shipped).filter((d) => d.startsWith(`${year}-`)));
  });

  it('find Easter Sunday by the Gregorian rule', () => {
    expect([2000, 2008, 2011, 2019, 2038].map((y) => isoFromDay(easterSunday(y)))).toEqual(['2000-04-23', '2008-03-23', '2011-04-24', '2019-04-21', '2038-04-25']);
  });

  it('move a weekend New Year’s Day, Christmas Day or Boxing Day to the next weekday not already a bank holiday', () => {
    const year = (y: number) => bankHolidays(y, []);
    expect(year(2000)[0]).toBe('2000-01-03'); // Saturday
    expect(year(2006)[0]).toBe('2006-01-02'); // Sunday
    expect(year(2004).slice(-2)).toEqual(['2004-12-27', '2004-12-28']); // Christmas on a Saturday
    expect(year(2005).slice(-2)).toEqual(['2005-12-26', '2005-12-27']); // Christmas on a Sunday
    expect(year(2009).slice(-2)).toEqual(['2009-12-25', '2009-12-28']); // Boxing Day on a Saturday
  });

  it('apply the one-off days of 2002, 2011 and 2012, each with a source', () => {
    const computed = (y: number) => shipped.dates.filter((d) => d.startsWith(`${y}-`));
    expect(computed(2002)).toEqual(['2002-01-01', '2002-03-29', '2002-04-01', '2002-05-06', '2002-06-03', '2002-06-04', '2002-08-26', '2002-12-25', '2002-12-26']);
    expect(computed(2011)).toEqual(['2011-01-03', '2011-04-22', '2011-04-25', '2011-04-29', '2011-05-02', '2011-05-30', '2011-08-29', '2011-12-26', '2011-12-27']);
    expect(computed(2012)).toEqual(['2012-01-02', '2012-04-06', '2012-04-09', '2012-05-07', '2012-06-04', '2012-06-05', '2012-08-27', '2012-12-25', '2012-12-26']);
    expect(shipped.oneOffs.map((o) => o.date)).toEqual(['2002-06-03', '2002-06-04', '2011-04-29', '2012-06-04', '2012-06-05']);
    for (const o of oneOffs) expect(o.source.length).toBeGreaterThan(20);
  });

  it('are shipped from 2000, in rules/calendars as scripts/build-calendar.ts writes it (else run npm run build:calendar)', () => {
    expect(shipped.computedYears).toEqual([FIRST_YEAR, govukFirst - 1]);
    expect(FIRST_YEAR).toBe(2000);
    expect(readFileSync(CALENDAR_FILE, 'utf8') === calendarSource(govukDates(shipped), oneOffs), 'out of date: run npm run build:calendar').toBe(true);
  });

  it('take new GOV.UK years from a download of the feed (npm run build:calendar -- --govuk <file>)', () => {
    const feed = join(tempDir('govuk-feed-'), 'bank-holidays.json');
    const events = (dates: string[]) => ({ events: dates.map((date) => ({ title: 'Bank holiday', date })) });
    writeFileSync(feed, JSON.stringify({ 'england-and-wales': events(govukDates(shipped)), scotland: events(['2014-01-02']) }));
    expect(calendarSource(govukFeedDates(feed), oneOffs)).toBe(readFileSync(CALENDAR_FILE, 'utf8'));
  });
});
