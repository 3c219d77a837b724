// A whole check over extracts whose every row's fate is decided here: the exceptions as a person
// reads them (message, team, worker, shown columns, where the row is), the findings on rows a
// rule could not judge, the counts, the inputs and the rules that did not run.
import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../src/calendar/index.js';
import type { Progress } from '../../src/engine/progress.js';
import { runCheck, type CheckOptions } from '../../src/engine/run-check.js';
import type { RawRows } from '../../src/read/raw-table.js';
import { HOME_OPEN, HOMES_HEAD, sheet, VISIT_LATE, VISITS_HEAD, visitsPack } from '../helpers/visits-pack.js';

const AS_OF = dayFromIso('2017-01-18')!;
const check = (raws: RawRows[], options: Partial<CheckOptions> = {}) => runCheck(visitsPack(), raws, { asOf: AS_OF, ...options });

/** Visits as of 18 January 2017, on sheet Log (header on row 1). */
const VISIT_ROWS = [
  ['C1', '10/01/2017', null, null, 'North', 'Ann'], // row 2: exception, due 10 January
  ['C2', '01/01/2017', '05/01/2017', 1, 'North', 'Ann'], // row 3: visited, so not applicable
  ['C3', '18/01/2017', null, 0, 'South', 'Bob'], // row 4: due today: passed
  ['C4', 'soon', null, 1, 'South', 'Bob'], // row 5: due date unreadable: not evaluable
  ['C5', null, null, 1, 'South', 'Bob'], // row 6: no due date: not evaluable
  ['C1', '10/01/2017', null, 3, 'North', 'Ann'], // row 7: the same exception again: merged
  [null, '05/01/2017', null, 1, 'North', 'Ann'], // row 8: no child id: not evaluable
  ['C6', '02/01/2017', null, -1, 'South', null], // row 9: exception, due 2 January; -1 visits is a warning
];
const visits = () => sheet('visits.xlsx', VISITS_HEAD, VISIT_ROWS, 'Log');
const homes = () => sheet('homes.csv', HOMES_HEAD, [['H1', 'Oak', '01/06/2010', 4], [null, null, null, null], ['H2', 'Elm', '01/02/2017', 3]]);

