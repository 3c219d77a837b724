// The counts the overview shows (rule lines, drift ages, days overdue) and the clinic's drift list
// (its order, its workbook, its text), judged against checks built in memory.
import { describe, expect, it } from 'vitest';
import { dayFromIso, isoFromDay } from '../../src/calendar/index.js';
import { ageBands, AGE_BAND_LABELS, daysOverdue, percentWithin, ruleLines, totalStatus } from '../../src/report/counts.js';
import { driftNotChecked, driftOrder, driftTables, driftText } from '../../src/report/drift.js';
import { findingLine } from '../../src/report/text.js';
import { checkResult, DRIFT, EXCEPTIONS, exception, FINDINGS, rule, weeklyResult } from './check-result.js';

const subjects = (list: readonly { subject: string }[]) => list.map((e) => e.subject);
const OUTCOME = `${' '.repeat(19)}Clinic Outcome: ${'_'.repeat(40)}`;

describe('% within timescale, as every format shows it', () => {
  it('rounded to the places asked for (the workbook one, the page none), never to 100 while a row was not within it, nor to 0 while one was', () => {
    const cases: [number, number, number | null, number | null][] = [
      [2, 3, 66.7, 67],
      [7788, 10000, 77.9, 78],
      [9568, 10000, 95.7, 96],
      [995, 1000, 99.5, 99],
      [999, 1000, 99.9, 99],
      [9999, 10000, 99.9, 99],
      [1, 1000, 0.1, 1],
      [1, 100000, 0.1, 1],
      [5, 1000, 0.5, 1],
      [0, 7, 0, 0],
      [7, 7, 100, 100],
      [0, 0, null, null],
    ];
    for (const [passed, checked, workbook, page] of cases) expect([percentWithin(passed, checked, 1), percentWithin(passed, checked, 0)], `${passed} of ${checked}`).toEqual([workbook, page]);
  });
});

describe('rule lines of the overview', () => {
  it('most serious first, then most exceptions, then by id; rules that did not run last', () => {
    const rules = [
      rule('a', { counts: { ...DRIFT.counts, checked: 4, passed: 3 } }),
      rule('b'),
      rule('c', { severity: 'high' }),
      rule('d', { severity: 'high', ran: false }),
      rule('e'),
      rule('f', { severity: 'info' }),
      rule('g', { severity: 'low' }),
    ];
    const exceptions = [exception('a', '1'), exception('b', '1'), exception('b', '2'), exception('b', '3'), exception('e', '1'), exception('e', '2'), exception('e', '3'), exception('f', '1'), exception('f', '2')];
    const lines = ruleLines(checkResult({ rules, exceptions }));
    expect(lines.map((l) => [l.rule.ruleId, l.status.exceptions])).toEqual([['c', 0], ['b', 3], ['e', 3], ['a', 1], ['g', 0], ['f', 2], ['d', 0]]);
    expect(lines.map((l) => percentWithin(l.rule.counts.passed, l.rule.counts.checked, 1))).toEqual([null, null, null, 75, null, null, null]);
    expect(lines.every((l) => l.change === undefined)).toBe(true);
  });

  it('against a baseline, the change: new less resolved', () => {
    expect(ruleLines(weeklyResult()).map((l) => [l.rule.ruleId, l.change])).toEqual([['cin.visits', 0], ['cin.drift', 2], ['homes.reg44', 0]]);
    expect(totalStatus(weeklyResult())).toEqual({ exceptions: 5, new: 3, open: 2, resolved: 1 });
    expect(totalStatus(checkResult({ exceptions: [] }))).toEqual({ exceptions: 0, new: 0, open: 0, resolved: 0 });
  });
});

describe('drift ages', () => {
  const asOf = '2017-01-18';
  const daysBefore = (n: number) => isoFromDay(dayFromIso(asOf)! - n);

  it('each band from its first day: under 1 month up to 29 days past, 2 years or more from 730', () => {
    const days = [0, 29, 30, 90, 91, 182, 183, 364, 365, 729, 730, 5000];
    const bands = ageBands(asOf, [DRIFT], days.map((n) => ({ ruleId: 'cin.drift', dueDate: daysBefore(n) })));
    expect(bands).toEqual([['under 1 month', 2], ['1 to 3 months', 2], ['3 to 6 months', 2], ['6 to 12 months', 2], ['1 to 2 years', 2], ['2 years or more', 2]]);
    expect(AGE_BAND_LABELS).toEqual(bands.map(([label]) => label));
  });

  it('counts only exceptions of drift rules with a due date', () => {
    const exceptions = [{ ruleId: 'cin.visits', dueDate: daysBefore(400) }, { ruleId: 'cin.drift', dueDate: null }, { ruleId: 'cin.drift', dueDate: daysBefore(400) }];
    expect(ageBands(asOf, [DRIFT, rule('cin.visits')], exceptions).map(([, n]) => n)).toEqual([0, 0, 0, 0, 1, 0]);
  });
});

