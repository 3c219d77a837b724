import type { DatasetDef } from '../datasets/dataset.js';
import type { Finding } from '../findings/finding.js';
import type { TableSource, TypedRow, TypedTable } from './typed-table.js';

const refOf = (row: TypedRow, column: string, dataset: DatasetDef) => ({ ...row.source, row: row.row, column, dataset: dataset.id });

/** Where a row was read: enough to name it. */
type Place = Pick<TypedRow, 'source' | 'row'>;

/** The rows of one dataset checked so far, with their ids: what names the row an id was first seen at. */
interface IdHistory {
  /** Notes a row as it is checked, until SeenIds keeps each id's first row itself. */
  note(id: string, row: TypedRow): void;
  /** Each id's first row, over the rows checked before `upTo`. */
  firstRows(upTo: TypedRow, idColumn: string): Map<string, Place>;
}

/** Tables whose rows are kept: their rows are the history, and nothing need be noted. */
class KeptRows implements IdHistory {
  readonly tables: TypedTable[] = [];

  note(): void {}

  firstRows(upTo: TypedRow, idColumn: string): Map<string, Place> {
    const first = new Map<string, Place>();
    for (const table of this.tables) {
      for (const row of table.rows) {
        if (row === upTo) return first;
        const value = row.values[idColumn];
        if (typeof value === 'string' && !first.has(value)) first.set(value, row);
      }
    }
    return first;
  }
}

/** A typed array twice as long, holding what this one held. */
function grown<T extends Uint16Array | Int32Array>(array: T, least: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(Math.max(least, array.length * 2));
  bigger.set(array);
  return bigger;
}

/** The text of these characters (a few thousand at a time: each is an argument). */
function textOf(chars: Uint16Array, start: number, end: number): string {
  let text = '';
  for (let at = start; at < end; at += 4096) text += String.fromCharCode(...chars.subarray(at, Math.min(end, at + 4096)));
  return text;
}

/**
 * Rows judged as they are read and not kept: each id and the row it was read at, noted as it is
 * checked. The ids' characters go into one typed array, not a string each: a million ids kept as
 * strings until the check ends were 70 MB more for the collector to copy and the machine to map.
 */
class IdLog implements IdHistory {
  private chars = new Uint16Array(1 << 16);
  private ends = new Int32Array(1 << 12);
  private rows = new Int32Array(1 << 12);
  private length = 0;
  /** Each table's source and the index of its first row in the log. */
  private readonly tables: { source: TableSource; from: number }[] = [];

  note(id: string, row: TypedRow): void {
    const i = this.length++;
    if (i === this.ends.length) {
      this.ends = grown(this.ends, 0);
      this.rows = grown(this.rows, 0);
    }
    const start = i === 0 ? 0 : this.ends[i - 1]!;
    const end = start + id.length;
    if (end > this.chars.length) this.chars = grown(this.chars, end);
    for (let c = 0; c < id.length; c++) this.chars[start + c] = id.charCodeAt(c);
    this.ends[i] = end;
    this.rows[i] = row.row;
    if (this.tables.at(-1)?.source !== row.source) this.tables.push({ source: row.source, from: i });
  }

  firstRows(): Map<string, Place> {
    const first = new Map<string, Place>();
    let table = -1;
    for (let i = 0; i < this.length; i++) {
      while (this.tables[table + 1]?.from === i) table++;
      const id = textOf(this.chars, i === 0 ? 0 : this.ends[i - 1]!, this.ends[i]!);
      if (!first.has(id)) first.set(id, { source: this.tables[table]!.source, row: this.rows[i]! });
    }
    return first;
  }
}

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
  private firstRows: Map<string, Place> | undefined;

  constructor(
    readonly history: IdHistory,
    private readonly idColumn: string,
  ) {}

  /** The row an id was first seen at, or undefined (noting this row) when it is new. */
  seen(id: string, row: TypedRow): Place | undefined {
    if (this.ids === undefined) {
      if (this.last === undefined || id > this.last) {
        this.last = id;
        this.history.note(id, row);
        return undefined;
      }
      this.ids = new Set(this.history.firstRows(row, this.idColumn).keys());
    }
    const before = this.ids.size;
    this.ids.add(id);
    if (this.ids.size > before) {
      if (this.firstRows) this.firstRows.set(id, { source: row.source, row: row.row });
      else this.history.note(id, row);
      return undefined;
    }
    this.firstRows ??= this.history.firstRows(row, this.idColumn);
    return this.firstRows.get(id);
  }
}

/**
 * For datasets with an id column: a row with no id is a finding (it cannot be judged), and
 * where ids are unique, an id seen twice is a finding (both rows are still judged). Rows are
 * checked in the order they were read, a table at a time: kept in their tables, or (`judgedAsRead`)
 * checked as each is typed and not kept.
 */
export class KeyChecks {
  readonly findings: Finding[] = [];
  private readonly seen = new Map<string, SeenIds>();
  private dataset: DatasetDef | undefined;
  private ids: SeenIds | undefined;

  constructor(private readonly judgedAsRead: boolean) {}

  /** Starts a table: the rows checked next are its own (`table`, when its rows are kept). */
  table(dataset: DatasetDef, table?: TypedTable): void {
    this.dataset = dataset;
    const key = dataset.idColumn;
    if (!key) return void (this.ids = undefined);
    let ids = this.seen.get(dataset.id);
    if (!ids) this.seen.set(dataset.id, (ids = new SeenIds(this.judgedAsRead ? new IdLog() : new KeptRows(), key)));
    if (table && ids.history instanceof KeptRows) ids.history.tables.push(table);
    this.ids = ids;
  }

  /** Checks a row of the table started last. */
  row(row: TypedRow): void {
    const dataset = this.dataset!;
    const key = dataset.idColumn;
    if (!key) return;
    const value = row.values[key];
    if (value === null || value === undefined) {
      this.findings.push({ ...refOf(row, key, dataset), kind: 'missing-id', level: 'warning', message: `${key} is empty: the row cannot be judged` });
      return;
    }
    if (typeof value !== 'string' || !dataset.uniqueId) return;
    const first = this.ids!.seen(value, row);
    if (first) {
      const where = `${first.source.sheet ? `${first.source.sheet} ` : ''}row ${first.row}`;
      this.findings.push({ ...refOf(row, key, dataset), kind: 'duplicate-subject', level: 'warning', value, message: `${key} also appears at ${where}; both rows are judged` });
    }
  }
}

/** The key checks (see KeyChecks) of tables whose rows are kept. */
export function keyFindings(tables: readonly TypedTable[]): Finding[] {
  const checks = new KeyChecks(false);
  for (const table of tables) {
    checks.table(table.dataset, table);
    if (table.dataset.idColumn) for (const row of table.rows) checks.row(row);
  }
  return checks.findings;
}
