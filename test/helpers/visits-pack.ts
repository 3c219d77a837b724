/**
 * A small rule pack made for the engine's tests: two datasets (a log of visits due, a register of
 * homes) and a rule on each, so that every field of an exception, finding and count can be
 * asserted against what the test put in, whatever the shipped pack holds.
 */
import type { DatasetDef } from '../../src/datasets/dataset.js';
import { loadPack } from '../../src/node/load-pack.js';
import type { RawCell, RawTable } from '../../src/read/raw-table.js';
import type { RulePack } from '../../src/rules/rule-pack.js';
import type { RuleDef } from '../../src/rules/rule.js';

export const VISITS: DatasetDef = {
  id: 'visits',
  title: 'Visits log',
  idColumn: 'Child ID',
  service: 'Fostering',
  columns: {
    'Child ID': { type: 'id', required: true },
    'Visit Due': { type: 'date', required: true, dateIs: 'event' },
    Visited: { type: 'date', dateIs: 'completion' },
    Visits: { type: 'number' },
    Team: { type: 'text' },
    Worker: { type: 'text' },
  },
};

export const HOMES: DatasetDef = {
  id: 'homes',
  title: 'Homes register',
  idColumn: 'URN',
  service: "Children's homes",
  columns: {
    URN: { type: 'id', required: true },
    'Home Name': { type: 'text', required: true },
    Registered: { type: 'date', required: true, dateIs: 'start' },
    Beds: { type: 'number' },
  },
};

const rule = (def: Pick<RuleDef, 'id' | 'dataset' | 'subject' | 'facts' | 'conditions' | 'exception'> & Partial<RuleDef>): RuleDef => ({
  version: 2,
  title: def.id,
  description: `The test rule ${def.id}.`,
  severity: 'medium',
  source: { title: 'test', kind: 'local practice' },
  parameters: {},
  ...def,
});

/** A visit not made by its due date; a negative count of visits is a warning. */
export const VISIT_LATE = rule({
  id: 'test.visit-late',
  tags: ['visits'],
  sheetName: 'Late visits',
  dataset: 'visits',
  subject: { column: 'Child ID' },
  parameters: { none: { value: 0, unit: 'count' } },
  facts: { due: { column: 'Visit Due' }, visited: { column: 'Visited' }, visits: { column: 'Visits' }, none: { param: 'none' } },
  requires: ['due'],
  appliesWhen: { all: [{ fact: 'visited', operator: 'isEmpty', value: true }] },
  conditions: { all: [{ fact: 'asOf', operator: 'after', value: { fact: 'due' } }] },
  warnWhen: [{ conditions: { all: [{ fact: 'visits', operator: 'lessThan', value: { fact: 'none' } }] }, column: 'Visits', message: '{visits} visits for {due}' }],
  exception: {
    dueDate: { fact: 'due' },
    message: 'Visit to {subject} due {dueDate}, {visits|no visits counted}, seen {visited|never} ({due:month})',
    team: { column: 'Team' },
    worker: { column: 'Worker' },
    show: [
      { label: 'Due', value: { fact: 'due' } },
      { label: 'Due Month', value: { fact: 'due' }, format: 'month' },
      { label: 'Visits', value: { column: 'Visits' } },
      { label: 'Worker', value: { column: 'Worker' } },
    ],
  },
});

/** A home registered before the as-of date: every such home is an exception (no team: the dataset's service). */
export const HOME_OPEN = rule({
  id: 'test.home-open',
  severity: 'low',
  dataset: 'homes',
  subject: { column: 'URN' },
  facts: { registered: { column: 'Registered' } },
  conditions: { all: [{ fact: 'registered', operator: 'before', value: { fact: 'asOf' } }] },
  exception: { dueDate: { fact: 'registered' }, message: '{subject} open since {registered}' },
});

export const visitsPack = (rules: RuleDef[] = [VISIT_LATE, HOME_OPEN]): RulePack => ({ ...loadPack(), datasets: [VISITS, HOMES], rules, overviews: [], cases: [] });

export const VISITS_HEAD = ['Child ID', 'Visit Due', 'Visited', 'Visits', 'Team', 'Worker'];
export const HOMES_HEAD = ['URN', 'Home Name', 'Registered', 'Beds'];

/** A sheet of rows under a header, the header on the sheet's first row. */
export const sheet = (file: string, head: RawCell[], rows: RawCell[][], sheetName?: string): RawTable =>
  sheetName === undefined ? { file, firstRow: 1, rows: [head, ...rows] } : { file, sheet: sheetName, firstRow: 1, rows: [head, ...rows] };
