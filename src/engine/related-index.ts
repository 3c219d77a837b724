import type { TypedRow, TypedTable } from '../typing/typed-table.js';
import type { Value } from '../typing/value.js';
import { addToGroup } from './add-to-group.js';

/**
 * The lookup key of a row's values in these columns (case and outer spaces ignored), or
 * undefined when one is empty or unreadable. Built without a list: it is made for every row.
 */
export function relatedKey(values: Readonly<Record<string, Value>>, columns: readonly string[]): string | undefined {
  let key = '';
  for (let i = 0; i < columns.length; i++) {
    const v = values[columns[i]!] ?? null;
    if (v === null || typeof v === 'object') return undefined;
    const part = String(v).trim().toLowerCase();
    key = i === 0 ? part : `${key}\u0000${part}`;
  }
  return key;
}

/** Rows of related tables grouped by their matching columns' values, in input order. */
export function relatedIndex(tables: readonly TypedTable[], columns: readonly string[]): Map<string, TypedRow[]> {
  const index = new Map<string, TypedRow[]>();
  for (const table of tables) {
    for (const row of table.rows) {
      const key = relatedKey(row.values, columns);
      if (key !== undefined) addToGroup(index, key, row);
    }
  }
  return index;
}
