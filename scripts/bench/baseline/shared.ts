/** What the hand-written rules share: judging and reporting as the engine does, rows, joins, text and calendar. */
import { CalendarRangeError, isoFromDay, type Day, type WorkingDayCalendar } from '../../../src/calendar/index.js';
import { ukDate } from '../../../src/engine/format.js';
import type { ExceptionRecord, ShownValue } from '../../../src/engine/outcome.js';
import type { SourceRef } from '../../../src/findings/finding.js';
import type { Severity } from '../../../src/rules/rule.js';
import type { TypedRow, TypedTable } from '../../../src/typing/typed-table.js';
import { Invalid, type Value } from '../../../src/typing/value.js';

export interface BaselineCounts {
  considered: number;
  notApplicable: number;
  exceptions: number;
  notEvaluable: number;
}

/** Where a baseline found something to tell (a row it could not judge, a value that looks wrong): the engine's finding, without its wording. */
export interface BaselineFinding {
  kind: 'not-evaluable' | 'suspicious-value';
  ruleId: string;
  file: string;
  sheet?: string;
  row?: number;
}

/** A rule's run by hand: its counts, its exception records as the engine builds and orders them, and its findings. */
export interface BaselineRun {
  counts: BaselineCounts;
  exceptions: ExceptionRecord[];
  findings: BaselineFinding[];
}

export type Tables = Record<string, readonly TypedTable[]>;
export type Values = Record<string, Value>;
export type Columns = Record<string, ShownValue>;
export type Baseline = (tables: Tables, asOf: Day, calendar: WorkingDayCalendar) => BaselineRun;

export const TEAM_AND_WORKER = ['Allocated Team', 'Allocated Worker'] as const;
export const SETTING_NAME = ['Setting Name'] as const;

/** A rule's id and severity, and the columns its exceptions take their team and worker from. */
export interface RuleOutput {
  id: string;
  severity: Severity;
  team?: string;
  worker?: string;
}

/** The engine's order of exceptions: by due date (none first), then id. */
const byDueThenId = (a: ExceptionRecord, b: ExceptionRecord) =>
  (a.dueDate ?? '') < (b.dueDate ?? '') ? -1 : (a.dueDate ?? '') > (b.dueDate ?? '') ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** A team or worker as an exception holds it. */
const teamText = (v: Value | undefined): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);

/**
 * One rule's counts, exceptions and findings. An exception with the id of one already raised
 * (rule, subject and due date) is merged: considered, but not another exception.
 */
export class Tally {
  private considered = 0;
  private notApplicable = 0;
  private notEvaluable = 0;
  private readonly raised = new Map<string, ExceptionRecord>();
  private readonly findings: BaselineFinding[] = [];

  constructor(private readonly rule: RuleOutput) {}

  na(times = 1): void {
    this.considered += times;
    this.notApplicable += times;
  }

  /** Not evaluable, told at the unreadable value's cell when there is one, else at the row. */
  ne(at: TypedRow | Invalid, times = 1): void {
    this.considered += times;
    this.notEvaluable += times;
    const ref: SourceRef = at instanceof Invalid ? at.ref : { ...at.source, row: at.row };
    for (let i = 0; i < times; i++) this.findings.push({ kind: 'not-evaluable', ruleId: this.rule.id, file: ref.file, sheet: ref.sheet, row: ref.row });
  }

  /**
   * An applicable judgement whose facts could all be read: no subject is not evaluable; else,
   * when it holds and the columns the exception shows can be read, the subject as text, for
   * `raise`. `suspicious`: the row's values look wrong (told before it is judged).
   */
  judge(row: TypedRow, subject: Value | undefined, holds: boolean, shown: readonly string[], suspicious = false): string | undefined {
    if (subject === null || subject === undefined || subject === '' || subject instanceof Invalid) return void this.ne(row);
    if (suspicious) this.findings.push({ kind: 'suspicious-value', ruleId: this.rule.id, file: row.source.file, sheet: row.source.sheet, row: row.row });
    if (holds) for (const column of shown) if (row.values[column] instanceof Invalid) return void this.ne(row);
    this.considered++;
    return holds ? String(subject) : undefined;
  }

  /** The exception record of a judgement that holds (the first one raised when its id was raised before). */
  raise(row: TypedRow, subject: string, due: Day | null, message: string, columns: Columns): void {
    const dueDate = due === null ? null : isoFromDay(due);
    const id = `${this.rule.id}:${subject}:${dueDate ?? 'none'}`;
    if (this.raised.has(id)) return;
    const { team, worker } = this.rule;
    this.raised.set(id, {
      id,
      ruleId: this.rule.id,
      severity: this.rule.severity,
      subject,
      dueDate,
      message,
      team: team === undefined ? null : teamText(row.values[team]),
      worker: worker === undefined ? null : teamText(row.values[worker]),
      columns,
      source: row.source.sheet === undefined ? { file: row.source.file, row: row.row } : { ...row.source, row: row.row },
    });
  }

  result(): BaselineRun {
    const counts = { considered: this.considered, notApplicable: this.notApplicable, exceptions: this.raised.size, notEvaluable: this.notEvaluable };
    return { counts, exceptions: [...this.raised.values()].sort(byDueThenId), findings: this.findings };
  }
}

/** A date as a message shows it (dd/mm/yyyy), or the text for none. */
export const dateText = (v: Value | undefined, none = 'none'): string => (typeof v === 'number' ? ukDate(v) : none);

/** Any other value as a message shows it, or the text for none. */
export const valueText = (v: Value | undefined, none = 'none'): string => (v === null || v === undefined ? none : String(v));

/** A date as an exception's column holds it: ISO text, or null. */
export const isoDate = (v: Value | undefined): string | null => (typeof v === 'number' ? isoFromDay(v) : null);

/** A readable text or number cell as an exception's column holds it. */
export const cell = (v: Value | undefined): ShownValue => (v === undefined || v instanceof Invalid ? null : v);

/** Calls `visit` with each row of a dataset and its values, in input order. */
export function forEachRow(tables: Tables, dataset: string, visit: (values: Values, row: TypedRow) => void): void {
  for (const table of tables[dataset] ?? []) for (const row of table.rows) visit(row.values, row);
}

/** How rows of two datasets match: trimmed, case ignored; an empty or unreadable id matches nothing. */
export function joinKey(v: Value | undefined): string | undefined {
  return v === null || v === undefined || v instanceof Invalid ? undefined : String(v).trim().toLowerCase();
}

/** The dates of one key's related rows, and the first of them that is unreadable (then none can be judged). */
export interface DateList {
  dates: number[];
  unreadable: Invalid | undefined;
}

const NO_DATES: DateList = { dates: [], unreadable: undefined };

/** Each key's dates from a related dataset. */
export function datesByKey(tables: Tables, dataset: string, keyColumn: string, dateColumn: string): Map<string, DateList> {
  const byKey = new Map<string, DateList>();
  forEachRow(tables, dataset, (v) => {
    const key = joinKey(v[keyColumn]);
    if (key === undefined) return;
    let list = byKey.get(key);
    if (!list) byKey.set(key, (list = { dates: [], unreadable: undefined }));
    const d = v[dateColumn];
    if (typeof d === 'number') list.dates.push(d);
    else if (d instanceof Invalid) list.unreadable ??= d;
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
