/**
 * Writes rules/calendars/bank-holidays-england-and-wales.json: the GOV.UK feed's years as they
 * are (its `govukYears`), and the years from 2000 before them computed by the usual rules with
 * the one-off days of scripts/calendar/one-off-bank-holidays.json (each with its source).
 * `npm run build:calendar` rewrites it; `-- --govuk <file>` first takes the GOV.UK years from a
 * download of https://www.gov.uk/bank-holidays.json. A test fails while the file is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bankHolidays, type OneOffDay } from './calendar/bank-holidays.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CALENDAR_FILE = join(ROOT, 'rules', 'calendars', 'bank-holidays-england-and-wales.json');
export const ONE_OFFS_FILE = join(ROOT, 'scripts', 'calendar', 'one-off-bank-holidays.json');
/** The first year computed: records older than this are rare in a council's current extracts. */
export const FIRST_YEAR = 2000;

export interface ShippedCalendar {
  division: string;
  source: string;
  copiedFrom: string;
  govukYears: [number, number];
  computedYears: [number, number];
  oneOffs: OneOffDay[];
  dates: string[];
}

const yearOf = (iso: string) => Number(iso.slice(0, 4));

export const readOneOffs = (): OneOffDay[] => (JSON.parse(readFileSync(ONE_OFFS_FILE, 'utf8')) as { days: OneOffDay[] }).days;
export const readShippedCalendar = (): ShippedCalendar => JSON.parse(readFileSync(CALENDAR_FILE, 'utf8')) as ShippedCalendar;

/** The GOV.UK dates a calendar file holds: those of its GOV.UK years. */
export function govukDates(calendar: Pick<ShippedCalendar, 'govukYears' | 'dates'>): string[] {
  const [first, last] = calendar.govukYears;
  return calendar.dates.filter((d) => yearOf(d) >= first && yearOf(d) <= last);
}

/** The calendar file's text: the computed years, then the GOV.UK dates given. */
export function calendarSource(govuk: string[], oneOffs: readonly OneOffDay[]): string {
  const first = Math.min(...govuk.map(yearOf));
  const last = Math.max(...govuk.map(yearOf));
  const years = Array.from({ length: first - FIRST_YEAR }, (_, i) => FIRST_YEAR + i);
  const calendar: ShippedCalendar = {
    division: 'england-and-wales',
    source: `${FIRST_YEAR}-${first - 1}: computed by scripts/build-calendar.ts from the usual rules and the one-off days listed here; ${first}-${last}: the GOV.UK bank holidays feed, division england-and-wales (dates after 2026 may still change by proclamation)`,
    copiedFrom: 'GOV.UK bank holidays feed (https://www.gov.uk/bank-holidays.json), division england-and-wales, for the GOV.UK years',
    govukYears: [first, last],
    computedYears: [FIRST_YEAR, first - 1],
    oneOffs: oneOffs.filter((o) => yearOf(o.date) < first),
    dates: [...years.flatMap((y) => bankHolidays(y, oneOffs)), ...[...govuk].sort()],
  };
  return `${JSON.stringify(calendar, null, 1)}\n`;
}

/** The England and Wales dates of a GOV.UK feed download (all divisions), or of a `{ "dates": [...] }` list. */
export function govukFeedDates(file: string): string[] {
  const json = JSON.parse(readFileSync(file, 'utf8')) as { dates?: string[]; 'england-and-wales'?: { events: { date: string }[] } };
  return json.dates ?? json['england-and-wales']!.events.map((e) => e.date);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const at = process.argv.indexOf('--govuk');
  const govuk = at > 0 ? govukFeedDates(process.argv[at + 1]!) : govukDates(readShippedCalendar());
  writeFileSync(CALENDAR_FILE, calendarSource(govuk, readOneOffs()));
  process.stderr.write(`wrote ${CALENDAR_FILE}\n`);
}
