// The data as it stood on the as-of date: a case started after it is not there yet (counted as
// not applicable, named in one finding per column), a closure after it is read as not yet made
// (the case is still open), and a date on the as-of date itself is simply there.
import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../src/calendar/index.js';
import type { DatasetDef } from '../../src/datasets/dataset.js';
import type { Finding } from '../../src/findings/finding.js';
import { asAt, laterDatesFindings, RowsAsAt, type LaterDates } from '../../src/engine/as-at.js';
import { runCheck } from '../../src/engine/run-check.js';
import { loadPack } from '../../src/node/load-pack.js';
import type { RuleDef } from '../../src/rules/rule.js';
import type { TypedTable } from '../../src/typing/typed-table.js';
import type { Value } from '../../src/typing/value.js';
import { VISITS } from '../helpers/visits-pack.js';

const shipped = loadPack();
const DRIFT = 'drift.cin-open-over-6-months';
const HEAD = ['Child Unique ID', 'CIN Start Date', 'CIN Closure Date', 'Allocated Team', 'Allocated Worker'];
const AS_OF = dayFromIso('2017-01-18')!;

/** The drift rule over List 6 rows (header on row 1, so the first child is on row 2) as of 18 January 2017. */
function drift(rows: (string | null)[][]) {
  const result = runCheck(shipped, [{ file: 'list6.csv', firstRow: 1, rows: [HEAD, ...rows] }], { asOf: AS_OF, select: (r) => r.id === DRIFT });
  return {
    counts: result.rules[0]!.counts,
    subjects: result.exceptions.map((e) => e.subject),
    future: result.findings.filter((f) => f.kind === 'future-date'),
    exceptions: result.exceptions,
  };
}
/** A visits table of typed rows, the first on row 2 of v.csv. */
const typedVisits = (dataset: DatasetDef, values: Record<string, Value>[]): TypedTable => ({
  dataset,
  source: { file: 'v.csv' },
  columns: Object.keys(values[0]!),
  rows: values.map((v, i) => ({ source: { file: 'v.csv' }, row: i + 2, values: v })),
  blankRows: 0,
});
const day = (iso: string) => dayFromIso(iso)!;

const child = (id: string, start: string, closed: string | null = null) => [id, start, closed, 'North', 'Ann'];
const startedLater = (n: number) => Array.from({ length: n }, (_v, i) => child(`L${i}`, '19/01/2017'));

describe('a case started after the as-of date', () => {
  it('is not there yet: counted as not applicable, and named in a finding on its start date column', () => {
    const run = drift([child('A', '01/03/2016'), child('B', '19/01/2017'), child('C', '18/01/2017')]);
    expect(run.subjects).toEqual(['A']);
    expect(run.counts).toEqual({ considered: 3, notApplicable: 1, checked: 2, passed: 1, exceptions: 1, merged: 0, notEvaluable: 0 });
    expect(run.future).toEqual([
      {
        file: 'list6.csv',
        kind: 'future-date',
        level: 'info',
        column: 'CIN Start Date',
        dataset: 'annex-a-list-6',
        message:
          '1 date after the as-of date in "CIN Start Date" (row 3): those rows had not started at the as-of date, so they are out of scope. A date in the future is often a keying error worth correcting',
      },
    ]);
  });

  it('names up to five rows as Excel shows them, and counts the rest', () => {
    const named = (n: number) => drift([child('A', '01/03/2016'), ...startedLater(n)]).future.map((f) => f.message.slice(0, f.message.indexOf(':')));
    expect(named(2)).toEqual(['2 dates after the as-of date in "CIN Start Date" (rows 3, 4)']);
    expect(named(5)).toEqual(['5 dates after the as-of date in "CIN Start Date" (rows 3, 4, 5, 6, 7)']);
    expect(named(6)).toEqual(['6 dates after the as-of date in "CIN Start Date" (rows 3, 4, 5, 6, 7 and 1 more)']);
    expect(named(8)).toEqual(['8 dates after the as-of date in "CIN Start Date" (rows 3, 4, 5, 6, 7 and 3 more)']);
  });

  it('is left out even when its closure is after the as-of date too', () => {
    const run = drift([child('B', '19/01/2017', '20/01/2017')]);
    expect(run.counts).toMatchObject({ considered: 1, notApplicable: 1, checked: 0, passed: 0 });
    expect(run.future.map((f) => f.column)).toEqual(['CIN Closure Date', 'CIN Start Date']);
  });

  it('a sheet where nothing is after the as-of date gives no finding', () => {
    expect(drift([child('A', '01/03/2016', '18/01/2017'), child('C', '18/01/2017')]).future).toEqual([]);
  });
});

