import type { TypedRow, TypedTable } from '../typing/typed-table.js';
import type { Value } from '../typing/value.js';

/** The lookup key of a row's matching columns, or undefined when one is empty or unreadable. */
export function relatedKey(values: readonly Value[]): string | undefined {
  const parts: string[] = [];
  for (const v of values) {
    if (v === null || typeof v === 'object') return undefined;
    parts.push(String(v).trim().toLowerCase());
  }
  return parts.join('\u0000');
}

/** Rows of related tables grouped by their matching columns' values, in input order. */
export function relatedIndex(tables: readonly TypedTable[], columns: readonly string[]): Map<string, TypedRow[]> {
  const index = new Map<string, TypedRow[]>();
  for (const table of tables) {
    for (const row of table.rows) {
      const key = relatedKey(columns.map((c) => row.values[c] ?? null));
      if (key === undefined) continue;
      const list = index.get(key);
      if (list) list.push(row);
      else index.set(key, [row]);
    }
  }
  return index;
}
