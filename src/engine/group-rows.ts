import type { TypedRow, TypedTable } from '../typing/typed-table.js';
import { relatedKey } from './related-index.js';

/** What one judgement looks at: a row, or a group of rows (the first stands for the group). */
export interface JudgedUnit {
  row: TypedRow;
  rows: TypedRow[];
}

/**
 * Each row on its own, or (with group columns) the rows sharing those columns' values, in
 * input order. A row whose group value is empty or unreadable is judged on its own, so it is
 * still counted and reported.
 */
export function judgedUnits(tables: readonly TypedTable[], groupColumns?: readonly string[]): JudgedUnit[] {
  const units: JudgedUnit[] = [];
  const groups = new Map<string, JudgedUnit>();
  for (const table of tables) {
    for (const row of table.rows) {
      const key = groupColumns ? relatedKey(row.values, groupColumns) : undefined;
      const group = key === undefined ? undefined : groups.get(key);
      if (group) {
        group.rows.push(row);
        continue;
      }
      const unit = { row, rows: [row] };
      units.push(unit);
      if (key !== undefined) groups.set(key, unit);
    }
  }
  return units;
}
