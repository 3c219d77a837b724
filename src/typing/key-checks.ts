import type { Finding } from '../findings/finding.js';
import type { TypedTable } from './typed-table.js';

/**
 * For datasets with an id column: a row with no id is a finding (it cannot be judged), and
 * where ids are unique, an id seen twice is a finding (both rows are still judged).
 */
export function keyFindings(tables: readonly TypedTable[]): Finding[] {
  const findings: Finding[] = [];
  const seen = new Map<string, Map<string, { file: string; sheet?: string; row: number }>>();
  for (const table of tables) {
    const key = table.dataset.idColumn;
    if (!key) continue;
    let keys = seen.get(table.dataset.id);
    if (!keys) seen.set(table.dataset.id, (keys = new Map()));
    for (const row of table.rows) {
      const value = row.values[key];
      const ref = { ...table.source, row: row.row, column: key, dataset: table.dataset.id };
      if (value === null || value === undefined) {
        findings.push({ ...ref, kind: 'missing-id', level: 'warning', message: `${key} is empty: the row cannot be judged` });
        continue;
      }
      if (typeof value !== 'string' || !table.dataset.uniqueId) continue;
      const first = keys.get(value);
      if (first) {
        const where = `${first.sheet ? `${first.sheet} ` : ''}row ${first.row}`;
        findings.push({
          ...ref,
          kind: 'duplicate-subject',
          level: 'warning',
          value,
          message: `${key} also appears at ${where}; both rows are judged`,
        });
      } else keys.set(value, { ...table.source, row: row.row });
    }
  }
  return findings;
}
