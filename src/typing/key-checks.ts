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

/** The length of the start two texts share. */
function sharedStart(a: string, b: string): number {
  const most = Math.min(a.length, b.length);
  let n = 0;
  while (n < most && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

/**
 * Rows judged as they are read and not kept: each id and the row it was read at, noted as it is
 * checked, in a few bytes. Each entry is whole numbers of 7 bits a byte: how much of the id before
 * it the id starts with, how many characters follow and each one's code, and how many rows on
 * from the last noted (from 0 at a table's start). Ids read in order share most of their start
 * (C00000584, C00000585), so a million take about 4 MB; kept as strings they were 70 MB more for
 * the collector to copy, and as characters in typed arrays 26 MB and 0.4 s more to fill.
 */
class IdLog implements IdHistory {
  private bytes = new Uint8Array(1 << 16);
  private length = 0;
  private last = '';
  private lastRow = 0;
  private lastSource: TableSource | undefined;
  /** Each table's source and the number of entries noted before its first. */
  private readonly tables: { source: TableSource; from: number }[] = [];
  private entries = 0;

  private put(value: number): void {
    let v = value;
    while (v >= 0x80) {
      this.bytes[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.bytes[this.length++] = v;
  }

  note(id: string, row: TypedRow): void {
    if (row.source !== this.lastSource) {
      this.tables.push({ source: row.source, from: this.entries });
      this.lastSource = row.source;
      this.lastRow = 0;
    }
    const start = sharedStart(this.last, id);
    // At most 5 bytes for each number, and 3 for each character's code (under 2^16).
    const most = 15 + 3 * (id.length - start);
    if (this.length + most > this.bytes.length) {
      const bigger = new Uint8Array(Math.max(this.bytes.length * 2, this.length + most));
      bigger.set(this.bytes);
      this.bytes = bigger;
    }
    this.put(start);
    this.put(id.length - start);
    for (let c = start; c < id.length; c++) this.put(id.charCodeAt(c));
    this.put(row.row - this.lastRow);
    this.last = id;
    this.lastRow = row.row;
    this.entries++;
  }

  firstRows(): Map<string, Place> {
    const first = new Map<string, Place>();
    const bytes = this.bytes;
    let at = 0;
    const take = (): number => {
      let value = 0;
      for (let shift = 0; ; shift += 7) {
        const byte = bytes[at++]!;
        value += (byte & 0x7f) * 2 ** shift;
        if (byte < 0x80) return value;
      }
    };
    let id = '';
    let row = 0;
    let table = -1;
    for (let entry = 0; entry < this.entries; entry++) {
      if (this.tables[table + 1]?.from === entry) {
        table++;
        row = 0;
      }
      const kept = take();
      const codes: number[] = [];
      for (let n = take(); n > 0; n--) codes.push(take());
      id = id.slice(0, kept) + codesText(codes);
      row += take();
      if (!first.has(id)) first.set(id, { source: this.tables[table]!.source, row });
    }
    return first;
  }
}

/** The text of these character codes (a few thousand at a time: each is an argument). */
function codesText(codes: readonly number[]): string {
  let text = '';
  for (let at = 0; at < codes.length; at += 4096) text += String.fromCharCode(...codes.slice(at, at + 4096));
  return text;
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

  constructor(
    private readonly judgedAsRead: boolean,
    private readonly order?: IdsInOrder,
  ) {}

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
    this.order?.next(value);
    const first = this.ids!.seen(value, row);
    if (first) {
      const where = `${first.source.sheet ? `${first.source.sheet} ` : ''}row ${first.row}`;
      this.findings.push({ ...refOf(row, key, dataset), kind: 'duplicate-subject', level: 'warning', value, message: `${key} also appears at ${where}; both rows are judged` });
    }
  }
}

/** Thrown where a range of a file's rows gives an id no greater than the one before it. */
export class IdsNotInOrder extends Error {}

/**
 * The ids of a range of a file's rows, which must rise from row to row (an extract sorted by id):
 * then no id is in two rows of the range, and none in two ranges whose first and last ids do not
 * overlap. At the first id that does not rise, IdsNotInOrder is thrown: the file is checked whole.
 */
export class IdsInOrder {
  first: string | undefined;
  last: string | undefined;

  next(id: string): void {
    if (this.last === undefined) this.first = id;
    else if (!(id > this.last)) throw new IdsNotInOrder(`ids not in order at ${JSON.stringify(id)}`);
    this.last = id;
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
