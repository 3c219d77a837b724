/** What the hand-written rules share: counting as the engine counts, rows, joins, text and calendar. */
import { CalendarRangeError, type Day, type WorkingDayCalendar } from '../../../src/calendar/index.js';
import type { TypedTable } from '../../../src/typing/typed-table.js';
import { Invalid, type Value } from '../../../src/typing/value.js';

export interface BaselineCounts {
  considered: number;
  notApplicable: number;
  exceptions: number;
  notEvaluable: number;
}

export type Tables = Record<string, readonly TypedTable[]>;
export type Values = Record<string, Value>;
export type Baseline = (tables: Tables, asOf: Day, calendar: WorkingDayCalendar) => BaselineCounts;

export const TEAM_AND_WORKER = ['Allocated Team', 'Allocated Worker'] as const;
export const SETTING_NAME = ['Setting Name'] as const;

/**
 * One rule's counts. A judgement that raises an exception already raised for the same subject
 * and due date is merged: considered, but not another exception (the engine's exception id is
 * rule, subject and due date).
 */
export class Tally {
  private considered = 0;
  private notApplicable = 0;
  private notEvaluable = 0;
  private readonly raised = new Set<string>();

  na(times = 1): void {
    this.considered += times;
    this.notApplicable += times;
  }

  ne(times = 1): void {
    this.considered += times;
    this.notEvaluable += times;
  }

  /**
   * An applicable judgement whose facts could all be read: no subject is not evaluable; else an
   * exception when it holds, unless a column the exception shows is unreadable.
   */
  judge(subject: Value | undefined, holds: boolean, due: Day | null, values: Values, shown: readonly string[]): void {
    if (subject === null || subject === undefined || subject === '' || subject instanceof Invalid) return this.ne();
    this.considered++;
    if (!holds) return;
    for (const column of shown) {
      if (values[column] instanceof Invalid) {
        this.notEvaluable++;
        return;
      }
    }
    this.raised.add(`${subject}:${due}`); // the engine's id, with the due date as a day number
  }

  counts(): BaselineCounts {
    return { considered: this.considered, notApplicable: this.notApplicable, exceptions: this.raised.size, notEvaluable: this.notEvaluable };
  }
}

/** Calls `visit` with each row's values of a dataset, in input order. */
export function forEachRow(tables: Tables, dataset: string, visit: (values: Values) => void): void {
  for (const table of tables[dataset] ?? []) for (const row of table.rows) visit(row.values);
}

/** How rows of two datasets match: trimmed, case ignored; an empty or unreadable id matches nothing. */
export function joinKey(v: Value | undefined): string | undefined {
  return v === null || v === undefined || v instanceof Invalid ? undefined : String(v).trim().toLowerCase();
}

/** The dates of one key's related rows, and whether any of them is unreadable (then none can be judged). */
export interface DateList {
  dates: number[];
  unreadable: boolean;
}

const NO_DATES: DateList = { dates: [], unreadable: false };

/** Each key's dates from a related dataset. */
export function datesByKey(tables: Tables, dataset: string, keyColumn: string, dateColumn: string): Map<string, DateList> {
  const byKey = new Map<string, DateList>();
  forEachRow(tables, dataset, (v) => {
    const key = joinKey(v[keyColumn]);
    if (key === undefined) return;
    let list = byKey.get(key);
    if (!list) byKey.set(key, (list = { dates: [], unreadable: false }));
    const d = v[dateColumn];
    if (typeof d === 'number') list.dates.push(d);
    else if (d instanceof Invalid) list.unreadable = true;
  });
  return byKey;
}

/** The dates related to a row by its id (none when the id is empty or unreadable). */
export function datesOf(byKey: ReadonlyMap<string, DateList>, id: Value | undefined): DateList {
  const key = joinKey(id);
  return (key === undefined ? undefined : byKey.get(key)) ?? NO_DATES;
}

/** The latest of the dates on or before `on`, or null. */
export function latestOnOrBefore(dates: readonly number[], on: Day): Day | null {
  let latest: Day | null = null;
  for (const d of dates) if (d <= on && (latest === null || d > latest)) latest = d;
  return latest;
}

/** Text compared as the rules compare it: compatibility forms, spacing and case folded. */
export const fold = (text: string): string => text.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();

export const isEmpty = (v: Value | undefined): boolean => v === null || v === undefined || v === '';

/** Not ended on or before the day: no end date, or one after it (the end is readable). */
export const openAfter = (end: Value | undefined, day: Day): boolean => isEmpty(end) || (typeof end === 'number' && end > day);

/** `n` working days after the day, or undefined outside the working-day calendar. */
export function workingDaysAfter(calendar: WorkingDayCalendar, day: Day, n: number): Day | undefined {
  try {
    return calendar.addWorkingDays(day, n);
  } catch (error) {
    if (error instanceof CalendarRangeError) return undefined;
    throw error;
  }
}
