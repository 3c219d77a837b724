// A small check result built in memory, every count and row decided here, for the report's unit
// tests: the outputs (csv, xlsx, html, text, json, drift list) are judged against these numbers.
import type { ExceptionRecord, RuleCounts, RuleSummary } from '../../src/engine/outcome.js';
import type { CheckResult } from '../../src/engine/run-check.js';
import type { Finding } from '../../src/findings/finding.js';
import type { RunManifest } from '../../src/manifest/run-manifest.js';

const counts = (c: Partial<RuleCounts> = {}): RuleCounts => ({ considered: 0, notApplicable: 0, checked: 0, passed: 0, exceptions: 0, merged: 0, notEvaluable: 0, ...c });

export function rule(ruleId: string, over: Partial<RuleSummary> = {}): RuleSummary {
  return {
    ruleId,
    version: 1,
    title: `Title of ${ruleId}`,
    description: `What ${ruleId} checks.`,
    severity: 'medium',
    source: { title: 'Working Together 2023', kind: 'statutory guidance' },
    dataset: 'cin',
    tags: [],
    columnKinds: {},
    ran: true,
    counts: counts(),
    ...over,
  };
}

export function exception(ruleId: string, subject: string, over: Partial<ExceptionRecord> = {}): ExceptionRecord {
  return {
    id: `${ruleId}:${subject}`,
    ruleId,
    severity: 'medium',
    subject,
    dueDate: '2017-01-02',
    message: `${subject} is overdue`,
    team: null,
    worker: null,
    columns: {},
    source: { file: 'cin.csv', row: 2 },
    ...over,
  };
}

/** Visits (high): 11 rows, 2 out of scope, 9 checked, 6 passed, 2 exceptions, 1 merged. */
export const VISITS = rule('cin.visits', {
  title: 'CIN visits every 20 working days',
  severity: 'high',
  sheetName: 'CIN visits',
  columnKinds: { 'Last Visit': 'date', Visits: 'number' },
  counts: counts({ considered: 11, notApplicable: 2, checked: 9, passed: 6, exceptions: 2, merged: 1 }),
});
/** Drift (medium, tagged drift): 5 checked, 1 passed, 3 exceptions; 1 row could not be judged. */
export const DRIFT = rule('cin.drift', {
  title: 'CIN open over 6 months',
  tags: ['drift'],
  counts: counts({ considered: 5, checked: 5, passed: 1, exceptions: 3, notEvaluable: 1 }),
});
/** Homes (low): its input was missing. */
export const HOMES = rule('homes.reg44', { title: 'Regulation 44 visits', severity: 'low', dataset: 'homes', ran: false });

export const EXCEPTIONS: ExceptionRecord[] = [
  exception('cin.visits', 'C1', { dueDate: '2017-01-04', team: 'North', worker: 'Ann', columns: { 'Last Visit': '2016-12-06', Visits: 3 }, source: { file: 'cin.xlsx', sheet: 'CIN', row: 4 } }),
  exception('cin.visits', 'C2', { dueDate: '2017-01-20', team: 'South', worker: 'Bob', columns: { 'Last Visit': null, Visits: 0 }, source: { file: 'cin.xlsx', sheet: 'CIN', row: 7 } }),
  exception('cin.drift', 'C3', { dueDate: '2016-07-01', team: 'North', worker: 'Ann', source: { file: 'cin.xlsx', sheet: 'CIN', row: 5 } }),
  exception('cin.drift', 'C4', { dueDate: '2015-01-01', team: 'North', worker: 'Cat', source: { file: 'cin.xlsx', sheet: 'CIN', row: 6 } }),
  exception('cin.drift', 'C5', { dueDate: '2016-12-25', source: { file: 'cin.xlsx', sheet: 'CIN', row: 8 } }),
];

export const FINDINGS: Finding[] = [
  { kind: 'rule-not-run', level: 'warning', file: '', ruleId: 'homes.reg44', message: 'Regulation 44 visits was not run: no homes list among the inputs' },
  { kind: 'unreadable-value', level: 'error', file: 'cin.xlsx', sheet: 'CIN', row: 9, column: 'CIN Start Date', value: '31/02/2016', message: 'Not a date: "31/02/2016"' },
  { kind: 'not-evaluable', level: 'warning', file: 'cin.xlsx', sheet: 'CIN', row: 9, column: 'CIN Start Date', ruleId: 'cin.drift', message: 'CIN open over 6 months could not judge row 9: no CIN Start Date' },
  { kind: 'unknown-dataset', level: 'info', file: 'notes.csv', message: 'Matches no known dataset, so the sheet was skipped (3 non-empty rows)' },
];

export const MANIFEST: RunManifest = {
  tool: { name: 'csc-comply', version: '0.1.0' },
  command: 'check',
  asOf: '2017-01-18',
  ruleSet: {
    sha256: 'f'.repeat(64),
    rules: [
      { id: 'cin.visits', version: 1, sha256: 'a'.repeat(64), counts: VISITS.counts },
      { id: 'cin.drift', version: 2, sha256: 'b'.repeat(64), counts: DRIFT.counts },
    ],
  },
  inputs: [{ file: 'cin.xlsx', size: 12345, sha256: 'c'.repeat(64) }],
};

/** The check as of 18/01/2017: three rules (one not run), five exceptions, four findings, two inputs. */
export function checkResult(over: Partial<CheckResult> = {}): CheckResult {
  return {
    asOf: '2017-01-18',
    rules: [VISITS, DRIFT, HOMES],
    exceptions: EXCEPTIONS,
    findings: FINDINGS,
    inputs: [
      { file: 'cin.xlsx', sheet: 'CIN', dataset: 'cin', headerRow: 3, rows: 11, blankRows: 1, evaluated: 11, reported: 0 },
      { file: 'cin.xlsx', sheet: 'Old', hidden: true, dataset: 'cin', headerRow: 1, rows: 2, blankRows: 0, evaluated: 2, reported: 0 },
      { file: 'notes.csv', dataset: null, headerRow: null, rows: 3, blankRows: 0, evaluated: 0, reported: 3 },
    ],
    overviews: [],
    rowTotals: { read: 16, evaluated: 13, reported: 3, blank: 1 },
    manifest: MANIFEST,
    ...over,
  };
}

/** The same check against last week's report (as of 11/01/2017): C1 and C3 still open, the rest new, one resolved. */
export function weeklyResult(): CheckResult {
  const status = (e: ExceptionRecord): ExceptionRecord =>
    e.subject === 'C1' || e.subject === 'C3' ? { ...e, status: 'open', firstSeen: '2016-12-28', weeksOpen: 3 } : { ...e, status: 'new', firstSeen: '2017-01-18', weeksOpen: 0 };
  const resolved = exception('cin.visits', 'C9', { team: 'South', worker: 'Bob', status: 'resolved', firstSeen: '2016-12-21', weeksOpen: 3 });
  return checkResult({
    exceptions: EXCEPTIONS.map(status),
    baseline: { file: 'last-week.json', asOf: '2017-01-11', resolved: [resolved], ruleChanges: null },
    manifest: { ...MANIFEST, baseline: { file: 'last-week.json', size: 999, sha256: 'd'.repeat(64), asOf: '2017-01-11' } },
  });
}
