// A dataset whose rules each judge a row on its own is judged as each row is read, its rows not
// kept; the others are judged once all their rows are read. Which way a dataset goes must never
// change what a check finds: the same exceptions, findings, counts and inputs, on the demo
// county, on the hostile corpus, on a List 6 that makes rows wait (dates that may prove to be
// month-first), leaves rows out and empties a closure with the status it dates (dates after the
// as-of date) and repeats ids across two sheets, and on List 6 sheets where one date column
// proves month-first and another's dates could be either.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../src/calendar/index.js';
import { datasetsJudgedAsRead } from '../../src/engine/judged-as-read.js';
import { runCheck, type CheckResult } from '../../src/engine/run-check.js';
import { loadPack } from '../../src/node/load-pack.js';
import { InputError, readInputs } from '../../src/node/read-inputs.js';
import type { RawRows } from '../../src/read/raw-table.js';
import type { RulePack } from '../../src/rules/rule-pack.js';
import type { RuleDef } from '../../src/rules/rule.js';
import { CORPUS } from '../helpers/corpus.js';
import { ROOT } from '../helpers/cli.js';

const AS_OF = dayFromIso('2017-01-18')!;
const pack = loadPack();

/** The pack with an overview over every rule's rows: every dataset's rows are then kept until all are read. */
const keptPack = (p: RulePack): RulePack => ({ ...p, overviews: [...p.overviews, ...p.rules.map((r) => ({ id: `keep.${r.id}`, title: r.id, sheetName: r.id, rowsOf: r.id, columns: [] }))] });

/** Everything a check finds but the overviews (the kept pack has one per rule). */
const found = ({ overviews: _overviews, ...rest }: CheckResult) => rest;

function bothWays(raws: () => RawRows[], p: RulePack = pack) {
  expect(datasetsJudgedAsRead(keptPack(p).rules, keptPack(p).overviews)).toEqual(new Set());
  return { asRead: found(runCheck(p, raws(), { asOf: AS_OF })), kept: found(runCheck(keptPack(p), raws(), { asOf: AS_OF })) };
}

const LIST6_HEAD = ['Child Unique ID', 'CIN Start Date', 'CIN Closure Date', 'Case Status', 'Allocated Team', 'Allocated Worker'];

describe('which datasets are judged as they are read', () => {
  const rule = (id: string, dataset: string, more: Partial<RuleDef> = {}) => ({ ...pack.rules[0]!, id, dataset, related: undefined, groupBy: undefined, ...more }) as RuleDef;

  it('those whose every rule judges a row on its own', () => {
    const rules = [
      rule('a.alone', 'list-6'),
      rule('b.alone', 'list-6'),
      rule('c.grouped', 'episodes', { groupBy: { name: 'child', columns: ['Child ID'] } } as Partial<RuleDef>),
      rule('d.relating', 'homes', { related: { visits: { dataset: 'visits', match: { URN: 'URN' } } } } as Partial<RuleDef>),
      rule('e.watched', 'list-3'),
      rule('f.alone', 'list-3'),
    ];
    expect(datasetsJudgedAsRead(rules, [{ id: 'o', title: 'o', sheetName: 'o', rowsOf: 'e.watched', columns: [] }])).toEqual(new Set(['list-6']));
  });

  it('the shipped pack judges some of its datasets as they are read (so the comparisons below compare two ways)', () => {
    expect(datasetsJudgedAsRead(pack.rules, pack.overviews).size).toBeGreaterThan(0);
  });
});

