import { Invalid } from '../../typing/value.js';
import { CalendarRangeError } from '../../calendar/index.js';
import { notComputable, type FactValue } from '../fact-value.js';
import { recordSource, type RowRecord } from '../row-record.js';
import { day, interval, shift } from './calendar.js';
import type { FactFunction, FunctionEnv } from './function.js';

const code = (v: FactValue): string => String(v).trim().toUpperCase();
/** A rule's codes as a set, made once per list (a parameter is the same array for every row). */
const codeSets = new WeakMap<object, Set<string>>();
function codeSet(v: FactValue): Set<string> {
  if (!Array.isArray(v)) return new Set([code(v)]);
  let set = codeSets.get(v);
  if (!set) codeSets.set(v, (set = new Set(v.map(code))));
  return set;
}

/**
 * Whether the items are in ascending order of the key already, as extracts usually list a child's
 * rows by date. An Array sort copies its items even then: on the bench's million rows these two
 * sorts made 70 of the 381 MB the rule pack's evaluation allocated (V8's sampling heap profiler).
 */
function inOrder<T>(items: readonly T[], key: (item: T) => number): boolean {
  for (let i = 1; i < items.length; i++) if (key(items[i]!) < key(items[i - 1]!)) return false;
  return true;
}

interface Period {
  start: number;
  end: number | null;
  first: RowRecord;
  last: RowRecord;
  rows: number;
}

/** The first unreadable value among the columns read from these rows, if any. */
function firstUnreadable(rows: RowRecord[], columns: string[]): Invalid | undefined {
  for (const row of rows) {
    for (const c of columns) {
      const v = row[c];
      if (v instanceof Invalid) return v;
    }
  }
  return undefined;
}

/**
 * Periods built from rows: ordered by a start-date column, a period opens at a row whose marker
 * column holds an opening code (rows before it belong to no period), takes in the rows after it,
 * and closes at a row that has an end date and a reason that is not a continuing code (an empty
 * reason closes it too). An opening row inside an open period continues it.
 */
function spans(rowsValue: FactValue, ...spec: FactValue[]): FactValue {
  const [startColumn, endColumn, markerColumn, openCodes, reasonColumn, continueCodes] = spec as [string, string, string, FactValue, string, FactValue];
  const rows = (Array.isArray(rowsValue) ? rowsValue : []) as RowRecord[];
  const unreadable = firstUnreadable(rows, [startColumn, endColumn, markerColumn, reasonColumn]);
  if (unreadable) return unreadable;
  const undated = rows.findIndex((r) => typeof r[startColumn] !== 'number');
  if (undated >= 0) {
    const problem = `${startColumn} is empty, so the rows cannot be put in order`;
    const source = recordSource(rows, undated);
    return source ? new Invalid('', problem, { ...source, column: startColumn }) : notComputable(problem);
  }
  const opens = codeSet(openCodes);
  const continues = codeSet(continueCodes);
  const isCode = (v: FactValue | undefined, codes: Set<string>) => v !== null && v !== undefined && codes.has(code(v));
  // Array sort is stable: rows starting the same day stay in input order.
  const startOf = (r: RowRecord) => r[startColumn] as number;
  const ordered = inOrder(rows, startOf) ? rows : [...rows].sort((a, b) => startOf(a) - startOf(b));
  const periods: Period[] = [];
  let open: Period | undefined;
  for (const r of ordered) {
    if (!open && !isCode(r[markerColumn], opens)) continue;
    if (!open) periods.push((open = { start: r[startColumn] as number, end: null, first: r, last: r, rows: 0 }));
    open.last = r;
    open.rows++;
    if (typeof r[endColumn] === 'number' && !isCode(r[reasonColumn], continues)) {
      open.end = r[endColumn];
      open = undefined;
    }
  }
  return periods as unknown as FactValue[];
}

/** The date plus the interval; outside the working-day calendar, a problem naming the year. */
function dueAfter(env: FunctionEnv, from: number, step: FactValue): FactValue {
  try {
    return shift(env, from, interval(step), 1);
  } catch (error) {
    if (!(error instanceof CalendarRangeError)) throw error;
    return notComputable(error.message);
  }
}

/**
 * A chain of due dates: the first counts from the start, each next one from the event before it.
 * Events are the distinct dates from the start to `until`, both included. The intervals apply in
 * turn (first, second, ...) and the last repeats. One item per event, then one for the next due date.
 * A due date outside the working-day calendar is a problem for that item only: the next counts
 * from the event actually held.
 */
function dueChain(env: FunctionEnv, start: FactValue, until: FactValue, events: FactValue, ...intervals: FactValue[]): FactValue {
  const from = day(start);
  const last = day(until);
  const inRange: number[] = [];
  for (const d of Array.isArray(events) ? events : []) if (typeof d === 'number' && d >= from && d <= last) inRange.push(d);
  if (!inOrder(inRange, (d) => d)) inRange.sort((a, b) => a - b);
  const held = inRange.filter((d, i) => i === 0 || d !== inRange[i - 1]);
  const items: FactValue[] = [];
  let countsFrom = from;
  for (let k = 0; k <= held.length; k++) {
    const due = dueAfter(env, countsFrom, intervals[Math.min(k, intervals.length - 1)]!);
    items.push({ number: k + 1, countsFrom, due, held: held[k] ?? null });
    if (k < held.length) countsFrom = held[k]!;
  }
  return items;
}

/** Periods from ordered rows and chains of due dates inside them. */
export const PERIOD_FUNCTIONS: Record<string, FactFunction> = {
  spans: {
    description:
      'Periods from rows (arguments: rows, start-date column, end-date column, marker column, opening codes, reason column, continuing codes). Ordered by the start date, a period opens at a row whose marker is an opening code, takes in the rows after it and closes at a row with an end date whose reason is not a continuing code; an opening row inside an open period continues it; rows before an opening row belong to no period. Each period: start, end (empty while open), first and last (the rows), rows (how many).',
    example: '{ "call": "spans", "args": [{ "rows": "episodes" }, { "value": "DECOM" }, { "value": "DEC" }, { "value": "RNE" }, { "param": "startCodes" }, { "value": "REC" }, { "param": "continueCodes" }] }',
    args: ['rows', 'column', 'column', 'column', 'text', 'column', 'text'],
    returns: 'items',
    empty: 'A row with an empty start date makes the result not evaluable (the finding names that row); an empty end date leaves the period open; an empty reason closes it.',
    fields: { start: 'date', end: 'date', rows: 'number' },
    fn: (_env, rows, ...spec) => spans(rows!, ...spec),
  },
  dueChain: {
    description:
      'A chain of due dates (arguments: start date, last date counted, event dates, then intervals). The distinct events from the start to the last date, in order, each get a due date: the first interval after the start, the next interval after the previous event; the last interval repeats. One item per event (number, countsFrom, due, held), then one for the next due date (held empty).',
    example: '{ "call": "dueChain", "args": [{ "fact": "periodStart" }, { "fact": "asOf" }, { "related": "reviews", "column": "REVIEW" }, { "param": "firstReview" }, { "param": "laterReviews" }] }',
    args: ['date', 'date', 'dates', 'interval'],
    variadic: true,
    returns: 'items',
    empty: 'Empty event dates are skipped; with no events there is one item, the first due date. A due date outside the working-day calendar makes only that item not evaluable.',
    fields: { number: 'number', countsFrom: 'date', due: 'date', held: 'date' },
    fn: (env, start, until, events, ...intervals) => dueChain(env, start!, until!, events!, ...intervals),
  },
};