describe('a closure after the as-of date', () => {
  it('is read as not yet made: the case is still open and drifts, its start date kept', () => {
    const run = drift([child('A', '01/03/2016', '01/02/2017'), child('D', '01/03/2016', '18/01/2017')]);
    expect(run.subjects).toEqual(['A']);
    expect(run.exceptions[0]!.columns['CIN Start Date']).toBe('2016-03-01');
    expect(run.counts).toMatchObject({ considered: 2, notApplicable: 1, exceptions: 1 });
    expect(run.future.map((f) => [f.column, f.message.slice(0, f.message.indexOf(':'))])).toEqual([['CIN Closure Date', '1 date after the as-of date in "CIN Closure Date" (row 2)']]);
  });
});

describe('rows not there yet, for a rule judging groups of rows', () => {
  const byWorker: RuleDef = {
    id: 'test.by-worker',
    version: 1,
    title: 'By worker',
    description: 'One judgement per allocated worker: any open case.',
    severity: 'low',
    source: { title: 'test', kind: 'local practice' },
    dataset: 'annex-a-list-6',
    groupBy: { name: 'cases', columns: ['Allocated Worker'] },
    subject: { column: 'Allocated Worker' },
    parameters: {},
    facts: { start: { column: 'CIN Start Date' } },
    conditions: { all: [{ fact: 'start', operator: 'before', value: { fact: 'asOf' } }] },
    exception: { dueDate: { fact: 'start' }, message: 'Worker with an open case' },
  };
  const pack = { ...shipped, rules: [byWorker] };

  it('count once for each group with no row there, and once each when they have no group value', () => {
    const rows = [
      ['A', '01/03/2016', null, 'North', 'Ann'],
      ['B', '19/01/2017', null, 'North', 'Ann'], // Ann is judged already
      ['G', '20/01/2017', null, 'North', 'ANN'],
      ['C', '19/01/2017', null, 'North', 'Bob'],
      ['D', '20/01/2017', null, 'North', ' bob'], // Bob's group, not there yet: one judgement
      ['E', '19/01/2017', null, 'North', null], // no worker: judged alone
      ['F', '19/01/2017', null, 'North', null],
    ];
    const result = runCheck(pack, [{ file: 'list6.csv', firstRow: 1, rows: [HEAD, ...rows] }], { asOf: AS_OF });
    expect(result.rules[0]!.counts).toEqual({ considered: 4, notApplicable: 3, checked: 1, passed: 0, exceptions: 1, merged: 0, notEvaluable: 0 });
  });
});