describe('a check of visits and homes as of 18 January 2017', () => {
  it('raises each exception once, as a person reads it, in rule id then due date order', () => {
    const result = check([visits(), homes()]);
    expect(result.asOf).toBe('2017-01-18');
    expect(result.exceptions).toEqual([
      {
        id: 'test.home-open:H1:2010-06-01',
        ruleId: 'test.home-open',
        severity: 'low',
        subject: 'H1',
        dueDate: '2010-06-01',
        message: 'H1 open since 01/06/2010',
        team: null,
        worker: null,
        service: "Children's homes",
        columns: {},
        source: { file: 'homes.csv', row: 2 },
      },
      {
        id: 'test.visit-late:C6:2017-01-02',
        ruleId: 'test.visit-late',
        severity: 'medium',
        subject: 'C6',
        dueDate: '2017-01-02',
        message: 'Visit to C6 due 02/01/2017, -1, seen never (January 2017)',
        team: 'South',
        worker: null,
        columns: { Due: '2017-01-02', 'Due Month': '2017-01', Visits: -1, Worker: null },
        source: { file: 'visits.xlsx', sheet: 'Log', row: 9 },
      },
      {
        id: 'test.visit-late:C1:2017-01-10',
        ruleId: 'test.visit-late',
        severity: 'medium',
        subject: 'C1',
        dueDate: '2017-01-10',
        message: 'Visit to C1 due 10/01/2017, no visits counted, seen never (January 2017)',
        team: 'North',
        worker: 'Ann',
        columns: { Due: '2017-01-10', 'Due Month': '2017-01', Visits: null, Worker: 'Ann' },
        source: { file: 'visits.xlsx', sheet: 'Log', row: 2 },
      },
    ]);
  });

  it('counts every row: 8 considered, 1 not applicable, 1 passed, 2 exceptions, 1 merged, 3 not evaluable', () => {
    const late = check([visits(), homes()]).rules.find((r) => r.ruleId === 'test.visit-late')!;
    expect(late.counts).toEqual({ considered: 8, notApplicable: 1, checked: 7, passed: 1, exceptions: 2, merged: 1, notEvaluable: 3 });
  });

  it('says why each row could not be judged, where it is, and the value it could not read', () => {
    const result = check([visits(), homes()]);
    const notJudged = result.findings.filter((f) => f.kind === 'not-evaluable');
    expect(notJudged.map((f) => [f.file, f.sheet, f.row, f.level, f.ruleId, f.value])).toEqual([
      ['visits.xlsx', 'Log', 5, 'warning', 'test.visit-late', 'soon'],
      ['visits.xlsx', 'Log', 6, 'warning', 'test.visit-late', undefined],
      ['visits.xlsx', 'Log', 8, 'warning', 'test.visit-late', undefined],
    ]);
    expect(notJudged[0]!.message).toMatch(/^test\.visit-late could not judge this row: .+/);
    expect(notJudged[0]!.column).toBe('Visit Due');
    expect(notJudged.slice(1).map((f) => f.message)).toEqual([
      'test.visit-late could not judge this row: Visit Due is empty',
      'test.visit-late could not judge this row: no subject id',
    ]);
  });

  it("warns of a suspicious value in a row the rule judged, naming the rule's column", () => {
    const warnings = check([visits()]).findings.filter((f) => f.kind === 'suspicious-value');
    expect(warnings).toEqual([
      { file: 'visits.xlsx', sheet: 'Log', row: 9, kind: 'suspicious-value', level: 'warning', ruleId: 'test.visit-late', dataset: 'visits', column: 'Visits', message: '-1 visits for 02/01/2017' },
    ]);
  });

  it("summarises each rule with its metadata and its shown columns' kinds, in rule id order", () => {
    const [home, late] = check([visits(), homes()]).rules;
    expect(late).toEqual({
      ruleId: 'test.visit-late',
      version: 2,
      title: 'test.visit-late',
      description: 'The test rule test.visit-late.',
      severity: 'medium',
      source: VISIT_LATE.source,
      dataset: 'visits',
      tags: ['visits'],
      sheetName: 'Late visits',
      columnKinds: { Due: 'date', 'Due Month': 'month', Visits: 'number', Worker: 'text' },
      ran: true,
      counts: late!.counts,
    });
    expect(home).toMatchObject({ ruleId: 'test.home-open', tags: [], columnKinds: {}, ran: true });
    expect(home).not.toHaveProperty('sheetName');
  });

  it('counts the rows read, blank, evaluated and reported for each input and in all', () => {
    const result = check([visits(), homes()]);
    expect(result.inputs).toEqual([
      { file: 'visits.xlsx', sheet: 'Log', dataset: 'visits', headerRow: 1, rows: 8, blankRows: 0, evaluated: 8, reported: 0 },
      { file: 'homes.csv', dataset: 'homes', headerRow: 1, rows: 2, blankRows: 1, evaluated: 2, reported: 0 },
    ]);
    expect(result.rowTotals).toEqual({ read: 10, evaluated: 10, reported: 0, blank: 1 });
  });

  it('tells of each sheet recognised and each rule judged, in order', () => {
    const told: Progress[] = [];
    check([visits(), homes()], { onProgress: (p) => told.push(p) });
    expect(told).toEqual([
      { stage: 'recognise', done: 0, total: 2, item: 'Log' },
      { stage: 'recognise', done: 1, total: 2, item: 'homes.csv' },
      { stage: 'evaluate', done: 0, total: 2, item: 'test.home-open' },
      { stage: 'evaluate', done: 1, total: 2, item: 'test.visit-late' },
    ]);
  });
});

