import type { Day } from '../calendar/index.js';
import { isRowDate, type DateIs } from '../datasets/dataset.js';
import type { Finding } from '../findings/finding.js';
import type { TypedRow, TypedTable } from '../typing/typed-table.js';
import type { Value } from '../typing/value.js';
import { relatedKey } from './related-index.js';

/** The data as it stood on the as-of date, as every rule sees it. */
export interface AsAt {
  /** Each table as it stood, in the same order: rows not there yet left out, dates not yet reached empty. */
  tables: TypedTable[];
  /** The rows left out (their start, or the record a log row is, after the as-of date), by dataset. */
  notYet: Map<string, TypedRow[]>;
  /** One finding per sheet and date column with dates after the as-of date. */
  findings: Finding[];
}

/** How many rows a finding names before it counts the rest. */
const ROWS_NAMED = 5;

const MEANING: Record<DateIs, string> = {
  start: 'those rows had not started at the as-of date, so they are out of scope',
  record: 'what those rows record had not happened at the as-of date, so they are left out',
  event: 'each is read as not yet happened at the as-of date (empty)',
  completion: 'each is read as not yet done at the as-of date (empty)',
  end: 'each is read as not yet ended at the as-of date (empty: still open)',
};

interface DateColumn {
  column: string;
  dateIs: DateIs;
  /** Excel row numbers of the dates after the as-of date, and how many there are. */
  rows: number[];
  count: number;
}

const rowList = (rows: readonly number[], count: number): string => {
  const named = rows.join(', ');
  if (count === 1) return `row ${named}`;
  return count > rows.length ? `rows ${named} and ${count - rows.length} more` : `rows ${named}`;
};

function finding(table: TypedTable, c: DateColumn): Finding {
  const dates = c.count === 1 ? '1 date' : `${c.count} dates`;
  return {
    ...table.source,
    kind: 'future-date',
    level: 'info',
    column: c.column,
    dataset: table.dataset.id,
    message: `${dates} after the as-of date in "${c.column}" (${rowList(c.rows, c.count)}): ${MEANING[c.dateIs]}. A date in the future is often a keying error worth correcting`,
  };
}

/** A row's values with these columns emptied (a copy: nothing inherited, like the typed row's own). */
function emptied(values: Readonly<Record<string, Value>>, columns: readonly string[]): Record<string, Value> {
  const copy = Object.assign(Object.create(null) as Record<string, Value>, values);
  for (const column of columns) copy[column] = null;
  return copy;
}

/** One table as it stood on the as-of date; the table itself when nothing in it is dated after. */
function tableAsAt(table: TypedTable, asOf: Day, notYet: TypedRow[], findings: Finding[]): TypedTable {
  const columns: DateColumn[] = [];
  for (const [column, def] of Object.entries(table.dataset.columns)) {
    if (def.type === 'date' && def.dateIs !== undefined) columns.push({ column, dateIs: def.dateIs, rows: [], count: 0 });
  }
  if (columns.length === 0) return table;
  let rows: TypedRow[] | undefined;
  const later: string[] = [];
  for (let i = 0; i < table.rows.length; i++) {
    const row = table.rows[i]!;
    let leftOut = false;
    for (const c of columns) {
      const value = row.values[c.column];
      if (typeof value !== 'number' || value <= asOf) continue;
      if (c.rows.length < ROWS_NAMED) c.rows.push(row.row);
      c.count++;
      if (isRowDate(c.dateIs)) leftOut = true;
      else later.push(c.column);
    }
    if (leftOut || later.length > 0) rows ??= table.rows.slice(0, i);
    if (leftOut) notYet.push(row);
    else if (later.length > 0) rows!.push({ source: row.source, row: row.row, values: emptied(row.values, later) });
    else rows?.push(row);
    later.length = 0;
  }
  for (const c of columns) if (c.count > 0) findings.push(finding(table, c));
  return rows ? { ...table, rows } : table;
}

/**
 * The tables as they stood on the as-of date, by what each date column's date is (its dataset's
 * `dateIs`): a row whose start, or whose record in a log, is after the as-of date is not there
 * yet; an event, completion or end after it had not happened, so its cell is empty. Every rule,
 * whether it reads a row as its own, as a related row or in a group, sees the same tables.
 */
export function asAt(tables: readonly TypedTable[], asOf: Day): AsAt {
  const notYet = new Map<string, TypedRow[]>();
  const findings: Finding[] = [];
  const asAtTables = tables.map((table) => {
    const left = notYet.get(table.dataset.id) ?? [];
    const stood = tableAsAt(table, asOf, left, findings);
    if (left.length > 0) notYet.set(table.dataset.id, left);
    return stood;
  });
  return { tables: asAtTables, notYet, findings };
}

/**
 * How many of a rule's judgements the rows not there yet would have been: one each, or with
 * group columns one for each group none of whose rows is there (a row with no group value is
 * judged alone). Each is counted as not applicable, like any row out of a rule's scope.
 */
export function judgementsNotYet(notYet: readonly TypedRow[], there: readonly TypedTable[], groupColumns?: readonly string[]): number {
  if (!groupColumns || notYet.length === 0) return notYet.length;
  const groups = new Set<string>();
  for (const table of there) {
    for (const row of table.rows) {
      const key = relatedKey(row.values, groupColumns);
      if (key !== undefined) groups.add(key);
    }
  }
  let count = 0;
  for (const row of notYet) {
    const key = relatedKey(row.values, groupColumns);
    if (key === undefined) count++;
    else if (!groups.has(key)) {
      groups.add(key);
      count++;
    }
  }
  return count;
}