describe('a log row with no record date', () => {
  const EPISODES = ['CHILD', 'DECOM', 'RNE', 'LS', 'PLACE', 'DEC', 'REC'];
  const REVIEWS = ['CHILD', 'REVIEW', 'REVIEW_CODE'];
  const CHAIN = 'practice.lac-review-chain';
  const undated = (findings: readonly Finding[]) => findings.filter((f) => f.message.includes('no date'));

  it('read as related rows: each is named in a finding and left out, counted as reported, not evaluated', () => {
    const result = runCheck(
      shipped,
      [
        { file: 'episodes.csv', firstRow: 1, rows: [EPISODES, ['1001', '04/01/2016', 'S', 'C2', 'U4', null, null]] },
        // A title row above the header: rows as Excel shows them. Row 4's review was held, but its date is missing; row 6's is "N/A".
        { file: 'reviews.csv', firstRow: 1, rows: [['SSDA903 reviews extract'], REVIEWS, ['1001', '01/02/2016', 'PN1'], ['1001', '', 'PN1'], ['1001', '01/11/2016', 'PN1'], ['1001', 'N/A', 'PN1']] },
      ],
      { asOf: AS_OF, select: (r) => r.id === CHAIN },
    );
    const message = 'REVIEW is empty: the row is an entry in SSDA903 reviews with no date, so it cannot be placed in time and is left out: no rule reads it';
    expect(undated(result.findings)).toEqual([
      { file: 'reviews.csv', row: 4, column: 'REVIEW', kind: 'not-evaluable', level: 'warning', dataset: 'ssda903-reviews', message },
      { file: 'reviews.csv', row: 6, column: 'REVIEW', kind: 'not-evaluable', level: 'warning', dataset: 'ssda903-reviews', message },
    ]);
    expect(result.inputs.map((i) => [i.file, i.rows, i.evaluated, i.reported])).toEqual([
      ['episodes.csv', 1, 1, 0],
      ['reviews.csv', 4, 2, 2],
    ]);
    expect(result.rowTotals).toEqual({ read: 5, evaluated: 3, reported: 2, blank: 0 });
  });

  it("read as the rule's own rows: one finding for the cell, not a second from the rule, and left out of its counts", () => {
    const head = ['URN', 'Setting Name', 'Visit Date', 'Independent Person', 'Report Sent Date'];
    const visits = [head, ['SC1', 'Home', '01/12/2016', 'IP', '05/12/2016'], ['SC1', 'Home', null, 'IP', '05/12/2016'], ['SC1', 'Home', '01/02/2017', 'IP', null]];
    // Also selected, the monthly visit rule reads the log as related rows, so its rows are kept (judged-as-read.test.ts has them judged as read).
    const select = (r: RuleDef) => r.id === 'reg44.report-late' || r.id === 'reg44.monthly-visit';
    const result = runCheck(shipped, [{ file: 'visits.xlsx', sheet: 'Reg 44', firstRow: 1, rows: visits }], { asOf: AS_OF, select });
    expect(result.findings.filter((f) => f.row === 3).map((f) => [f.kind, f.column, f.ruleId, f.message])).toEqual([
      ['not-evaluable', 'Visit Date', undefined, 'Visit Date is empty: the row is an entry in Regulation 44 visit log with no date, so it cannot be placed in time and is left out: no rule reads it'],
    ]);
    // Row 4's visit is after the as-of date: not there yet, out of scope, but read.
    expect(result.rules.find((r) => r.ruleId === 'reg44.report-late')!.counts).toEqual({ considered: 2, notApplicable: 1, checked: 1, passed: 1, exceptions: 0, merged: 0, notEvaluable: 0 });
    expect(result.inputs.map((i) => [i.sheet, i.rows, i.evaluated, i.reported])).toEqual([['Reg 44', 3, 2, 1]]);
  });

  it('an optional record column the sheet does not have is read as empty, as its finding says, and its rows are kept', () => {
    const LOG: DatasetDef = { id: 'log', title: 'Contact log', columns: { 'Child ID': { type: 'id', required: true }, Contacted: { type: 'date', dateIs: 'record' } } };
    const table: TypedTable = { dataset: LOG, source: { file: 'log.csv' }, columns: ['Child ID'], rows: [{ source: { file: 'log.csv' }, row: 2, values: { 'Child ID': 'C1', Contacted: null } }], blankRows: 0 };
    const stood = asAt([table], AS_OF);
    expect(stood.tables[0]).toBe(table);
    expect(stood.findings).toEqual([]);
    const one = new RowsAsAt(table.source, LOG, table.columns, AS_OF);
    expect(one.stand(table.rows[0]!)).toBe(table.rows[0]);
    expect([one.findings(), one.undated]).toEqual([[], 0]);
  });
});