describe('days overdue', () => {
  it('the as-of date less the due date, negative when not yet due, null without a due date', () => {
    expect(daysOverdue('2017-01-18', '2016-12-18')).toBe(31);
    expect(daysOverdue('2017-01-18', '2017-01-20')).toBe(-2);
    expect(daysOverdue('2017-01-18', null)).toBeNull();
    expect(daysOverdue('2017-01-18', 'not a date')).toBeNull();
  });
});

/** The drift run: the drift rule alone, five cases in three teams (one with none), one row not judged. */
const C6 = exception('cin.drift', 'C6', { dueDate: '2016-05-01', team: 'North', worker: 'Ann' });
const C7 = exception('cin.drift', 'C7', { dueDate: '2016-06-01', team: 'South', worker: 'Ann' });
const drift = (over = {}) => checkResult({ rules: [DRIFT], exceptions: [...EXCEPTIONS.slice(2), C6, C7], ...over });

describe('the drift list', () => {
  it('in clinic order: team, worker, longest open first; no team or worker last; the id breaks ties', () => {
    expect(subjects(driftOrder(drift().exceptions))).toEqual(['C6', 'C3', 'C4', 'C7', 'C5']);
    const same = { team: 'North', worker: 'Ann', dueDate: '2016-07-01' };
    const tied = [exception('x', 'B', { ...same, id: 'x:2' }), exception('x', 'A', { ...same, id: 'x:1' }), exception('x', 'Z', { team: 'North' }), exception('x', 'Y', { ...same, id: 'x:1' })];
    expect(subjects(driftOrder(tied))).toEqual(['A', 'Y', 'B', 'Z']);
  });

  it('as text: a heading per team with its cases, per worker, a line under each case to write the outcome on, then the rows not judged, the findings, the manifest', () => {
    expect(driftText(drift()).split('\n')).toEqual([
      'Drift list as of 18/01/2017: 5 case(s)',
      '',
      'North: 3 case(s)',
      '  Ann',
      '    C6             C6 is overdue',
      OUTCOME,
      '    C3             C3 is overdue',
      OUTCOME,
      '  Cat',
      '    C4             C4 is overdue',
      OUTCOME,
      'South: 1 case(s)',
      '  Ann',
      '    C7             C7 is overdue',
      OUTCOME,
      '(no team recorded): 1 case(s)',
      '  (no worker recorded)',
      '    C5             C5 is overdue',
      OUTCOME,
      '',
      'Not judged: 1 row(s) the drift rule(s) could not judge (put the cell right and run again)',
      '  cin.xlsx [CIN] row 9 "CIN Start Date": CIN open over 6 months could not judge row 9: no CIN Start Date',
      '',
      'Findings: 1 error, 2 warning, 1 info (the xlsx, csv, json and html formats list them all)',
      '',
      `Run manifest: csc-comply 0.1.0, check as of 2017-01-18, rule set ${'f'.repeat(64)}`,
      `  rule cin.visits v1 ${'a'.repeat(64)}`,
      `  rule cin.drift v2 ${'b'.repeat(64)}`,
      `  input cin.xlsx 12345 bytes ${'c'.repeat(64)}`,
      '',
    ]);
    expect(driftText(drift({ findings: [], manifest: undefined })).split('\n').slice(-3)).toEqual(['', 'Findings: 0 error, 0 warning, 0 info (the xlsx, csv, json and html formats list them all)', '']);
  });

  it("the clinic's list sheet: Days Overdue counted to the as-of date, a blank Clinic Outcome as the last column printed", () => {
    const due = (subject: string, dueDate: string) => exception('cin.drift', subject, { dueDate, team: 'North', worker: 'Ann' });
    const list = driftTables(drift({ exceptions: [due('Y', '2017-01-17'), due('T', '2017-01-18'), due('M', '2017-01-19')] }))[2]!;
    const head = list.columns.map((c) => c.header);
    expect(head.slice(0, 5)).toEqual(['Subject', 'Due Date', 'Days Overdue', 'Team', 'Worker']);
    expect(list.columns.filter((c) => c.header === 'Days Overdue')).toMatchObject([{ kind: 'number' }]);
    const outcome = head.indexOf('Clinic Outcome');
    expect(list.columns[outcome]).toMatchObject({ kind: 'text', writeIn: true, width: 30 });
    expect(list.printColumns).toBe(outcome + 1);
    expect(list.rowHeight).toBe(30);
    expect(head.slice(outcome + 1)).toEqual(['Message', 'Severity', 'File', 'Sheet', 'Row', 'Exception ID']);
    expect([...list.rows].map((r) => [r[0], r[2], r[outcome]])).toEqual([['Y', 1, null], ['T', 0, null], ['M', -1, null]]);
  });

  it('the same columns every week: a list with no case, or none with a team recorded, keeps Team, Worker and Clinic Outcome', () => {
    const full = driftTables(drift())[2]!.columns.map((c) => c.header);
    const empty = driftTables(drift({ exceptions: [] }))[2]!;
    expect(empty.columns.map((c) => c.header)).toEqual(full);
    expect(driftTables(drift({ exceptions: [exception('cin.drift', 'C5')] }))[2]!.columns.map((c) => c.header)).toEqual(full);
    expect(full).not.toContain('Status');
  });

  it('a drift rule that did not run: NOT CHECKED, never an empty list that looks clean', () => {
    const notRun = drift({ rules: [{ ...DRIFT, ran: false }], exceptions: [] });
    expect(driftNotChecked(notRun)).toEqual([{ ruleId: 'cin.drift', message: 'cin.drift was not run' }]);
    const withWhy = drift({ rules: [{ ...DRIFT, ran: false }], exceptions: [], findings: [{ kind: 'rule-not-run', level: 'warning', file: '', ruleId: 'cin.drift', message: 'No CIN list' }, { ...FINDINGS[0]! }] });
    expect(driftText(withWhy).split('\n').slice(0, 4)).toEqual(['Drift list as of 18/01/2017: NOT CHECKED', '', 'NOT CHECKED: No CIN list. This is not a clean list: no case was checked by this rule.', '']);
    expect(driftNotChecked(drift({ rules: [] }))).toEqual([{ ruleId: '(none)', message: 'No rule in the pack is tagged "drift"' }]);
    expect(driftNotChecked(drift())).toEqual([]);
    const tables = driftTables(withWhy);
    expect(tables[0]).toMatchObject({ name: 'NOT CHECKED', rows: [['cin.drift', 'No CIN list. This is not a clean list: no case was checked by this rule.']] });
    expect(tables[0]!.columns.map((c) => c.header)).toEqual(['Rule', 'Why']);
  });

  it("as the clinic's workbook: cases per team with the total, the rows not judged, the list in clinic order, every finding, the manifest", () => {
    const tables = driftTables(drift());
    expect(tables.map((t) => t.name)).toEqual(['By team', 'Not judged', 'cin.drift', 'Findings', 'Manifest']);
    expect(tables[0]!.columns.map((c) => [c.header, c.kind])).toEqual([['Team', 'text'], ['Cases', 'number']]);
    expect([...tables[0]!.rows]).toEqual([['North', 3], ['South', 1], ['(no team recorded)', 1], ['Total', 5]]);
    expect([...tables[1]!.rows]).toEqual([['warning', 'not-evaluable', 'cin.xlsx', 'CIN', 9, 'CIN Start Date', null, 'cin.drift', FINDINGS[2]!.message]]);
    expect([...tables[2]!.rows].map((r) => r[0])).toEqual(['C6', 'C3', 'C4', 'C7', 'C5']);
    expect([...tables[3]!.rows]).toHaveLength(4);
    const named = driftTables(drift({ rules: [{ ...DRIFT, sheetName: 'Children in need open over six months' }], manifest: undefined }));
    expect(named.map((t) => t.name)).toEqual(['By team', 'Not judged', 'Children in need open over six m', 'Findings'].map((n) => n.slice(0, 31)));
  });

  it('a case with no team but a service (a home, say) is listed and counted under its service, as in the workbook; none recorded last', () => {
    const homes = [
      exception('cin.drift', 'H2', { service: "Children's homes", worker: 'Zed', dueDate: '2016-03-01' }),
      exception('cin.drift', 'U1', { dueDate: '2016-01-01' }),
      exception('cin.drift', 'L1', { service: 'Looked-after children', dueDate: '2016-02-01' }),
      exception('cin.drift', 'H1', { service: "Children's homes", worker: 'Amy', dueDate: '2016-04-01' }),
    ];
    const result = drift({ exceptions: homes, findings: [], manifest: undefined });
    expect(subjects(driftOrder(homes))).toEqual(['H1', 'H2', 'L1', 'U1']);
    expect(driftText(result).split('\n').filter((line) => line !== OUTCOME).slice(2, 13)).toEqual([
      "Children's homes: 2 case(s)",
      '  Amy',
      '    H1             H1 is overdue',
      '  Zed',
      '    H2             H2 is overdue',
      'Looked-after children: 1 case(s)',
      '  (no worker recorded)',
      '    L1             L1 is overdue',
      '(no team recorded): 1 case(s)',
      '  (no worker recorded)',
      '    U1             U1 is overdue',
    ]);
    expect([...driftTables(result)[0]!.rows]).toEqual([["Children's homes", 2], ['Looked-after children', 1], ['(no team recorded)', 1], ['Total', 4]]);
  });

  it('a finding on one line: file, then sheet, row and column where known', () => {
    expect(findingLine(FINDINGS[3]!)).toBe('notes.csv: Matches no known dataset, so the sheet was skipped (3 non-empty rows)');
    expect(findingLine({ ...FINDINGS[1]!, sheet: undefined })).toBe('cin.xlsx row 9 "CIN Start Date": Not a date: "31/02/2016"');
  });
});
