import type { Finding } from '../findings/finding.js';
import type { TypedRow, TypedTable } from './typed-table.js';

const refOf = (table: TypedTable, row: TypedRow, column: string) => ({ ...table.source, row: row.row, column, dataset: table.dataset.id });

/**
 * The ids of one dataset seen so far; and, from the first id seen twice on, the row each was
 * first seen at. While each id is greater than the one before (many extracts are sorted by id),
 * none can have been seen: only the last is kept, and the set is made from the rows read so far
 * at the first id that is not. After that most extracts repeat no id, so a set (one look-up a
 * row) is all they need; the rows are mapped only when a message must name one.
 */
class SeenIds {
  private ids: Set<string> | undefined;
  private last: string | undefined;
  private firstRows: Map<string, TypedRow> | undefined;
  private readonly tables: TypedTable[] = [];

  /** Starts a table of the dataset. */
  table(table: TypedTable): void {
    this.tables.push(table);
  }

  /** The row an id was first seen at, or undefined (noting this row) when it is new. */
  seen(id: string, row: TypedRow): TypedRow | undefined {
    if (this.ids === undefined) {
      if (this.last === undefined || id > this.last) {
        this.last = id;
        return undefined;
      }
      this.ids = new Set(this.firstRowsUpTo(row).keys());
    }
    const before = this.ids.size;
    this.ids.add(id);
    if (this.ids.size > before) {
      this.firstRows?.set(id, row);
      return undefined;
    }
    this.firstRows ??= this.firstRowsUpTo(row);
    return this.firstRows.get(id);
  }

  /** Each id's first row, over the rows seen so far (up to `upTo`, the row being checked). */
  private firstRowsUpTo(upTo: TypedRow): Map<string, TypedRow> {
    const first = new Map<string, TypedRow>();
    for (const table of this.tables) {
      const key = table.dataset.idColumn!;
      for (const row of table.rows) {
        if (row === upTo) return first;
        const value = row.values[key];
        if (typeof value === 'string' && !first.has(value)) first.set(value, row);
      }
    }
    return first;
  }
}

/**
 * For datasets with an id column: a row with no id is a finding (it cannot be judged), and
 * where ids are unique, an id seen twice is a finding (both rows are still judged).
 */
export function keyFindings(tables: readonly TypedTable[]): Finding[] {
  const findings: Finding[] = [];
  const seen = new Map<string, SeenIds>();
  for (const table of tables) {
    const key = table.dataset.idColumn;
    if (!key) continue;
    let ids = seen.get(table.dataset.id);
    if (!ids) seen.set(table.dataset.id, (ids = new SeenIds()));
    ids.table(table);
    for (const row of table.rows) {
      const value = row.values[key];
      if (value === null || value === undefined) {
        findings.push({ ...refOf(table, row, key), kind: 'missing-id', level: 'warning', message: `${key} is empty: the row cannot be judged` });
        continue;
      }
      if (typeof value !== 'string' || !table.dataset.uniqueId) continue;
      const first = ids.seen(value, row);
      if (first) {
        const where = `${first.source.sheet ? `${first.source.sheet} ` : ''}row ${first.row}`;
        findings.push({
          ...refOf(table, row, key),
          kind: 'duplicate-subject',
          level: 'warning',
          value,
          message: `${key} also appears at ${where}; both rows are judged`,
        });
      }
    }
  }
  return findings;
}