describe('asAt on typed rows', () => {
  const VISITS_AS_AT: DatasetDef = { ...VISITS, columns: { ...VISITS.columns, Noted: { type: 'date' } } };
  const typed = (values: Record<string, Value>[]) => typedVisits(VISITS_AS_AT, values);

  it('empties only the dates after the as-of date, in every column whose dates are read so', () => {
    const row = { 'Child ID': 'C1', 'Visit Due': day('2017-01-18'), Visited: day('2017-01-19'), Visits: 1, Team: null, Worker: null, Noted: null };
    const other = { ...row, 'Child ID': 'C2', 'Visit Due': day('2017-01-20'), Visited: day('2017-01-10') };
    const stood = asAt([typed([row, other])], AS_OF);
    expect(stood.tables[0]!.rows.map((r) => r.values)).toEqual([
      { ...row, Visited: null },
      { ...other, 'Visit Due': null },
    ]);
    expect(stood.findings.map((f) => f.column)).toEqual(['Visit Due', 'Visited']);
    expect(stood.notYet).toEqual(new Map());
  });

  it('leaves numbers and dates that say nothing of the as-of date alone, however large', () => {
    const row = { 'Child ID': 'C1', 'Visit Due': day('2017-01-02'), Visited: null, Visits: day('2020-01-01'), Team: null, Worker: null, Noted: day('2020-01-01') };
    const table = typed([row]);
    const stood = asAt([table], AS_OF);
    expect(stood.tables[0]).toEqual(table);
    expect(stood.findings).toEqual([]);
  });

  it('a row at a time, for rows judged as they are read: the same rows, findings and rows left out, an untouched row itself', () => {
    const row = { 'Child ID': 'C1', 'Visit Due': day('2017-01-18'), Visited: day('2017-01-19'), Visits: day('2020-01-01'), Team: null, Worker: null, Noted: day('2020-01-01') };
    const other = { ...row, 'Child ID': 'C2', 'Visit Due': day('2017-01-20'), Visited: day('2017-01-10') };
    const untouched = { ...row, 'Child ID': 'C3', 'Visit Due': day('2017-01-02'), Visited: null };
    const table = typed([row, other, untouched]);
    const one = new RowsAsAt(table.source, table.dataset, table.columns, AS_OF);
    const stood = table.rows.map((r) => one.stand(r));
    const whole = asAt([table], AS_OF);
    expect(stood).toEqual(whole.tables[0]!.rows);
    expect(stood[2]).toBe(table.rows[2]);
    expect([one.findings(), one.notYet]).toEqual([whole.findings, 0]);
  });

  it('a row at a time, a log row with no record date left out with the same finding, counted apart from rows not there yet', () => {
    const LOG: DatasetDef = { id: 'log', title: 'Contact log', columns: { 'Child ID': { type: 'id', required: true }, Contacted: { type: 'date', required: true, dateIs: 'record' }, Sent: { type: 'date', dateIs: 'completion' } } };
    const values = [
      { 'Child ID': 'C1', Contacted: day('2017-01-02'), Sent: null },
      { 'Child ID': 'C2', Contacted: null, Sent: day('2017-01-20') },
      { 'Child ID': 'C3', Contacted: day('2017-01-19'), Sent: null },
      { 'Child ID': 'C4', Contacted: null, Sent: null },
    ];
    const source = { file: 'log.csv' };
    const table: TypedTable = { dataset: LOG, source, columns: ['Child ID', 'Contacted', 'Sent'], rows: values.map((v, i) => ({ source, row: i + 2, values: v })), blankRows: 0 };
    const whole = asAt([table], AS_OF);
    expect(whole.tables[0]!.rows.map((r) => r.row)).toEqual([2]);
    expect(whole.notYet.get('log')!.map((r) => r.row)).toEqual([4]);
    expect(whole.undated).toEqual([{ source, count: 2 }]);
    expect(whole.findings.map((f) => [f.kind, f.row, f.column])).toEqual([
      ['future-date', undefined, 'Contacted'],
      ['future-date', undefined, 'Sent'],
      ['not-evaluable', 3, 'Contacted'],
      ['not-evaluable', 5, 'Contacted'],
    ]);
    const one = new RowsAsAt(source, LOG, table.columns, AS_OF);
    expect(table.rows.map((r) => one.stand(r))).toEqual([table.rows[0], undefined, undefined, undefined]);
    expect([one.findings(), one.notYet, one.undated]).toEqual([whole.findings, 1, 2]);
  });
});

