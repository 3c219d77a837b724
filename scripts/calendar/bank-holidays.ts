/**
 * The bank holidays of England and Wales in a year, by the usual rules (Banking and Financial
 * Dealings Act 1971, schedule 1, and the days proclaimed every year since): New Year's Day, Good
 * Friday, Easter Monday, the early May (first Monday of May, since 1978), spring (last Monday of
 * May) and summer (last Monday of August) bank holidays, Christmas Day and Boxing Day. A New
 * Year's Day, Christmas Day or Boxing Day on a weekend gives the next weekday not already a bank
 * holiday instead. One-off days (a jubilee, a royal wedding) are added and moved from a list.
 */
import { addDays } from '../../src/calendar/months.js';
import { type Day, dayFromYmd, isoFromDay, weekday } from '../../src/calendar/day.js';

export type UsualDay = 'newYear' | 'goodFriday' | 'easterMonday' | 'earlyMay' | 'spring' | 'summer' | 'christmas' | 'boxingDay';

/** A day the usual rules do not give: an extra bank holiday, or (`moves`) a usual one held on another date. */
export interface OneOffDay {
  date: string;
  moves?: UsualDay;
  name: string;
  source: string;
}

/** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, as in Meeus). */
export function easterSunday(year: number): Day {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const dayOfMonth = ((h + l - 7 * m + 114) % 31) + 1;
  return dayFromYmd(year, month, dayOfMonth);
}

const firstMonday = (year: number, month: number): Day => {
  const first = dayFromYmd(year, month, 1);
  return addDays(first, (8 - weekday(first)) % 7);
};
const lastMonday = (year: number, month: number): Day => {
  const last = addDays(dayFromYmd(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1), -1);
  return addDays(last, -((weekday(last) + 6) % 7));
};

/** The day itself on a weekday; else the first weekday after it that is not already a bank holiday. */
function observed(day: Day, taken: ReadonlySet<Day>): Day {
  if (weekday(day) <= 5) return day;
  let d = addDays(day, 1);
  while (weekday(d) > 5 || taken.has(d)) d = addDays(d, 1);
  return d;
}

/** The usual bank holidays of a year, each on the day it is held. */
export function usualBankHolidays(year: number): Record<UsualDay, Day> {
  const easter = easterSunday(year);
  const newYear = observed(dayFromYmd(year, 1, 1), new Set());
  // A Christmas Day on a Sunday is held after Boxing Day (Monday), so the weekday one is taken first.
  const taken = new Set([dayFromYmd(year, 12, 25), dayFromYmd(year, 12, 26)].filter((d) => weekday(d) <= 5));
  const christmas = observed(dayFromYmd(year, 12, 25), taken);
  const boxingDay = observed(dayFromYmd(year, 12, 26), taken.add(christmas));
  return {
    newYear,
    goodFriday: addDays(easter, -2),
    easterMonday: addDays(easter, 1),
    earlyMay: firstMonday(year, 5),
    spring: lastMonday(year, 5),
    summer: lastMonday(year, 8),
    christmas,
    boxingDay,
  };
}

/** The bank holidays of a year as yyyy-mm-dd, in order: the usual ones, with the year's one-off days applied. */
export function bankHolidays(year: number, oneOffs: readonly OneOffDay[]): string[] {
  const days = usualBankHolidays(year);
  const extra: Day[] = [];
  for (const o of oneOffs.filter((x) => x.date.startsWith(`${year}-`))) {
    const day = dayFromYmd(Number(o.date.slice(0, 4)), Number(o.date.slice(5, 7)), Number(o.date.slice(8, 10)));
    if (o.moves) days[o.moves] = day;
    else extra.push(day);
  }
  return [...new Set([...Object.values(days), ...extra])].sort((a, b) => a - b).map(isoFromDay);
}