describe('judged as read or kept, a check finds the same', () => {
  it('on the demo county', async () => {
    const { tables } = await readInputs([`${ROOT}/fixtures/demo`]);
    const { asRead, kept } = bothWays(() => tables);
    expect(asRead.exceptions.length).toBeGreaterThan(500);
    expect(asRead).toEqual(kept);
  });

  it('on the hostile corpus', async () => {
    const tables: RawRows[] = [];
    for (const file of readdirSync(CORPUS).sort()) {
      // The files no reader opens (a password, a PDF) are the command line's to report, not the check's.
      const read = await readInputs([`${CORPUS}/${file}`]).catch((error: unknown) => (error instanceof InputError ? undefined : Promise.reject(error)));
      tables.push(...(read?.tables ?? []));
    }
    expect(tables.length).toBeGreaterThan(30);
    const { asRead, kept } = bothWays(() => tables);
    expect(asRead.findings.length).toBeGreaterThan(50);
    expect(asRead).toEqual(kept);
  });

  it('on a List 6 whose rows wait for a date column to prove not month-first, with dates after the as-of date and ids repeated across sheets', () => {
    const sheetOf = (sheet: string, rows: (string | null)[][]): RawRows => ({ file: 'annex-a.xlsx', sheet, firstRow: 1, rows: [LIST6_HEAD, ...rows] });
    const list6 = () => [
      sheetOf('List 6', [
        ['C05', '02/03/2016', null, 'Open', 'North', 'Ann'],
        ['C01', '04/01/2016', null, 'Open', 'North', 'Ann'],
        [null, '05/05/2016', null, 'Open', 'South', 'Bo'],
        ['C02', '20/01/2016', null, 'Open', 'South', 'Bo'],
        ['C03', '01/02/2017', null, 'Open', 'South', 'Bo'],
        ['C04', '01/03/2016', '01/02/2017', 'Closed', 'East', 'Cy'],
        ['C01', '13/06/2016', null, 'Open', 'East', 'Cy'],
      ]),
      sheetOf('List 6 (US)', [
        ['C06', '01/13/2016', null, 'Open', 'North', 'Ann'],
        ['C05', '02/03/2016', null, 'Open', 'North', 'Ann'],
        ['C07', '03/14/2016', null, 'Open', 'North', 'Ann'],
        ['C08', '04/15/2016', null, 'Open', 'North', 'Ann'],
      ]),
    ];
    const { asRead, kept } = bothWays(list6);
    expect(asRead).toEqual(kept);
    const drift = asRead.rules.find((r) => r.ruleId === 'drift.cin-open-over-6-months')!;
    // By due date: C01, C02, C04 (closed after the as-of date, so still open), C05 (whose row waited
    // for row 5's 20/01 to show the column is not month-first), C01 again; C03 had not started.
    expect(asRead.exceptions.filter((e) => e.ruleId === drift.ruleId).map((e) => [e.subject, e.source.sheet, e.source.row])).toEqual([
      ['C01', 'List 6', 3], ['C02', 'List 6', 5], ['C04', 'List 6', 7], ['C05', 'List 6', 2], ['C01', 'List 6', 8],
    ]);
    // C04's status "Closed" came with its closure (datedBy): not recorded yet at the as-of date, either way.
    expect(asRead.exceptions.find((e) => e.subject === 'C04')!.columns['Case Status']).toBeNull();
    expect(drift.counts).toMatchObject({ considered: 11, notApplicable: 1, notEvaluable: 5 });
    expect(asRead.findings.filter((f) => f.kind === 'duplicate-subject').map((f) => [f.sheet, f.row, f.message])).toEqual([
      ['List 6', 8, 'Child Unique ID also appears at List 6 row 3; both rows are judged'],
      ['List 6 (US)', 3, 'Child Unique ID also appears at List 6 row 2; both rows are judged'],
    ]);
    expect(asRead.findings.filter((f) => f.kind === 'future-date').map((f) => [f.column, f.message])).toEqual([
      ['CIN Closure Date', expect.stringContaining('1 date after the as-of date in "CIN Closure Date" (row 7)')],
      ['CIN Start Date', expect.stringContaining('1 date after the as-of date in "CIN Start Date" (row 6)')],
    ]);
    // The second sheet's start dates are month-first (13-15 as months): its dd/mm-style 02/03 is not read.
    expect(asRead.findings.filter((f) => f.sheet === 'List 6 (US)' && f.kind === 'unreadable-value').map((f) => [f.row, f.message])).toEqual([
      [2, expect.stringContaining('CIN Start Date')], [3, expect.stringContaining('month-first')], [4, expect.stringContaining('CIN Start Date')], [5, expect.stringContaining('CIN Start Date')],
    ]);
  });
  it('on a Reg 44 visit log judged as it is read, with visits with no date (one above a dd/mm-style date that makes rows wait) and one after the as-of date', () => {
    const reportLate = { ...pack, rules: pack.rules.filter((r) => r.id === 'reg44.report-late') };
    expect(datasetsJudgedAsRead(reportLate.rules, reportLate.overviews)).toEqual(new Set(['reg44-visits']));
    const head = ['URN', 'Setting Name', 'Visit Date', 'Independent Person', 'Report Sent Date'];
    const visits = (): RawRows[] => [
      {
        file: 'reg44.xlsx',
        sheet: 'Visits',
        firstRow: 1,
        rows: [head, ['SC1', 'Home', 'N/A', 'IP', '05/12/2016'], ['SC1', 'Home', '01/12/2016', 'IP', '05/12/2016'], ['SC2', 'Home', null, 'IP', null], ['SC2', 'Home', '2016-11-01', 'IP', '20/12/2016'], ['SC2', 'Home', '02/02/2017', 'IP', null]],
      },
    ];
    const { asRead, kept } = bothWays(visits, reportLate);
    expect(asRead).toEqual(kept);
    expect(asRead.findings.filter((f) => f.kind === 'not-evaluable').map((f) => [f.row, f.column, f.ruleId])).toEqual([
      [2, 'Visit Date', undefined],
      [4, 'Visit Date', undefined],
    ]);
    expect(asRead.inputs.map((i) => [i.rows, i.evaluated, i.reported])).toEqual([[5, 3, 2]]);
    expect(asRead.rules[0]!.counts).toMatchObject({ considered: 3, notApplicable: 1, checked: 2, exceptions: 1 });
  });

  it('on List 6 sheets where one date column proves month-first, a rule reading it or not, and the closure dates could be read either way', () => {
    const head = [...LIST6_HEAD, 'Date of Birth'];
    const list6 = (): RawRows[] => [
      {
        file: 'start-us.csv',
        firstRow: 1,
        rows: [head, ['C01', '06/13/2016', '12/01/2016', 'Closed', 'North', 'Ann', null], ['C02', '03/04/2016', null, 'Open', 'North', 'Ann', null], ['C03', '06/14/2016', '02/01/2017', 'Closed', 'North', 'Ann', null]],
      },
      {
        file: 'birth-us.csv',
        firstRow: 1,
        rows: [head, ['C04', '2016-03-04', '02/01/2017', 'Closed', 'South', 'Bo', '2010-01-01'], ['C05', '2016-03-05', null, 'Open', 'South', 'Bo', '01/13/2010'], ['C06', '2016-03-06', '11/01/2017', 'Closed', 'South', 'Bo', '02/14/2011']],
      },
    ];
    const { asRead, kept } = bothWays(list6);
    expect(asRead).toEqual(kept);
    // No closure date is read, in either file: each row with one could not be judged (and none is counted closed).
    expect(asRead.findings.filter((f) => f.kind === 'not-evaluable').map((f) => [f.file, f.row, f.column, f.message.replace(/.*not read: /, '')])).toEqual([
      ['birth-us.csv', 2, 'CIN Closure Date', 'this sheet has US month-first dates (mm/dd/yyyy) in "Date of Birth", so day and month cannot be told apart'],
      ['birth-us.csv', 4, 'CIN Closure Date', 'this sheet has US month-first dates (mm/dd/yyyy) in "Date of Birth", so day and month cannot be told apart'],
      ['start-us.csv', 2, 'CIN Closure Date', 'this sheet has US month-first dates (mm/dd/yyyy) in "CIN Start Date", so day and month cannot be told apart'],
      ['start-us.csv', 3, 'CIN Start Date', 'this column looks like US month-first dates (mm/dd/yyyy), so day and month cannot be told apart'],
      ['start-us.csv', 4, 'CIN Closure Date', 'this sheet has US month-first dates (mm/dd/yyyy) in "CIN Start Date", so day and month cannot be told apart'],
    ]);
    expect(asRead.findings.filter((f) => f.kind === 'suspicious-value').map((f) => [f.file, f.column])).toEqual([
      ['birth-us.csv', 'CIN Closure Date'], ['birth-us.csv', 'Date of Birth'], ['start-us.csv', 'CIN Closure Date'], ['start-us.csv', 'CIN Start Date'],
    ]);
  });
});