describe('a column dated by a date column (datedBy): the outcome of the event that date is', () => {
  const VISITS_WITH_OUTCOMES: DatasetDef = {
    ...VISITS,
    columns: { ...VISITS.columns, 'Visited By': { type: 'text', datedBy: 'Visited' }, Outcome: { type: 'text', datedBy: 'Visited' } },
  };
  const typed = (values: Record<string, Value>[]) => typedVisits(VISITS_WITH_OUTCOMES, values);
  const visit = (id: string, due: string, visited: string | null, by: string | null, outcome?: string): Record<string, Value> => ({
    'Child ID': id,
    'Visit Due': day(due),
    Visited: visited === null ? null : day(visited),
    Visits: 1,
    Team: 'North',
    Worker: 'Ann',
    'Visited By': by,
    ...(outcome === undefined ? {} : { Outcome: outcome }),
  });
  const rows = [
    visit('C1', '2017-01-10', '2017-01-19', 'Bo', 'Seen'),
    visit('C2', '2017-01-10', '2017-01-18', 'Bo', 'Seen'),
    visit('C3', '2017-01-10', null, 'Cy', 'Not seen'),
    visit('C4', '2017-01-20', '2017-01-10', 'Di', 'Seen'),
  ];

  it('is read as empty (not recorded yet) where that date is after the as-of date, and kept where it is not, or is empty', () => {
    const stood = asAt([typed(rows)], AS_OF);
    expect(stood.tables[0]!.rows.map((r) => r.values)).toEqual([
      { ...rows[0], Visited: null, 'Visited By': null, Outcome: null },
      rows[1],
      rows[2],
      { ...rows[3], 'Visit Due': null },
    ]);
  });

  it('is named in the finding on its date column, as read empty too', () => {
    const messages = asAt([typed(rows)], AS_OF).findings.map((f) => [f.column, f.message]);
    expect(messages).toEqual([
      ['Visit Due', '1 date after the as-of date in "Visit Due" (row 5): each is read as not yet happened at the as-of date (empty). A date in the future is often a keying error worth correcting'],
      [
        'Visited',
        '1 date after the as-of date in "Visited" (row 2): each is read as not yet done at the as-of date (empty), and so are "Visited By" and "Outcome" on those rows (not recorded yet). A date in the future is often a keying error worth correcting',
      ],
    ]);
  });

  it('only where the rows hold it (a check keeps the columns its rules read)', () => {
    const held = rows.map(({ Outcome: _outcome, ...rest }) => rest);
    const stood = asAt([typed(held)], AS_OF);
    expect(stood.tables[0]!.rows[0]!.values).toEqual({ ...held[0], Visited: null, 'Visited By': null });
    expect(stood.findings[1]!.message).toContain('(empty), and so is "Visited By" on those rows (not recorded yet).');
  });

  it('a row at a time, for rows judged as they are read, the same', () => {
    const table = typed(rows);
    const one = new RowsAsAt(table.source, table.dataset, table.columns, AS_OF);
    const stood = table.rows.map((r) => one.stand(r));
    const whole = asAt([table], AS_OF);
    expect(stood).toEqual(whole.tables[0]!.rows);
    expect(stood[1]).toBe(table.rows[1]);
    expect(one.findings()).toEqual(whole.findings);
  });
});

