import type { SourceRef } from '../findings/finding.js';
import type { TypedRow } from '../typing/typed-table.js';
import { Invalid } from '../typing/value.js';
import type { FactValue } from './fact-value.js';

/** A row as a fact: column -> value, remembering (out of sight of paths) where it was read. */
export type RowRecord = { [column: string]: FactValue };

const SOURCE = Symbol('row source');

export function rowRecord(row: TypedRow): RowRecord {
  const record: RowRecord = { ...row.values };
  Object.defineProperty(record, SOURCE, { value: { ...row.source, row: row.row }, enumerable: false });
  return record;
}

/** Where a row record was read (file, sheet, Excel row), for findings; undefined for other objects. */
export function recordSource(record: RowRecord): SourceRef | undefined {
  return (record as { [SOURCE]?: SourceRef })[SOURCE];
}

/** A field of an object fact; a dotted path goes deeper. Empty when a step is not an object; unreadable stays unreadable. */
export function readPath(value: FactValue | undefined, path: string): FactValue {
  let v: FactValue | undefined = value;
  for (const key of path.split('.')) {
    if (v instanceof Invalid) return v;
    if (!v || typeof v !== 'object' || Array.isArray(v) || !Object.prototype.hasOwnProperty.call(v, key)) return null;
    v = (v as Record<string, FactValue>)[key];
  }
  return v ?? null;
}
