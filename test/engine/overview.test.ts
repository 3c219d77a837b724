// An overview (one row per row a rule judged) as its reader sees it: each row's own cells, the
// facts rules computed for it ("not evaluable" where its rule could not judge it), how many
// exceptions a rule raised for its subject, and "not run" for a rule whose input is missing.
import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../src/calendar/index.js';
import { runCheck } from '../../src/engine/run-check.js';
import type { OverviewDef } from '../../src/rules/overview.js';
import { HOME_OPEN, HOMES_HEAD, sheet, VISIT_LATE, VISITS_HEAD, visitsPack } from '../helpers/visits-pack.js';

const OVERVIEW: OverviewDef = {
  id: 'children',
  title: 'Children and their visits',
  sheetName: 'Children',
  rowsOf: VISIT_LATE.id,
  columns: [
    { label: 'Child', column: 'Child ID' },
    { label: 'Due As Written', column: 'Visit Due' },
    { label: 'Visits', column: 'Visits' },
    { label: 'Due', rule: VISIT_LATE.id, fact: 'due' },
    { label: 'Visits Counted', rule: VISIT_LATE.id, fact: 'visits' },
    { label: 'Late Visits', rule: VISIT_LATE.id, count: 'exceptions' },
    { label: 'Home Registered', rule: HOME_OPEN.id, fact: 'registered' },
    { label: 'Home Exceptions', rule: HOME_OPEN.id, count: 'exceptions' },
  ],
};

const VISITS = sheet('visits.csv', VISITS_HEAD, [
  ['C1', '10/01/2017', null, 2, 'North', 'Ann'], // late
  ['C2', '01/01/2017', '05/01/2017', 1, 'North', 'Ann'], // visited: not applicable, so no row
  ['C3', '18/01/2017', null, 0, 'South', 'Bob'], // passed
  ['C4', 'soon', null, 1, 'South', 'Bob'], // due date unreadable
  ['C5', null, null, 1, 'South', 'Bob'], // no due date
  ['C1', '10/01/2017', null, 3, 'North', 'Ann'], // the same exception again
]);

function overview(withHomes: boolean) {
  const pack = { ...visitsPack(), overviews: [OVERVIEW] };
  const raws = withHomes ? [VISITS, sheet('homes.csv', HOMES_HEAD, [['C3', 'Oak', '01/06/2010', 4]] /* a home whose URN is a child's id */)] : [VISITS];
  return runCheck(pack, raws, { asOf: dayFromIso('2017-01-18')! }).overviews;
}

describe('an overview of the rows a rule judged', () => {
  it('has its title, sheet and each column with the kind of what it holds', () => {
    const [table] = overview(true);
    expect(table).toMatchObject({ id: 'children', title: 'Children and their visits', sheetName: 'Children' });
    expect(table!.columns).toEqual([
      { label: 'Child', kind: 'text' },
      { label: 'Due As Written', kind: 'date' },
      { label: 'Visits', kind: 'number' },
      { label: 'Due', kind: 'date' },
      { label: 'Visits Counted', kind: 'number' },
      { label: 'Late Visits', kind: 'number' },
      { label: 'Home Registered', kind: 'date' },
      { label: 'Home Exceptions', kind: 'number' },
    ]);
  });

  it("one row per row judged in scope or not evaluable, in input order: the row's cells, its facts, its subject's exceptions", () => {
    expect(overview(true)[0]!.rows).toEqual([
      ['C1', '2017-01-10', 2, '2017-01-10', 2, 1, null, 0],
      ['C3', '2017-01-18', 0, '2017-01-18', 0, 0, null, 1], // home C3's exception, counted for the subject C3
      ['C4', 'soon', 1, 'not evaluable', 1, 0, null, 0],
      ['C5', null, 1, null, 1, 0, null, 0], // not evaluable (no due date): the facts it has are shown
      ['C1', '2017-01-10', 3, '2017-01-10', 3, 1, null, 0],
    ]);
  });

  it('shows "not run: input missing" in the columns of a rule that did not run', () => {
    const [table] = overview(false);
    expect(table!.columns.slice(6)).toEqual([
      { label: 'Home Registered', kind: 'text' },
      { label: 'Home Exceptions', kind: 'number' },
    ]);
    expect(table!.rows.map((r) => r.slice(6))).toEqual(Array.from({ length: 5 }, () => ['not run: input missing', 'not run: input missing']));
  });

  it('is left out when the rule it lists did not run', () => {
    const pack = { ...visitsPack(), overviews: [OVERVIEW] };
    expect(runCheck(pack, [sheet('homes.csv', HOMES_HEAD, [['H1', 'Oak', '01/06/2010', 4]])], { asOf: dayFromIso('2017-01-18')! }).overviews).toEqual([]);
  });
});

describe("an overview's fact columns of a second rule on the same rows", () => {
  const VISITED = { ...VISIT_LATE, id: 'test.visited', appliesWhen: { all: [{ fact: 'visited', operator: 'isEmpty', value: false }] } };
  const SECOND: OverviewDef = {
    ...OVERVIEW,
    columns: [
      { label: 'Child', column: 'Child ID' },
      { label: 'Visits Counted', rule: VISIT_LATE.id, fact: 'visits' },
      { label: 'Due If Visited', rule: VISITED.id, fact: 'due' },
    ],
  };
  const rows = (visitRows: (string | number | null)[][]) =>
    runCheck({ ...visitsPack([VISIT_LATE, VISITED]), overviews: [SECOND] }, [sheet('visits.csv', VISITS_HEAD, visitRows)], { asOf: dayFromIso('2017-01-18')! }).overviews[0]!.rows;

  it('are empty where that rule does not apply to the row', () => {
    expect(rows([['C1', '10/01/2017', null, 2, 'North', 'Ann'], ['C2', '01/01/2017', '05/01/2017', 1, 'North', 'Ann']])).toEqual([['C1', 2, null]]);
  });
});
