/**
 * THE BASELINE: the shipped rules written by hand as TypeScript predicates over the same typed
 * rows the engine judges. This is the one place rule logic is written in TypeScript, and only to
 * measure the engine against it (issue 6: the rule pack within 3x of this). It covers the rules
 * in BASELINE_RULES; a rule added to the pack later is timed by the engine but has no baseline.
 */
import { addMonths, endOfMonth, isoFromDay, startOfMonth, type Day } from '../../src/calendar/index.js';
import type { TypedTable } from '../../src/typing/typed-table.js';
import { Invalid, type Value } from '../../src/typing/value.js';

export interface BaselineCounts {
  considered: number;
  notApplicable: number;
  exceptions: number;
  notEvaluable: number;
}

type Tables = Record<string, readonly TypedTable[]>;

const fold = (v: string) => v.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
const key = (v: Value) => (typeof v === 'string' ? v.trim().toLowerCase() : undefined);

/** drift.cin-open-over-6-months: an open CIN case whose start is more than 6 calendar months before the as-of date. */
function drift(tables: Tables, asOf: Day): BaselineCounts {
  const counts = { considered: 0, notApplicable: 0, exceptions: 0, notEvaluable: 0 };
  const raised = new Set<string>();
  for (const table of tables['annex-a-list-6'] ?? []) {
    for (const { values } of table.rows) {
      counts.considered++;
      const start = values['CIN Start Date'];
      const closure = values['CIN Closure Date'];
      const id = values['Child Unique ID'];
      if (start instanceof Invalid || closure instanceof Invalid || start === null || start === undefined) {
        counts.notEvaluable++;
        continue;
      }
      const s = start as number;
      if (!(s <= asOf && (closure === null || closure === undefined || (closure as number) > asOf))) {
        counts.notApplicable++;
        continue;
      }
      if (typeof id !== 'string' || id === '') {
        counts.notEvaluable++;
        continue;
      }
      const due = addMonths(s, 6);
      if (asOf > due) raised.add(`${id}:${isoFromDay(due)}`);
    }
  }
  counts.exceptions = raised.size;
  return counts;
}

/** reg44.monthly-visit: each of the 12 complete months before the as-of month with no visit to a registered home. */
function reg44(tables: Tables, asOf: Day): BaselineCounts {
  const counts = { considered: 0, notApplicable: 0, exceptions: 0, notEvaluable: 0 };
  const raised = new Set<string>();
  const visits = new Map<string, Value[]>();
  for (const table of tables['reg44-visits'] ?? []) {
    for (const { values } of table.rows) {
      const k = key(values['URN'] ?? null);
      if (k === undefined) continue;
      const list = visits.get(k);
      if (list) list.push(values['Visit Date'] ?? null);
      else visits.set(k, [values['Visit Date'] ?? null]);
    }
  }
  const first = startOfMonth(asOf);
  const months = Array.from({ length: 12 }, (_, i) => addMonths(first, i - 12));
  for (const table of tables['ofsted-children-homes'] ?? []) {
    for (const { values } of table.rows) {
      const registered = values['Registration Date'];
      const closed = values['Closed Date'];
      const type = values['Provider Type'];
      const urn = values['URN'];
      const k = key(urn ?? null);
      const dates = (k === undefined ? undefined : visits.get(k)) ?? [];
      const unreadable = [registered, closed, type, ...dates].some((v) => v instanceof Invalid);
      for (const month of months) {
        counts.considered++;
        if (unreadable || registered === null || registered === undefined) {
          counts.notEvaluable++;
          continue;
        }
        const end = endOfMonth(month);
        const open = (registered as number) <= month && (closed === null || closed === undefined || (closed as number) >= end);
        const home = type === null || type === undefined || type === '' || ((t) => t.includes("children's home") || t.includes('childrens home'))(fold(type as string));
        if (!open || !home) {
          counts.notApplicable++;
          continue;
        }
        if (typeof urn !== 'string' || urn === '') {
          counts.notEvaluable++;
          continue;
        }
        let seen = 0;
        for (const d of dates) if (typeof d === 'number' && d >= month && d <= end) seen++;
        if (seen < 1) raised.add(`${urn}:${isoFromDay(end)}`);
      }
    }
  }
  counts.exceptions = raised.size;
  return counts;
}

/** The hand-written rules, by rule id. */
export const BASELINE_RULES: Record<string, (tables: Tables, asOf: Day) => BaselineCounts> = {
  'drift.cin-open-over-6-months': drift,
  'reg44.monthly-visit': reg44,
};