describe('inputs and rules that do not meet', () => {
  it('a rule whose dataset is missing did not run, and a finding says which input it lacked', () => {
    const result = check([visits()]);
    expect(result.rules.find((r) => r.ruleId === 'test.home-open')).toMatchObject({
      ran: false,
      counts: { considered: 0, notApplicable: 0, checked: 0, passed: 0, exceptions: 0, merged: 0, notEvaluable: 0 },
    });
    expect(result.findings.filter((f) => f.kind === 'rule-not-run')).toEqual([
      { file: '', kind: 'rule-not-run', level: 'info', ruleId: 'test.home-open', message: 'test.home-open was not run: no input for Homes register' },
    ]);
    expect(result.exceptions.map((e) => e.ruleId)).not.toContain('test.home-open');
  });

  it('rows of a dataset no selected rule reads are reported, each input in a finding', () => {
    const result = check([visits(), homes()], { select: (r) => r.id === HOME_OPEN.id });
    expect(result.rules.map((r) => r.ruleId)).toEqual(['test.home-open']);
    expect(result.inputs.map((i) => [i.dataset, i.rows, i.evaluated, i.reported])).toEqual([
      ['visits', 8, 0, 8],
      ['homes', 2, 2, 0],
    ]);
    expect(result.rowTotals).toEqual({ read: 10, evaluated: 2, reported: 8, blank: 1 });
    expect(result.findings.filter((f) => f.kind === 'input-not-used')).toEqual([
      { file: 'visits.xlsx', sheet: 'Log', kind: 'input-not-used', level: 'info', dataset: 'visits', message: 'No rule in this run reads visits: its 8 rows were not judged' },
    ]);
    const csvOnly = check([sheet('visits.csv', VISITS_HEAD, VISIT_ROWS), homes()], { select: (r) => r.id === HOME_OPEN.id });
    expect(csvOnly.findings.filter((f) => f.kind === 'input-not-used').map((f) => [f.file, 'sheet' in f])).toEqual([['visits.csv', false]]);
  });

  it('a header below title rows is found, and its row given as Excel shows it; a hidden sheet is said to be hidden', () => {
    const titled: RawRows = { file: 'homes.xlsx', sheet: 'Register', hidden: true, firstRow: 3, rows: [['Homes register, January 2017'], HOMES_HEAD, ['H1', 'Oak', '01/06/2010', 4]] };
    const result = check([titled]);
    expect(result.inputs).toEqual([{ file: 'homes.xlsx', sheet: 'Register', hidden: true, dataset: 'homes', headerRow: 4, rows: 1, blankRows: 0, evaluated: 1, reported: 0 }]);
    expect(result.exceptions.map((e) => e.source)).toEqual([{ file: 'homes.xlsx', sheet: 'Register', row: 5 }]);
  });
});

describe('a sheet that is no dataset the pack knows', () => {
  const skipped = (rows: (string | null)[][]) => {
    const result = check([{ file: 'other.xlsx', sheet: 'S', firstRow: 1, rows }]);
    expect(result.inputs.map((i) => [i.dataset, i.headerRow, i.rows, i.evaluated, i.reported])).toEqual([[null, null, rows.filter((r) => r.some((c) => c)).length, 0, rows.filter((r) => r.some((c) => c)).length]]);
    expect(result.findings.filter((f) => f.kind === 'input-not-used')).toEqual([]);
    return result.findings.filter((f) => f.kind === 'unknown-dataset').map((f) => [f.file, f.sheet, f.level, f.message]);
  };

  it('with two of a dataset’s columns but not all it requires: says which it looks like, what it lacks, and what else is near', () => {
    expect(skipped([['Child ID', 'Worker', 'URN'], ['C1', 'Ann', 'H1']])).toEqual([
      ['other.xlsx', 'S', 'warning', 'Looks like Visits log but lacks the required column(s) "Visit Due", so the sheet was skipped (2 non-empty rows). Also near: Homes register (missing "Home Name", "Registered")'],
    ]);
    expect(skipped([['Child ID', 'Worker'], ['C1', 'Ann']])).toEqual([['other.xlsx', 'S', 'warning', 'Looks like Visits log but lacks the required column(s) "Visit Due", so the sheet was skipped (2 non-empty rows)']]);
  });

  it('with one known column: the closest datasets and what they lack', () => {
    expect(skipped([['URN', 'Notes'], ['H1', 'x'], [null, null]])).toEqual([
      ['other.xlsx', 'S', 'warning', 'Matches no known dataset, so the sheet was skipped (2 non-empty rows). Closest: Homes register (missing "Home Name", "Registered")'],
    ]);
  });

  it('with no known column: the datasets the tool reads', () => {
    expect(skipped([['Name', 'Notes'], ['A', 'x'], ['B', 'y']])).toEqual([
      ['other.xlsx', 'S', 'warning', 'Matches no known dataset: no row in the first 20 has a header the tool knows, so the sheet was skipped (3 non-empty rows). The tool reads: Visits log; Homes register'],
    ]);
  });

  it('an empty sheet is noted, not warned of', () => {
    expect(skipped([[null, null], ['', null]])).toEqual([['other.xlsx', 'S', 'info', 'Empty sheet: nothing to check']]);
  });

  it('a dataset with headers only is noted', () => {
    const result = check([sheet('homes.csv', HOMES_HEAD, [])]);
    expect(result.findings.filter((f) => f.kind === 'no-rows')).toEqual([{ file: 'homes.csv', kind: 'no-rows', level: 'info', dataset: 'homes', message: 'Headers only: Homes register with no data rows' }]);
    expect(result.rules.find((r) => r.ruleId === 'test.home-open')).toMatchObject({ ran: true, counts: { considered: 0 } });
  });
});

