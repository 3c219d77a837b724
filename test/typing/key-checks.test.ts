// The id checks: a row with no id, and where ids are unique an id seen before, named with the row
// it was first seen at (in the same sheet or an earlier one of the dataset), every row judged.
import { describe, expect, it } from 'vitest';
import type { DatasetDef } from '../../src/datasets/dataset.js';
import { keyFindings } from '../../src/typing/key-checks.js';
import type { TypedTable } from '../../src/typing/typed-table.js';

const dataset = (id: string, uniqueId: boolean) => ({ id, title: id, idColumn: 'Child ID', uniqueId, columns: {} }) as unknown as DatasetDef;

const table = (def: DatasetDef, sheet: string, ids: (string | null)[]): TypedTable => {
  const source = { file: 'annex-a.xlsx', sheet };
  return { dataset: def, source, columns: ['Child ID'], blankRows: 0, rows: ids.map((id, i) => ({ source, row: i + 2, values: { 'Child ID': id } })) };
};

const list6 = dataset('annex-a-list-6', true);

describe('keyFindings', () => {
  it('names the row each repeated id was first seen at, within a sheet and across sheets of one dataset', () => {
    const found = keyFindings([table(list6, 'List 6', ['A', 'B', 'A', 'C', 'C']), table(list6, 'List 6b', ['D', 'C', 'B'])]);
    expect(found.map((f) => [f.kind, f.sheet, f.row, f.value, f.message])).toEqual([
      ['duplicate-subject', 'List 6', 4, 'A', 'Child ID also appears at List 6 row 2; both rows are judged'],
      ['duplicate-subject', 'List 6', 6, 'C', 'Child ID also appears at List 6 row 5; both rows are judged'],
      ['duplicate-subject', 'List 6b', 3, 'C', 'Child ID also appears at List 6 row 5; both rows are judged'],
      ['duplicate-subject', 'List 6b', 4, 'B', 'Child ID also appears at List 6 row 3; both rows are judged'],
    ]);
  });

  it('reports a row with no id, and lets ids repeat where the dataset does not make them unique', () => {
    const visits = dataset('reg44-visits', false);
    const found = keyFindings([table(visits, 'Visits', ['H1', 'H1', null]), table(list6, 'List 6', ['A'])]);
    expect(found.map((f) => [f.kind, f.row, f.message])).toEqual([['missing-id', 4, 'Child ID is empty: the row cannot be judged']]);
  });
});
