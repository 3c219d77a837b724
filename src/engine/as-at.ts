import type { Day } from '../calendar/index.js';
import { isRowDate, type DatasetDef, type DateIs } from '../datasets/dataset.js';
import type { Finding } from '../findings/finding.js';
import { copyValues, type TableSource, type TypedRow, type TypedTable } from '../typing/typed-table.js';
import type { Value } from '../typing/value.js';
import { relatedKey } from './related-index.js';

/** The data as it stood on the as-of date, as every rule sees it. */
export interface AsAt {
  /** Each table as it stood, in the same order: rows not there yet left out, dates not yet reached empty with the columns they date. */
  tables: TypedTable[];
  /** The rows left out (their start, or the record a log row is, after the as-of date), by dataset. */
  notYet: Map<string, TypedRow[]>;
  /** The log rows left out as undated (their record date empty), by sheet: reported, not evaluated. */
  undated: { source: TableSource; count: number }[];
  /** One finding per sheet and date column with dates after the as-of date, and one per undated log row. */
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

/** The first rows named (as Excel shows them), and how many more there are. */
const rowList = (named: readonly number[], count: number): string => {
  if (count === 1) return `row ${named[0]}`;
  return count > named.length ? `rows ${named.join(', ')} and ${count - named.length} more` : `rows ${named.join(', ')}`;
};

/** `"a"`, `"a" and "b"`, `"a", "b" and "c"`. */
const quotedList = (names: readonly string[]): string => {
  const quoted = names.map((n) => `"${n}"`);
  return quoted.length === 1 ? quoted[0]! : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)!}`;
};

/**
 * The finding for a column with `count` dates after the as-of date, the first on the rows `named`
 * (as Excel shows them), naming the columns it dates that were read empty with it.
 */
function finding(source: TableSource, dataset: string, dated: DatedColumn, named: readonly number[], count: number): Finding {
  const { column, dateIs, dependents } = dated;
  const dates = count === 1 ? '1 date' : `${count} dates`;
  const too = dependents.length === 0 ? '' : `, and so ${dependents.length === 1 ? 'is' : 'are'} ${quotedList(dependents)} on those rows (not recorded yet)`;
  return {
    ...source,
    kind: 'future-date',
    level: 'info',
    column,
    dataset,
    message: `${dates} after the as-of date in "${column}" (${rowList(named, count)}): ${MEANING[dateIs]}${too}. A date in the future is often a keying error worth correcting`,
  };
}

/**
 * The finding for a log row whose record date is empty: when what it records happened cannot be
 * told, so whether it was there at the as-of date cannot either, and no rule reads it (one that
 * reads the log as its own rows would have found the same cell empty: this is the one finding).
 */
function undatedFinding(row: TypedRow, dataset: DatasetDef, column: string): Finding {
  return {
    ...row.source,
    row: row.row,
    column,
    kind: 'not-evaluable',
    level: 'warning',
    dataset: dataset.id,
    message: `${column} is empty: the row is an entry in ${dataset.title} with no date, so it cannot be placed in time and is left out: no rule reads it`,
  };
}

/**
 * The indexes of the rows whose date in this column is after the as-of date. One column at a
 * time: on the demo county's rows made 60 times over, reading each row's date columns in turn
 * took four times as long.
 */
function laterRows(rows: readonly TypedRow[], column: string, asOf: Day): number[] {
  const later: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const value = rows[i]!.values[column];
    if (typeof value === 'number' && value > asOf) later.push(i);
  }
  return later;
}

const LEFT_OUT = 1;
const EMPTIED = 2;
const UNDATED = 3;

/** A date column the as-of date may change: what its date is, and the columns it dates (`datedBy`), emptied with it. */
interface DatedColumn {
  column: string;
  dateIs: DateIs;
  dependents: string[];
}

/** The date columns, of those a table's rows hold (`values`, a row's), whose dates the as-of date may change, each with the columns it dates that the rows hold. */
function datedColumns(dataset: DatasetDef, values: Readonly<Record<string, Value>>): DatedColumn[] {
  const columns: DatedColumn[] = [];
  for (const [column, def] of Object.entries(dataset.columns)) {
    if (def.type !== 'date' || def.dateIs === undefined || !(column in values)) continue;
    const dependents = Object.keys(dataset.columns).filter((c) => dataset.columns[c]!.datedBy === column && c in values);
    columns.push({ column, dateIs: def.dateIs, dependents });
  }
  return columns;
}

/**
 * The record columns (a log row's date) of those a table's rows hold, of the sheet's own `columns`:
 * an optional one the sheet does not have is read as empty in every row, as its finding says.
 */
function recordColumns(dataset: DatasetDef, values: Readonly<Record<string, Value>>, columns: readonly string[]): string[] {
  return datedColumns(dataset, values)
    .filter((c) => c.dateIs === 'record' && columns.includes(c.column))
    .map((c) => c.column);
}

/** The first of these columns that is empty in the row, if one is. */
function emptyIn(row: TypedRow, columns: readonly string[]): string | undefined {
  for (const column of columns) if (row.values[column] === null) return column;
  return undefined;
}

/**
 * One table as it stood on the as-of date, its undated log rows counted in `undated`; the table
 * itself when nothing in it is dated after nor undated.
 */
function tableAsAt(table: TypedTable, asOf: Day, notYet: TypedRow[], undated: AsAt['undated'], findings: Finding[]): TypedTable {
  const rows = table.rows;
  const kept = rows[0]?.values;
  if (!kept) return table;
  /** Each row left out, or with dates to empty, or undated, or none (0); a byte a row, as an earlier as-of date marks many. */
  const marks = new Uint8Array(rows.length);
  const emptying: DatedColumn[] = [];
  let later = false;
  for (const column of datedColumns(table.dataset, kept)) {
    const dated = laterRows(rows, column.column, asOf);
    if (dated.length === 0) continue;
    later = true;
    findings.push(finding(table.source, table.dataset.id, column, dated.slice(0, ROWS_NAMED).map((i) => rows[i]!.row), dated.length));
    if (isRowDate(column.dateIs)) for (const i of dated) marks[i] = LEFT_OUT;
    else {
      emptying.push(column);
      for (const i of dated) marks[i] ||= EMPTIED;
    }
  }
  const records = recordColumns(table.dataset, kept, table.columns);
  let count = 0;
  for (let i = 0; records.length > 0 && i < rows.length; i++) {
    const empty = emptyIn(rows[i]!, records);
    if (empty === undefined) continue;
    marks[i] = UNDATED;
    count++;
    findings.push(undatedFinding(rows[i]!, table.dataset, empty));
  }
  if (count > 0) undated.push({ source: table.source, count });
  if (!later && count === 0) return table;
  const keys = Object.keys(kept);
  const stood: TypedRow[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (marks[i] === LEFT_OUT) notYet.push(row);
    else if (marks[i] === UNDATED) continue;
    else if (marks[i] === EMPTIED) stood.push({ source: row.source, row: row.row, values: emptiedValues(row.values, keys, emptying, asOf) });
    else stood.push(row);
  }
  return { ...table, rows: stood };
}

/** A copy of a row's values (which hold these keys) with its dates after the as-of date in these columns emptied, and the columns each dates. */
function emptiedValues(values: Readonly<Record<string, Value>>, keys: readonly string[], columns: readonly DatedColumn[], asOf: Day): Record<string, Value> {
  const copy = copyValues(values, keys);
  for (const { column, dependents } of columns) {
    const value = values[column];
    if (typeof value !== 'number' || value <= asOf) continue;
    copy[column] = null;
    for (const dependent of dependents) copy[dependent] = null;
  }
  return copy;
}

/**
 * The tables as they stood on the as-of date, by what each date column's date is (its dataset's
 * `dateIs`): a row whose start, or whose record in a log, is after the as-of date is not there
 * yet; an event, completion or end after it had not happened, so its cell is empty, and so are
 * the cells of the columns it dates (`datedBy`: its outcome, not recorded yet). A log row with
 * no record date cannot be placed in time: it is left out too, each with a finding. Every rule,
 * whether it reads a row as its own, as a related row or in a group, sees the same tables.
 */
export function asAt(tables: readonly TypedTable[], asOf: Day): AsAt {
  const notYet = new Map<string, TypedRow[]>();
  const undated: AsAt['undated'] = [];
  const findings: Finding[] = [];
  const asAtTables = tables.map((table) => {
    const left = notYet.get(table.dataset.id) ?? [];
    const stood = tableAsAt(table, asOf, left, undated, findings);
    if (left.length > 0) notYet.set(table.dataset.id, left);
    return stood;
  });
  return { tables: asAtTables, notYet, undated, findings };
}

/** A date column the as-of date may change, and its dates after it so far: how many, and the first rows. */
interface DatesSoFar extends DatedColumn {
  count: number;
  named: number[];
}

/** A sheet's dates after the as-of date in one column, as a range of its rows found them: plain data, to be added up over the ranges (see laterDatesFindings). */
export interface LaterDates extends DatesSoFar {
  source: TableSource;
  dataset: string;
}

/**
 * The findings for the dates after the as-of date that ranges of a sheet's rows found, given in
 * the order of the ranges: one per sheet and column, its count the ranges' sum, the rows it names
 * the first of all.
 */
export function laterDatesFindings(found: readonly LaterDates[]): Finding[] {
  const summed = new Map<string, LaterDates>();
  for (const l of found) {
    const key = JSON.stringify([l.source.file, l.source.sheet ?? null, l.column]);
    const sum = summed.get(key);
    if (!sum) summed.set(key, { ...l, named: [...l.named] });
    else {
      sum.count += l.count;
      for (const row of l.named) if (sum.named.length < ROWS_NAMED) sum.named.push(row);
    }
  }
  return [...summed.values()].map((l) => finding(l.source, l.dataset, l, l.named, l.count));
}

/**
 * One table as it stood on the as-of date, a row at a time, for rows judged as they are read
 * (not kept): each row as asAt makes it, and at the end the same findings.
 */
export class RowsAsAt {
  /** Rows left out: not there yet. */
  notYet = 0;
  /** Log rows left out: their record date empty. */
  undated = 0;
  private columns: DatesSoFar[] | undefined;
  private emptying: DatedColumn[] = [];
  private records: string[] = [];
  private keys: string[] = [];
  private readonly undatedFindings: Finding[] = [];

  /** `sheetColumns`: the columns the sheet has (see TypedTable). */
  constructor(
    readonly source: TableSource,
    private readonly dataset: DatasetDef,
    private readonly sheetColumns: readonly string[],
    private readonly asOf: Day,
  ) {}

  /** The dated columns (the same for every row of the table), from its first row. */
  private datedColumns(values: Readonly<Record<string, Value>>): DatesSoFar[] {
    const columns = datedColumns(this.dataset, values).map((c) => ({ ...c, count: 0, named: [] as number[] }));
    this.emptying = columns.filter((c) => !isRowDate(c.dateIs));
    this.records = recordColumns(this.dataset, values, this.sheetColumns);
    this.keys = Object.keys(values);
    return columns;
  }

  /** The row as it stood: itself, a copy with its later dates (and the columns they date) emptied, or undefined when it was not there yet or is undated. */
  stand(row: TypedRow): TypedRow | undefined {
    const columns = (this.columns ??= this.datedColumns(row.values));
    let leftOut = false;
    let emptied = false;
    for (const c of columns) {
      const value = row.values[c.column];
      if (typeof value !== 'number' || value <= this.asOf) continue;
      if (c.count++ < ROWS_NAMED) c.named.push(row.row);
      if (isRowDate(c.dateIs)) leftOut = true;
      else emptied = true;
    }
    const empty = emptyIn(row, this.records);
    if (empty !== undefined) {
      this.undated++;
      this.undatedFindings.push(undatedFinding(row, this.dataset, empty));
      return undefined;
    }
    if (leftOut) {
      this.notYet++;
      return undefined;
    }
    return emptied ? { source: row.source, row: row.row, values: emptiedValues(row.values, this.keys, this.emptying, this.asOf) } : row;
  }

  /** The date columns with dates after the as-of date, as found so far. */
  laterDates(): LaterDates[] {
    return (this.columns ?? []).filter((c) => c.count > 0).map((c) => ({ ...c, source: this.source, dataset: this.dataset.id }));
  }

  /** One finding per date column with dates after the as-of date (unless `later` is given: they are put there instead, see LaterDates), then one per undated log row. */
  findings(later?: LaterDates[]): Finding[] {
    const found = this.laterDates();
    if (!later) return [...laterDatesFindings(found), ...this.undatedFindings];
    later.push(...found);
    return this.undatedFindings;
  }
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
