import { dayFromIso } from '../calendar/index.js';
import type { ExceptionRecord } from '../engine/outcome.js';
import type { CheckResult } from '../engine/run-check.js';

export const UNALLOCATED = '(no team recorded)';
export const teamOf = (e: ExceptionRecord): string => e.team ?? UNALLOCATED;

/** Exceptions now, and against a baseline how many are new, still open, and resolved since. */
export interface StatusCounts {
  exceptions: number;
  new: number;
  open: number;
  resolved: number;
}

const zero = (): StatusCounts => ({ exceptions: 0, new: 0, open: 0, resolved: 0 });

function add(counts: StatusCounts, e: ExceptionRecord): void {
  if (e.status === 'resolved') counts.resolved++;
  else {
    counts.exceptions++;
    if (e.status === 'new') counts.new++;
    if (e.status === 'open') counts.open++;
  }
}

/** Every exception of the run and every one resolved since the baseline. */
export const allRecords = (result: CheckResult): ExceptionRecord[] => [...result.exceptions, ...(result.baseline?.resolved ?? [])];

/** Counts keyed by what `key` says of each record, keys in text order. */
export function countBy(records: readonly ExceptionRecord[], key: (e: ExceptionRecord) => string): [string, StatusCounts][] {
  const counts = new Map<string, StatusCounts>();
  for (const e of records) {
    const k = key(e);
    if (!counts.has(k)) counts.set(k, zero());
    add(counts.get(k)!, e);
  }
  return [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Counts for one rule (zero when it raised nothing). */
export function ruleStatus(result: CheckResult, ruleId: string, team?: string): StatusCounts {
  const records = allRecords(result).filter((e) => e.ruleId === ruleId && (team === undefined || teamOf(e) === team));
  return countBy(records, () => ruleId)[0]?.[1] ?? zero();
}

const AGE_BANDS: readonly [string, number][] = [
  ['under 1 month', 30], ['1 to 3 months', 91], ['3 to 6 months', 183], ['6 to 12 months', 365], ['1 to 2 years', 730], ['2 years or more', Infinity],
];

/** How long the exceptions of the rules tagged `drift` have been past their due date, in bands. */
export function driftAges(result: CheckResult): [string, number][] {
  const drift = new Set(result.rules.filter((r) => r.tags.includes('drift')).map((r) => r.ruleId));
  const asOf = dayFromIso(result.asOf) ?? 0;
  const counts = AGE_BANDS.map(([label]) => [label, 0] as [string, number]);
  for (const e of result.exceptions) {
    const due = e.dueDate === null ? undefined : dayFromIso(e.dueDate);
    if (!drift.has(e.ruleId) || due === undefined) continue;
    counts[AGE_BANDS.findIndex(([, below]) => asOf - due < below)]![1]++;
  }
  return counts;
}

/** Counts over the whole run: every exception, and every one resolved since the baseline. */
export const totalStatus = (result: CheckResult): StatusCounts => countBy(allRecords(result), () => 'all')[0]?.[1] ?? zero();
