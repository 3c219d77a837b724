// Rows as facts: narrowed lists still know which spreadsheet row each record came from (so a
// finding can name it), and a fact's fields are read safely (own fields only, unreadable kept).
import { describe, expect, it } from 'vitest';
import { isInterval } from '../../src/facts/fact-value.js';
import { keepRecords, readField, readPath, recordSource, rowRecords } from '../../src/facts/row-record.js';
import type { TypedRow } from '../../src/typing/typed-table.js';
import { Invalid } from '../../src/typing/value.js';

const rows: TypedRow[] = [2, 3, 4, 5].map((row) => ({ source: { file: 'visits.xlsx', sheet: 'Visits' }, row, values: { N: row * 10 } }));

describe('row records', () => {
  it('name the row each record was read from, after narrowing too', () => {
    const records = rowRecords(rows);
    expect(recordSource(records, 1)).toEqual({ file: 'visits.xlsx', sheet: 'Visits', row: 3 });
    const kept = keepRecords(records, (r) => (r.N as number) > 30);
    expect([...kept]).toEqual([{ N: 40 }, { N: 50 }]);
    expect(recordSource(kept, 0)).toEqual({ file: 'visits.xlsx', sheet: 'Visits', row: 4 });
    expect(recordSource(kept, 1)).toEqual({ file: 'visits.xlsx', sheet: 'Visits', row: 5 });
    expect(recordSource(keepRecords(kept, (r) => r.N === 50), 0)).toMatchObject({ row: 5 });
    expect(recordSource(kept, 2)).toBeUndefined();
  });

  it('narrow a list not made from rows just as well, though it names no row', () => {
    const plain = [{ N: 1 }, { N: 2 }];
    const kept = keepRecords(plain, (r) => r.N === 2);
    expect(kept).toEqual([{ N: 2 }]);
    expect(recordSource(kept, 0)).toBeUndefined();
    expect(recordSource(plain, 0)).toBeUndefined();
  });
});

describe('reading a field of a fact', () => {
  const bad = new Invalid('x', 'not a date', { file: 'f' });

  it('gives the field, or empty when the value is not an object or has no such field of its own', () => {
    const item = { due: 5, held: null, nested: { on: 7 } };
    expect(readField(item, 'due')).toBe(5);
    expect(readField(item, 'held')).toBeNull();
    expect(readField(item, 'missing')).toBeNull();
    expect(readField(item, 'constructor')).toBeNull();
    expect(readField(item, 'toString')).toBeNull();
    expect(readField(null, 'due')).toBeNull();
    expect(readField(undefined, 'due')).toBeNull();
    expect(readField(0, 'due')).toBeNull();
    expect(readField('due', 'length')).toBeNull();
    expect(readField([5], '0')).toBeNull();
    expect(readPath(item, ['nested', 'on'])).toBe(7);
    expect(readPath(undefined, ['nested'])).toBeNull();
  });

  it('keeps an unreadable value unreadable, at any depth', () => {
    expect(readField(bad, 'due')).toBe(bad);
    expect(readPath({ a: bad }, ['a', 'b'])).toBe(bad);
  });
});

it('an interval is an object with a number and a unit, nothing less', () => {
  expect(isInterval({ n: 6, unit: 'months' })).toBe(true);
  expect(isInterval({ n: 6 })).toBe(false);
  expect(isInterval({ unit: 'months' })).toBe(false);
  expect(isInterval(null)).toBe(false);
  expect(isInterval('6 months')).toBe(false);
});
