// Rows matched to a row (related rows) and rows judged together (groups): matched on their
// columns' values whatever the case or outer spaces, never on an empty or unreadable value.
import { describe, expect, it } from 'vitest';
import { judgedUnits } from '../../src/engine/group-rows.js';
import { relatedIndex, relatedKey } from '../../src/engine/related-index.js';
import type { TypedRow, TypedTable } from '../../src/typing/typed-table.js';
import { Invalid, type Value } from '../../src/typing/value.js';
import { VISITS } from '../helpers/visits-pack.js';

const unreadable = new Invalid('soon', 'not a date', { file: 'f.csv', row: 2, column: 'Visit Due' });
let nextRow = 2;
const row = (values: Record<string, Value>): TypedRow => ({ source: { file: 'f.csv' }, row: nextRow++, values });
const table = (rows: TypedRow[]): TypedTable => ({ dataset: VISITS, source: { file: 'f.csv' }, columns: [], rows, blankRows: 0 });

describe('relatedKey', () => {
  it('ignores case and outer spaces, and reads numbers as their text', () => {
    expect(relatedKey({ a: '  Ann ' }, ['a'])).toBe(relatedKey({ a: 'ANN' }, ['a']));
    expect(relatedKey({ a: 12 }, ['a'])).toBe(relatedKey({ a: '12' }, ['a']));
    expect(relatedKey({ a: 'Ann Lee' }, ['a'])).not.toBe(relatedKey({ a: 'AnnLee' }, ['a']));
  });

  it('keeps the columns apart: a space moved from one column to the next is another key', () => {
    expect(relatedKey({ a: 'x', b: 'y z' }, ['a', 'b'])).not.toBe(relatedKey({ a: 'x y', b: 'z' }, ['a', 'b']));
    expect(relatedKey({ a: 'x', b: 'y' }, ['a', 'b'])).not.toBe(relatedKey({ a: 'y', b: 'x' }, ['a', 'b']));
    expect(relatedKey({ a: 'x', b: 'z' }, ['a', 'b'])).not.toBe(relatedKey({ a: 'y', b: 'z' }, ['a', 'b']));
    expect(relatedKey({ a: 'x', b: 'y' }, ['a', 'b'])).toBe(relatedKey({ a: ' X', b: 'Y ' }, ['a', 'b']));
  });

  it('is undefined when any of the columns is empty, missing or unreadable', () => {
    for (const values of [{ a: 'x', b: null }, { a: 'x' }, { a: unreadable, b: 'y' }, { a: null, b: 'y' }] as Record<string, Value>[]) expect(relatedKey(values, ['a', 'b']), JSON.stringify(values)).toBeUndefined();
  });
});

describe('relatedIndex', () => {
  it("groups the rows of every table by key, in input order, leaving out rows whose key is empty", () => {
    const [a1, b1, none, a2, a3] = [row({ id: 'A' }), row({ id: 'b' }), row({ id: null }), row({ id: ' a' }), row({ id: 'a' })];
    const index = relatedIndex([table([a1!, b1!, none!]), table([a2!]), table([a3!])], ['id']);
    expect([...index.keys()]).toEqual(['a', 'b']);
    expect(index.get('a')).toEqual([a1, a2, a3]);
    expect(index.get('b')).toEqual([b1]);
  });
});

describe('judgedUnits', () => {
  it('without group columns: each row on its own', () => {
    const rows = [row({ w: 'Ann' }), row({ w: 'Ann' })];
    expect(judgedUnits([table(rows)])).toEqual(rows.map((r) => ({ row: r, rows: [r] })));
  });

  it("with group columns: the rows sharing a value together, the first standing for them, in input order across tables; a row with no value alone", () => {
    const [ann1, bob, none1, ann2, none2, ann3] = [row({ w: 'Ann' }), row({ w: 'Bob' }), row({ w: null }), row({ w: 'ann ' }), row({ w: null }), row({ w: 'ANN' })];
    expect(judgedUnits([table([ann1!, bob!, none1!, ann2!]), table([none2!, ann3!])], ['w'])).toEqual([
      { row: ann1, rows: [ann1, ann2, ann3] },
      { row: bob, rows: [bob] },
      { row: none1, rows: [none1] },
      { row: none2, rows: [none2] },
    ]);
  });
});