describe('rows read and judged across files and related datasets', () => {
  const many = (n: number) => Array.from({ length: n }, (_v, i) => [`C${i + 1}`, '10/01/2017', null, 1, 'North', 'Ann']);

  it('every row of a long sheet is judged, past the rows searched for its header; two files of a dataset are judged together', () => {
    const result = check([sheet('a.csv', VISITS_HEAD, many(30)), sheet('b.csv', VISITS_HEAD, many(2))]);
    expect(result.inputs.map((i) => [i.file, i.rows])).toEqual([['a.csv', 30], ['b.csv', 2]]);
    expect(result.rules.find((r) => r.ruleId === VISIT_LATE.id)!.counts).toMatchObject({ considered: 32, exceptions: 30, merged: 2 });
    expect(check([sheet('other.csv', ['Name', 'Notes'], many(30))]).inputs.map((i) => i.rows)).toEqual([31]);
  });

  it('exceptions due the same day, or with no due date, are in id order', () => {
    const noDue = { ...VISIT_LATE, exception: { ...VISIT_LATE.exception, dueDate: { fact: 'visited' } } };
    const rows = [['C2', '10/01/2017', null, 1, 'North', 'Ann'], ['C10', '10/01/2017', null, 1, 'North', 'Ann'], ['C3', '01/01/2017', null, 1, 'North', 'Ann']];
    const ids = (rule = VISIT_LATE) => runCheck(visitsPack([rule]), [sheet('v.csv', VISITS_HEAD, rows)], { asOf: AS_OF }).exceptions.map((e) => `${e.subject} ${e.dueDate}`);
    expect(ids()).toEqual(['C3 2017-01-01', 'C10 2017-01-10', 'C2 2017-01-10']);
    expect(ids(noDue)).toEqual(['C10 null', 'C2 null', 'C3 null']);
  });

  it('a repeat is merged, the first raised kept, whether it comes next to its id or after others in id order', () => {
    const raised = (...children: string[]) => {
      const rows = children.map((c) => [c, '10/01/2017', null, 1, 'North', 'Ann']);
      const result = runCheck(visitsPack([VISIT_LATE]), [sheet('v.csv', VISITS_HEAD, rows)], { asOf: AS_OF });
      return [result.exceptions.map((e) => `${e.subject} row ${e.source.row}`), result.rules[0]!.counts.merged];
    };
    expect(raised('C1', 'C2', 'C2', 'C3')).toEqual([['C1 row 2', 'C2 row 3', 'C3 row 5'], 1]);
    expect(raised('C1', 'C2', 'C3', 'C1')).toEqual([['C1 row 2', 'C2 row 3', 'C3 row 4'], 1]);
    expect(raised('C1', 'C1')).toEqual([['C1 row 2'], 1]);
    expect(raised('C1', 'C2', 'C3')).toEqual([['C1 row 2', 'C2 row 3', 'C3 row 4'], 0]);
  });

  it('exceptions with no due date come before those with one, and their id says "none"', () => {
    const dueWhenVisited = { ...VISIT_LATE, appliesWhen: undefined, exception: { ...VISIT_LATE.exception, dueDate: { fact: 'visited' } } };
    const rows = [['Z1', '10/01/2017', null, 1, 'North', 'Ann'], ['A1', '01/01/2017', '05/01/2017', 1, 'North', 'Ann'], ['Z2', '02/01/2017', null, 1, 'North', 'Ann']];
    const result = runCheck(visitsPack([dueWhenVisited]), [sheet('v.csv', VISITS_HEAD, rows)], { asOf: AS_OF });
    expect(result.exceptions.map((e) => e.id)).toEqual(['test.visit-late:Z1:none', 'test.visit-late:Z2:none', 'test.visit-late:A1:2017-01-05']);
  });

  it('a row whose matching value is empty has no related rows', () => {
    const visitsOfHome = {
      ...HOME_OPEN,
      related: { visits: { dataset: 'visits', match: { Worker: 'Home Name' } } },
      exception: { ...HOME_OPEN.exception, show: [{ label: 'Visits', value: { call: 'count', args: [{ related: 'visits', column: 'Visit Due' }] } }] },
    };
    const homesNamed = sheet('homes.csv', HOMES_HEAD, [['H1', 'Ann', '01/06/2010', 4], ['H2', null, '01/06/2010', 4]]);
    const result = runCheck(visitsPack([visitsOfHome]), [visits(), homesNamed], { asOf: AS_OF });
    expect(result.exceptions.map((e) => [e.subject, e.columns.Visits])).toEqual([['H1', 4], ['H2', 0]]);
  });

  it("a dataset read only as another rule's related rows counts as evaluated, not reported", () => {
    const withVisits = { ...HOME_OPEN, related: { visits: { dataset: 'visits', match: { 'Child ID': 'URN' } } } };
    const result = runCheck(visitsPack([withVisits]), [visits(), homes()], { asOf: AS_OF });
    expect(result.inputs.map((i) => [i.dataset, i.evaluated, i.reported])).toEqual([
      ['visits', 8, 0],
      ['homes', 2, 0],
    ]);
    expect(result.findings.filter((f) => f.kind === 'input-not-used')).toEqual([]);
    expect(runCheck(visitsPack([withVisits]), [], { asOf: AS_OF }).findings.map((f) => f.message)).toEqual(['test.home-open was not run: no input for Homes register; Visits log']);
  });

  it("keeps what reading a sheet found, whether or not the sheet was recognised", () => {
    const note = (file: string) => ({ file, kind: 'unreadable-value' as const, level: 'info' as const, message: `read ${file}` });
    const known: RawRows = { ...visits(), readFindings: () => [note('visits.xlsx')] };
    const unknown: RawRows = { file: 'x.csv', firstRow: 1, rows: [['Name'], ['A']], readFindings: () => [note('x.csv')] };
    expect(check([known, unknown]).findings.filter((f) => f.message.startsWith('read ')).map((f) => f.file)).toEqual(['visits.xlsx', 'x.csv']);
  });
});

