// Rows without an id cannot be judged; a child listed twice where each child is listed once is
// judged twice. Both are findings that name the row, its sheet and file, and (for a repeat) the
// first row the id appears on.
import { describe, expect, it } from 'vitest';
import type { DatasetDef } from '../../src/datasets/dataset.js';
import { IdsInOrder, IdsNotInOrder, KeyChecks, keyFindings } from '../../src/typing/key-checks.js';
import type { TableSource, TypedTable } from '../../src/typing/typed-table.js';
import { Invalid, type Value } from '../../src/typing/value.js';

const dataset = (id: string, more: Partial<DatasetDef> = {}): DatasetDef => ({
  id,
  title: id,
  idColumn: 'Child ID',
  uniqueId: true,
  columns: { 'Child ID': { type: 'id', required: true }, Team: { type: 'text' } },
  ...more,
});

/** A typed table whose rows hold these ids, the first on `firstRow`. */
function table(def: DatasetDef, source: TableSource, ids: Value[], firstRow = 2): TypedTable {
  return { dataset: def, source, columns: ['Child ID', 'Team'], blankRows: 0, rows: ids.map((id, i) => ({ source, row: firstRow + i, values: { 'Child ID': id, Team: 'North' } })) };
}

const LIST6 = dataset('list-6');

/** The same checks on rows judged as they are read: each row checked as it comes, none kept (ids noted in a log of their own). */
function asRead(tables: readonly TypedTable[]) {
  const checks = new KeyChecks(true);
  for (const t of tables) {
    checks.table(t.dataset);
    for (const row of t.rows) checks.row(row);
  }
  return checks.findings;
}

describe.each([
  ['rows kept', keyFindings],
  ['rows judged as read', asRead],
])('key findings (%s)', (_way, keyFindings) => {
  it('names each row with no id: it cannot be judged', () => {
    const source = { file: 'annex-a.xlsx', sheet: 'List 6' };
    expect(keyFindings([table(LIST6, source, ['C1', null, 'C2', null], 3)])).toEqual([
      { ...source, row: 4, column: 'Child ID', dataset: 'list-6', kind: 'missing-id', level: 'warning', message: 'Child ID is empty: the row cannot be judged' },
      { ...source, row: 6, column: 'Child ID', dataset: 'list-6', kind: 'missing-id', level: 'warning', message: 'Child ID is empty: the row cannot be judged' },
    ]);
  });

  it('names a repeated id, where ids are unique, with the first row it appears on (in this sheet or another file)', () => {
    const sheet = { file: 'annex-a.xlsx', sheet: 'List 6' };
    const csv = { file: 'list-6-extra.csv' };
    const findings = keyFindings([table(LIST6, csv, ['C7', 'C8']), table(LIST6, sheet, ['C1', 'C2', 'C1', 'C7', 'C1'])]);
    const repeat = { column: 'Child ID', dataset: 'list-6', kind: 'duplicate-subject', level: 'warning' };
    expect(findings).toEqual([
      { ...sheet, ...repeat, row: 4, value: 'C1', message: 'Child ID also appears at List 6 row 2; both rows are judged' },
      { ...sheet, ...repeat, row: 5, value: 'C7', message: 'Child ID also appears at row 2; both rows are judged' },
      { ...sheet, ...repeat, row: 6, value: 'C1', message: 'Child ID also appears at List 6 row 2; both rows are judged' },
    ]);
  });

  it('lets an id repeat where a dataset lists a child more than once, and across datasets', () => {
    const visits = dataset('visits', { uniqueId: false });
    const source = { file: 'visits.xlsx', sheet: 'Visits' };
    expect(keyFindings([table(visits, source, ['C1', 'C1', null]), table(LIST6, { file: 'a.xlsx', sheet: 'List 6' }, ['C1'])])).toEqual([
      { ...source, row: 4, column: 'Child ID', dataset: 'visits', kind: 'missing-id', level: 'warning', message: 'Child ID is empty: the row cannot be judged' },
    ]);
  });

  it('has nothing to say of a dataset with no id column, or of an id that could not be read (already a finding)', () => {
    const noId = dataset('homes', { idColumn: undefined });
    const bad = new Invalid('#REF!', 'Excel error #REF!', { file: 'a.xlsx', row: 2, column: 'Child ID' });
    expect(keyFindings([table(noId, { file: 'homes.xlsx' }, [null, 'H1', 'H1']), table(LIST6, { file: 'a.xlsx' }, [bad, bad])])).toEqual([]);
  });

  it('names the row each repeated id was first seen at, when an id repeats again and across sheets of one dataset', () => {
    const found = keyFindings([table(LIST6, { file: 'annex-a.xlsx', sheet: 'List 6' }, ['A', 'B', 'A', 'C', 'C']), table(LIST6, { file: 'annex-a.xlsx', sheet: 'List 6b' }, ['D', 'C', 'B'])]);
    expect(found.map((f) => [f.sheet, f.row, f.value, f.message])).toEqual([
      ['List 6', 4, 'A', 'Child ID also appears at List 6 row 2; both rows are judged'],
      ['List 6', 6, 'C', 'Child ID also appears at List 6 row 5; both rows are judged'],
      ['List 6b', 3, 'C', 'Child ID also appears at List 6 row 5; both rows are judged'],
      ['List 6b', 4, 'B', 'Child ID also appears at List 6 row 3; both rows are judged'],
    ]);
  });

  it('finds a repeat in ids sorted as most extracts are, side by side or after the order breaks', () => {
    const source = { file: 'annex-a.xlsx', sheet: 'List 6' };
    const found = (ids: string[]) => keyFindings([table(LIST6, source, ids)]).map((f) => [f.row, f.value, f.message]);
    expect(found(['A', 'A'])).toEqual([[3, 'A', 'Child ID also appears at List 6 row 2; both rows are judged']]);
    expect(found(['A', 'B', 'B', 'C'])).toEqual([[4, 'B', 'Child ID also appears at List 6 row 3; both rows are judged']]);
    expect(found(['A', 'C', 'B', 'C', 'A', 'D'])).toEqual([
      [5, 'C', 'Child ID also appears at List 6 row 3; both rows are judged'],
      [6, 'A', 'Child ID also appears at List 6 row 2; both rows are judged'],
    ]);
    expect(found(['A', 'C', 'B', 'D', 'E', 'D'])).toEqual([[7, 'D', 'Child ID also appears at List 6 row 5; both rows are judged']]);
  });

  it('names the first row of an id in any script, however long', () => {
    const source = { file: 'annex-a.xlsx', sheet: 'List 6' };
    const long = `C${'9'.repeat(10_000)}`;
    const found = keyFindings([table(LIST6, source, ['Ω1', 'Zoë', '😀', long, 'Zoë', long, 'Ω1'])]).map((f) => [f.row, f.message]);
    expect(found).toEqual([
      [6, 'Child ID also appears at List 6 row 3; both rows are judged'],
      [7, 'Child ID also appears at List 6 row 5; both rows are judged'],
      [8, 'Child ID also appears at List 6 row 2; both rows are judged'],
    ]);
  });

  it('names the first row of an id repeated after tens of thousands of others, long ones among them', () => {
    const source = { file: 'annex-a.xlsx', sheet: 'List 6' };
    const ids = Array.from({ length: 40_000 }, (_, i) => `C${String(i).padStart(8, '0')}`);
    const long = `D${'Ω'.repeat(200_000)}`;
    const found = keyFindings([table(LIST6, source, [...ids, long, `E${'ë'.repeat(30_000)}`, 'C00000007', long, 'C00039999'])]).map((f) => [f.row, f.message]);
    expect(found).toEqual([
      [40_004, 'Child ID also appears at List 6 row 9; both rows are judged'],
      [40_005, 'Child ID also appears at List 6 row 40002; both rows are judged'],
      [40_006, 'Child ID also appears at List 6 row 40001; both rows are judged'],
    ]);
  });
});

