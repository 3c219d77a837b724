/** Calendar-month arithmetic on integer days. Clamps to month end; dates come from the memoised table in day.ts. */
import { type Day, dayFromYmd, daysInMonth, packedDay, packedMonth, packedYear, packedYmd, ymdFromDay } from './day.js';

export function addDays(day: Day, n: number): Day {
  return day + n;
}

/** Same day of month n months later (n may be negative), clamped to the target month's last day. */
export function addMonths(day: Day, n: number): Day {
  const p = packedYmd(day);
  const d = packedDay(p);
  const total = packedYear(p) * 12 + (packedMonth(p) - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  return dayFromYmd(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

export function startOfMonth(day: Day): Day {
  const { y, m } = ymdFromDay(day);
  return dayFromYmd(y, m, 1);
}

export function endOfMonth(day: Day): Day {
  const { y, m } = ymdFromDay(day);
  return dayFromYmd(y, m, daysInMonth(y, m));
}

/** Largest k >= 0 with addMonths(a, k) <= b; 0 when b < a. */
export function wholeMonthsBetween(a: Day, b: Day): number {
  if (b < a) return 0;
  const ya = ymdFromDay(a);
  const yb = ymdFromDay(b);
  // addMonths(a, k) lands in b's month, addMonths(a, k + 1) is after b: the answer is k or k - 1.
  const k = (yb.y - ya.y) * 12 + (yb.m - ya.m);
  return addMonths(a, k) <= b ? k : k - 1;
}

/**
 * Largest y with addMonths(dob, 12 * y) <= on (negative if `on` is before `dob`).
 * A child born 29 Feb 2012 turns 5 on 28 Feb 2017.
 */
export function ageInYears(dob: Day, on: Day): number {
  const y = ymdFromDay(on).y - ymdFromDay(dob).y;
  return addMonths(dob, 12 * y) <= on ? y : y - 1;
}
