/**
 * Working days (Monday-Friday excluding listed bank holidays) as O(1) table lookups
 * over the years covered by the holiday list. Outside those years it throws rather than guess.
 */
import { type Day, dayFromIso, dayFromYmd, isoFromDay, weekday, ymdFromDay } from './day.js';

export class CalendarRangeError extends Error {
  readonly year: number;
  constructor(year: number, first: number, last: number) {
    super(
      `working-day calendar does not cover ${year}: bank holidays are only known for ${first}-${last}`,
    );
    this.name = 'CalendarRangeError';
    this.year = year;
  }
}

export interface BankHolidayList {
  dates: string[];
}

export class WorkingDayCalendar {
  readonly coveredYears: { first: number; last: number };
  private readonly start: Day;
  private readonly end: Day;
  /** ordinal[i] = number of working days in [start, start + i]. */
  private readonly ordinal: Int32Array;
  /** workingDays[k] = the (k + 1)-th working day from start. */
  private readonly workingDays: Int32Array;
  /**
   * One error per uncovered year, made once: a run over old records meets the same few years
   * thousands of times, and making an error (with its stack) each time costs more than the check.
   */
  private readonly rangeErrors = new Map<number, CalendarRangeError>();

  constructor(list: BankHolidayList) {
    if (!list || !Array.isArray(list.dates) || list.dates.length === 0) {
      throw new Error('bank holiday list has no dates');
    }
    const holidays = new Set<Day>();
    const years = new Set<number>();
    for (const iso of list.dates) {
      const day = typeof iso === 'string' ? dayFromIso(iso) : undefined;
      if (day === undefined) throw new Error(`bank holiday list: ${JSON.stringify(iso)} is not a yyyy-mm-dd date`);
      holidays.add(day);
      years.add(ymdFromDay(day).y);
    }
    const first = Math.min(...years);
    const last = Math.max(...years);
    for (let y = first; y <= last; y++) {
      // Every year in England and Wales has bank holidays: a gap means the list is incomplete.
      if (!years.has(y)) throw new Error(`bank holiday list has no dates for ${y} (covers ${first}-${last})`);
    }
    this.coveredYears = { first, last };
    this.start = dayFromYmd(first, 1, 1);
    this.end = dayFromYmd(last, 12, 31);

    const size = this.end - this.start + 1;
    this.ordinal = new Int32Array(size);
    const work: number[] = [];
    for (let i = 0; i < size; i++) {
      const day = this.start + i;
      if (weekday(day) <= 5 && !holidays.has(day)) work.push(day);
      this.ordinal[i] = work.length;
    }
    this.workingDays = Int32Array.from(work);
  }

  private index(day: Day): number {
    if (!Number.isInteger(day)) throw new TypeError(`not a day number: ${day}`);
    if (day < this.start || day > this.end) {
      throw this.rangeError(ymdFromDay(day).y);
    }
    return day - this.start;
  }

  private rangeError(year: number): CalendarRangeError {
    let error = this.rangeErrors.get(year);
    if (!error) this.rangeErrors.set(year, (error = new CalendarRangeError(year, this.coveredYears.first, this.coveredYears.last)));
    return error;
  }

  isWorkingDay(day: Day): boolean {
    const i = this.index(day);
    const prev = i === 0 ? 0 : (this.ordinal[i - 1] as number);
    return (this.ordinal[i] as number) > prev;
  }

  /** The n-th working day after `day` (day itself not counted); n = 0 returns day. */
  addWorkingDays(day: Day, n: number): Day {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`working-day count must be a whole number >= 0, got ${n}`);
    const i = this.index(day);
    if (n === 0) return day;
    const k = (this.ordinal[i] as number) + n; // 1-based ordinal of the target working day
    const target = this.workingDays[k - 1];
    if (target === undefined) {
      throw this.rangeError(this.coveredYears.last + 1);
    }
    return target;
  }

  /** For diagnostics: the covered range as ISO dates. */
  toString(): string {
    return `WorkingDayCalendar(${isoFromDay(this.start)}..${isoFromDay(this.end)})`;
  }
}
