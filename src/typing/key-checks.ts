import type { Finding } from '../findings/finding.js';
import type { TypedRow, TypedTable } from './typed-table.js';

const refOf = (table: TypedTable, row: TypedRow, column: string) => ({ ...table.source, row: row.row, column, dataset: table.dataset.id });

/**
 * For datasets with an id column: a row with no id is a finding (it cannot be judged), and
 * where ids are unique, an id seen twice is a finding (both rows are still judged).
 */
export function keyFindings(tables: readonly TypedTable[]): Finding[] {
  const findings: Finding[] = [];
  const seen = new Map<string, Map<string, TypedRow>>();
  for (const table of tables) {
    const key = table.dataset.idColumn;
    if (!key) continue;
    let keys = seen.get(table.dataset.id);
    if (!keys) seen.set(table.dataset.id, (keys = new Map()));
    for (const row of table.rows) {
      const value = row.values[key];
      if (value === null || value === undefined) {
        findings.push({ ...refOf(table, row, key), kind: 'missing-id', level: 'warning', message: `${key} is empty: the row cannot be judged` });
        continue;
      }
      if (typeof value !== 'string' || !table.dataset.uniqueId) continue;
      const first = keys.get(value);
      if (first) {
        const where = `${first.source.sheet ? `${first.source.sheet} ` : ''}row ${first.row}`;
        findings.push({
          ...refOf(table, row, key),
          kind: 'duplicate-subject',
          level: 'warning',
          value,
          message: `${key} also appears at ${where}; both rows are judged`,
        });
      } else keys.set(value, row);
    }
  }
  return findings;
}
