// A small pack written in the tests of `comply validate`: two datasets (children, their visits),
// a calendar and one rule, each file written as a folder would hold it, validated in this process.
import { parsePackFiles } from '../../src/rules/parse-pack-file.js';
import { problemText } from '../../src/rules/problem-text.js';
import { validatePack } from '../../src/rules/validate-pack.js';

export type Json = Record<string, any>;

export const children = (): Json => ({
  id: 'children',
  title: 'Children',
  idColumn: 'ID',
  columns: {
    ID: { type: 'id' },
    Start: { type: 'date', dateIs: 'start' },
    Closed: { type: 'date', dateIs: 'end' },
    Born: { type: 'date' },
    Team: { type: 'text' },
  },
});
export const visits = (): Json => ({
  id: 'visits',
  title: 'Visits',
  columns: { ID: { type: 'id' }, Visited: { type: 'date', dateIs: 'record' }, Visitor: { type: 'text' } },
});

/** A rule on the children: open longer than a limit after its start. */
export const openLong = (id = 'test.open-long'): Json => ({
  id,
  version: 1,
  title: 'Open too long',
  description: 'A case open too long',
  severity: 'low',
  source: { title: 'Local practice', kind: 'local practice' },
  dataset: 'children',
  subject: { column: 'ID' },
  parameters: { limit: { value: 6, unit: 'months' } },
  facts: { start: { column: 'Start' }, due: { call: 'addInterval', args: [{ fact: 'start' }, { param: 'limit' }] } },
  conditions: { all: [{ fact: 'asOf', operator: 'after', value: { fact: 'due' } }] },
  exception: { dueDate: { fact: 'due' }, message: 'Open since {start}' },
});

/** A pack of these files (path -> JSON), each written as `comply` would read it from a folder; the problems as printed. */
export function problemsOf(files: Record<string, unknown>): string[] {
  const parsed = parsePackFiles(Object.entries(files).map(([path, json]) => ({ path, text: `${JSON.stringify(json, null, 2)}\n` })));
  return [...parsed.problems, ...validatePack(parsed.files).problems].map((p) => problemText(p));
}

export const pack = (more: Record<string, unknown> = {}): Record<string, unknown> => ({
  'datasets/children.json': children(),
  'datasets/visits.json': visits(),
  'calendars/bank-holidays.json': { dates: ['2024-12-25', '2024-01-01'] },
  'test/open-long.rule.json': openLong(),
  ...more,
});