describe('what a judged row reports', () => {
  it('names the unreadable required fact before an empty one', () => {
    const rule = { ...VISIT_LATE, requires: ['due', 'visits'] };
    const result = runCheck(visitsPack([rule]), [sheet('v.csv', VISITS_HEAD, [['C1', null, null, 'two', 'North', 'Ann']])], { asOf: AS_OF });
    expect(result.findings.filter((f) => f.kind === 'not-evaluable').map((f) => [f.column, f.value, f.message])).toEqual([['Visits', 'two', 'test.visit-late could not judge this row: not a number']]);
  });

  it('a warning without a column names the row only; a team or worker that is a number is shown as text', () => {
    const rule = {
      ...VISIT_LATE,
      warnWhen: [{ conditions: VISIT_LATE.warnWhen![0]!.conditions, message: 'negative' }],
      exception: { ...VISIT_LATE.exception, team: { fact: 'visits' }, worker: { value: 'Duty' } },
    };
    const result = runCheck(visitsPack([rule]), [sheet('v.csv', VISITS_HEAD, [['C1', '01/01/2017', null, -2, 'North', 'Ann']])], { asOf: AS_OF });
    expect(result.findings.filter((f) => f.kind === 'suspicious-value')).toEqual([{ file: 'v.csv', row: 2, kind: 'suspicious-value', level: 'warning', ruleId: 'test.visit-late', dataset: 'visits', message: 'negative' }]);
    expect(result.exceptions.map((e) => [e.team, e.worker])).toEqual([['-2', 'Duty']]);
  });
});