describe('IdsInOrder: the ids of a range of a file\'s rows, which must rise', () => {
  it('has no first or last id before any', () => {
    const order = new IdsInOrder();
    expect([order.first, order.last]).toEqual([undefined, undefined]);
  });

  it('keeps the first id and the last, while each is greater than the one before', () => {
    const order = new IdsInOrder();
    order.next('C05');
    expect([order.first, order.last]).toEqual(['C05', 'C05']);
    for (const id of ['C06', 'C10', 'D']) order.next(id);
    expect([order.first, order.last]).toEqual(['C05', 'D']);
  });

  it.each([
    ['smaller', 'C04', '"C04"'],
    ['equal', 'C06', '"C06"'],
  ])('throws IdsNotInOrder at an id %s than the one before, naming it, and keeps the ids before it', (_what, id, named) => {
    const order = new IdsInOrder();
    order.next('C05');
    order.next('C06');
    expect(() => order.next(id)).toThrow(IdsNotInOrder);
    expect(() => order.next(id)).toThrow(`ids not in order at ${named}`);
    expect([order.first, order.last]).toEqual(['C05', 'C06']);
  });

  it('is told each unique id by KeyChecks, and stops the check at the first id not in order', () => {
    const order = new IdsInOrder();
    const checks = new KeyChecks(true, order);
    const t = table(LIST6, { file: 'big.csv' }, ['C1', null, 'C2', 'C3', 'C2']);
    checks.table(LIST6);
    for (const row of t.rows.slice(0, 4)) checks.row(row);
    expect([order.first, order.last]).toEqual(['C1', 'C3']);
    expect(() => checks.row(t.rows[4]!)).toThrow(IdsNotInOrder);
  });

  it('is not told the ids of a dataset whose ids need not be unique', () => {
    const order = new IdsInOrder();
    const checks = new KeyChecks(true, order);
    const shared = dataset('visits', { uniqueId: false });
    checks.table(shared);
    for (const row of table(shared, { file: 'v.csv' }, ['C2', 'C1']).rows) checks.row(row);
    expect([order.first, order.last]).toEqual([undefined, undefined]);
  });
});