describe('dates after the as-of date found by ranges of a sheet\'s rows (laterDatesFindings)', () => {
  const later = (over: Partial<LaterDates>): LaterDates => ({ source: { file: 'big.csv' }, dataset: 'cin', column: 'Start', dateIs: 'start', dependents: [], count: 1, named: [2], ...over });
  const OUT = 'those rows had not started at the as-of date, so they are out of scope. A date in the future is often a keying error worth correcting';

  it('sums the counts of a column over the ranges and names its first five rows, in the order the ranges are given', () => {
    const found = [later({ count: 3, named: [9, 4, 7] }), later({ count: 4, named: [20, 21, 22, 23] })];
    expect(laterDatesFindings(found)).toEqual([
      { file: 'big.csv', kind: 'future-date', level: 'info', column: 'Start', dataset: 'cin', message: `7 dates after the as-of date in "Start" (rows 9, 4, 7, 20, 21 and 2 more): ${OUT}` },
    ]);
    expect(found.map((l) => [l.count, l.named])).toEqual([
      [3, [9, 4, 7]],
      [4, [20, 21, 22, 23]],
    ]);
  });

  it('names no row past the fifth even when a range has more named', () => {
    const message = laterDatesFindings([later({ count: 5, named: [2, 3, 4, 5, 6] }), later({ count: 1, named: [9] })])[0]!.message;
    expect(message).toBe(`6 dates after the as-of date in "Start" (rows 2, 3, 4, 5, 6 and 1 more): ${OUT}`);
  });

  it('keeps one finding per file, sheet and column, in the order each was first found, and names the columns each dates', () => {
    const found = [
      later({ column: 'Start', count: 1, named: [3] }),
      later({ column: 'Closed', dateIs: 'end', dependents: ['Outcome'], count: 2, named: [5, 6] }),
      later({ source: { file: 'big.csv', sheet: 'S' }, column: 'Start', count: 1, named: [8] }),
      later({ source: { file: 'other.csv' }, column: 'Start', count: 1, named: [9] }),
      later({ column: 'Start', count: 1, named: [30] }),
    ];
    expect(laterDatesFindings(found).map((f) => [f.file, f.sheet, f.column, f.message])).toEqual([
      ['big.csv', undefined, 'Start', `2 dates after the as-of date in "Start" (rows 3, 30): ${OUT}`],
      [
        'big.csv',
        undefined,
        'Closed',
        '2 dates after the as-of date in "Closed" (rows 5, 6): each is read as not yet ended at the as-of date (empty: still open), and so is "Outcome" on those rows (not recorded yet). A date in the future is often a keying error worth correcting',
      ],
      ['big.csv', 'S', 'Start', `1 date after the as-of date in "Start" (row 8): ${OUT}`],
      ['other.csv', undefined, 'Start', `1 date after the as-of date in "Start" (row 9): ${OUT}`],
    ]);
  });

  it('makes no finding from none', () => {
    expect(laterDatesFindings([])).toEqual([]);
  });

  it('RowsAsAt.findings(later) puts its dates after the as-of date in `later`, as plain data, and gives only the undated rows\' findings', () => {
    const LOG: DatasetDef = { id: 'log', title: 'Contact log', columns: { 'Child ID': { type: 'id', required: true }, Contacted: { type: 'date', required: true, dateIs: 'record' }, Sent: { type: 'date', dateIs: 'completion' } } };
    const source = { file: 'log.csv' };
    const values = [
      { 'Child ID': 'C1', Contacted: day('2017-01-19'), Sent: null },
      { 'Child ID': 'C2', Contacted: null, Sent: null },
      { 'Child ID': 'C3', Contacted: day('2017-01-02'), Sent: day('2017-01-20') },
      { 'Child ID': 'C4', Contacted: day('2017-02-01'), Sent: null },
    ];
    const one = new RowsAsAt(source, LOG, ['Child ID', 'Contacted', 'Sent'], AS_OF);
    values.forEach((v, i) => one.stand({ source, row: i + 2, values: v }));
    const earlier: LaterDates = later({});
    const put = [earlier];
    const findings = one.findings(put);
    expect(findings.map((f) => [f.kind, f.row, f.column])).toEqual([['not-evaluable', 3, 'Contacted']]);
    expect(put).toEqual([
      earlier,
      { source, dataset: 'log', column: 'Contacted', dateIs: 'record', dependents: [], count: 2, named: [2, 5] },
      { source, dataset: 'log', column: 'Sent', dateIs: 'completion', dependents: [], count: 1, named: [4] },
    ]);
    expect(one.findings().map((f) => [f.kind, f.row, f.column])).toEqual([
      ['future-date', undefined, 'Contacted'],
      ['future-date', undefined, 'Sent'],
      ['not-evaluable', 3, 'Contacted'],
    ]);
  });
});
