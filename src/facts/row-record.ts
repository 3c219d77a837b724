import type { SourceRef } from '../findings/finding.js';
import type { TypedRow } from '../typing/typed-table.js';
import { Invalid } from '../typing/value.js';
import type { FactValue } from './fact-value.js';

/** A row as a fact: column -> value. */
export type RowRecord = { [column: string]: FactValue };

/** Where a list made by rowRecords keeps the rows it was made from, for findings that name a row. */
const ROWS = Symbol('rows');
type RecordList = RowRecord[] & { [ROWS]?: readonly TypedRow[] };

/**
 * The rows' values as records: the typed values themselves (never changed by facts), not
 * copies. The list keeps its rows under a symbol (a list is made for every group of rows a rule
 * judges: a WeakMap entry each cost more than the rest of making it).
 */
export function rowRecords(rows: readonly TypedRow[]): RowRecord[] {
  const records: RecordList = rows.map((row) => row.values as RowRecord);
  records[ROWS] = rows;
  return records;
}

/** The records for which `keep` holds, still knowing the rows they were made from (when the list did). */
export function keepRecords(records: readonly RowRecord[], keep: (record: RowRecord) => boolean): RowRecord[] {
  const rows = (records as RecordList)[ROWS];
  const kept: RecordList = [];
  const keptRows: TypedRow[] = [];
  records.forEach((record, i) => {
    if (!keep(record)) return;
    kept.push(record);
    if (rows) keptRows.push(rows[i]!);
  });
  if (rows) kept[ROWS] = keptRows;
  return kept;
}

/** Where the record at this index of a list made by rowRecords was read (file, sheet, Excel row); undefined for other lists. */
export function recordSource(records: readonly RowRecord[], index: number): SourceRef | undefined {
  const row = (records as RecordList)[ROWS]?.[index];
  return row && { ...row.source, row: row.row };
}

/** A dotted path split once, when a rule is compiled. */
export const pathSteps = (path: string): readonly string[] => path.split('.');

/** A field of an object fact: empty when it is not an object or has no such field; unreadable stays unreadable. */
export function readField(v: FactValue | undefined, key: string): FactValue {
  if (v instanceof Invalid) return v;
  if (!v || typeof v !== 'object' || Array.isArray(v) || !Object.prototype.hasOwnProperty.call(v, key)) return null;
  return (v as Record<string, FactValue>)[key] ?? null;
}

/** A field of an object fact, step by step (a dotted path), each step as readField reads it. */
export function readPath(value: FactValue | undefined, steps: readonly string[]): FactValue {
  let v: FactValue = value ?? null;
  for (const key of steps) v = readField(v, key);
  return v;
}
