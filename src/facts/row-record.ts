import type { SourceRef } from '../findings/finding.js';
import type { TypedRow } from '../typing/typed-table.js';
import { Invalid } from '../typing/value.js';
import type { FactValue } from './fact-value.js';

/** A row as a fact: column -> value. */
export type RowRecord = { [column: string]: FactValue };

/** The row each record was read from, for findings that name it; weak, so records go with their rows. */
const readFrom = new WeakMap<RowRecord, TypedRow>();

/** The row's values as a record: the typed values themselves (never changed by facts), not a copy. */
export function rowRecord(row: TypedRow): RowRecord {
  const record = row.values as RowRecord;
  readFrom.set(record, row);
  return record;
}

/** Where a row record was read (file, sheet, Excel row), for findings; undefined for other objects. */
export function recordSource(record: RowRecord): SourceRef | undefined {
  const row = readFrom.get(record);
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
