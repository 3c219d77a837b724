import type { ColumnType, DatasetDef } from '../datasets/dataset.js';
import type { HeaderMatch } from '../datasets/recognise.js';
import type { Finding } from '../findings/finding.js';
import type { RawCell, RawRows } from '../read/raw-table.js';
import { columnName } from '../read/stray-quotes.js';
import { isEmptyCell } from './empty.js';
import { alwaysReadable, rawText, typeCell, Unreadable } from './type-cell.js';
import { dayMonthParts, looksMonthFirst, US_ORDER_PROBLEM, usOrderInSheetProblem } from './us-date-order.js';
import { Invalid, type Value } from './value.js';

export interface TableSource {
  file: string;
  sheet?: string;
}

/** One data row, typed: canonical column name -> value (for the columns kept: see typeTable). */
export interface TypedRow {
  source: TableSource;
  /** Row number as Excel shows it. */
  row: number;
  values: Record<string, Value>;
}

/** A recognised sheet, typed row by row. */
export interface TypedTable {
  dataset: DatasetDef;
  source: TableSource;
  /** Columns the sheet has (absent optional columns read as empty). */
  columns: string[];
  rows: TypedRow[];
  /** Rows below the header with nothing in them: not data, counted so nothing vanishes unseen. */
  blankRows: number;
}

export interface TypingResult {
  /** The table; its rows are empty when they were given to a judge as read (see typeTable). */
  table: TypedTable;
  findings: Finding[];
  /** Non-blank rows below the header row: those typed and those not read (see notRead). */
  rowCount: number;
  /** Rows below the header row not read but named in a finding (a CSV row with more cells than its header). */
  notRead: number;
}

/** Given each typed row in turn, its values final, when a table's rows are judged as they are read rather than kept. */
export interface RowJudge {
  row(row: TypedRow): void;
}

/**
 * A row's values: nothing inherited (a column may be called "toString"), yet made as fast as
 * any object (a literal with `__proto__` costs a runtime call per row).
 */
class RowValues {}
Object.setPrototypeOf(RowValues.prototype, null);
Reflect.deleteProperty(RowValues.prototype, 'constructor');

/**
 * A copy of a row's values, its columns given in the order they were typed: made like the row's
 * own (same class, same columns in the same order), so a rule meets one shape of object.
 */
export function copyValues(values: Readonly<Record<string, Value>>, columns: readonly string[]): Record<string, Value> {
  const copy = new RowValues() as Record<string, Value>;
  for (const column of columns) copy[column] = values[column]!;
  return copy;
}

/** A cell written like dd/mm/yyyy in a date column, remembered until a day over 12 shows the column is not month-first. */
interface DayMonthCell {
  values: Record<string, Value>;
  row: number;
  cell: RawCell;
  /** Index in the findings of the cell's unreadable-value finding, if it had one. */
  finding: number | undefined;
}

/** How to type one column of a sheet, and what is remembered of it while its rows are typed. */
interface ColumnTyping {
  column: string;
  index: number;
  type: ColumnType;
  kept: boolean;
  dayMonth: DayMonthCell[] | undefined;
  /** A kept text column's distinct texts so far, each kept once for all its rows; dropped when the column has too many. */
  texts: Map<string, string> | undefined;
}

/**
 * How many distinct texts a column may have and still have each kept once. Text columns are
 * mostly codes and names (statuses, teams, workers) repeated over many rows: one copy of each
 * means less memory, less for the garbage collector to copy, and values that stay in the cache
 * while rules compare them. A column with more (free text) is kept as it is read.
 */
const SHARED_TEXTS = 4096;

/** The one copy of this text kept for its column, while the column has few enough. */
function shared(t: ColumnTyping, text: string): string {
  const texts = t.texts!;
  const known = texts.get(text);
  if (known !== undefined) return known;
  if (texts.size < SHARED_TEXTS) texts.set(text, text);
  else t.texts = undefined;
  return text;
}

/** What typing a sheet's rows needs to know, and where its findings go. */
interface RowTyping {
  source: TableSource;
  firstRow: number;
  /** Rows of the file not given after the first one (see RawRows.skippedAfterFirst). */
  skipped: number;
  headerIndex: number;
  typed: readonly ColumnTyping[];
  keptAbsent: readonly string[];
  dataset: string;
  /** The sheet's dates are serials of Excel's 1904 date system (see RawRows). */
  date1904: boolean;
  findings: Finding[];
  /**
   * Kept date columns with dd/mm-style cells remembered, not yet known not to be month-first:
   * while there is one, rows judged as read wait (any date column of the sheet found month-first,
   * this one or another, changes them).
   */
  waiting: number;
}

/** An unreadable cell's value and finding. */
function unreadable(plan: RowTyping, row: number, column: string, cell: RawCell, problem: string): { value: Invalid; finding: Finding } {
  const ref = { ...plan.source, row, column };
  const finding: Finding = { ...ref, kind: 'unreadable-value', level: 'warning', value: rawText(cell), dataset: plan.dataset, message: `${column}: ${problem}` };
  return { value: new Invalid(rawText(cell), problem, ref), finding };
}

/** One data row's values, its unreadable cells added to the findings. */
function typeRow(cells: RawCell[], row: number, plan: RowTyping): Record<string, Value> {
  const values = new RowValues() as Record<string, Value>;
  for (const t of plan.typed) {
    const cell = cells[t.index];
    // A column not kept is typed only to find unreadable cells; most cannot be.
    if (!t.kept && alwaysReadable(cell, t.type)) continue;
    const value = typeCell(cell, t.type, plan.date1904);
    let finding: number | undefined;
    if (!(value instanceof Unreadable)) {
      if (t.kept) values[t.column] = t.texts && typeof value === 'string' ? shared(t, value) : value;
    } else {
      const bad = unreadable(plan, row, t.column, cell, value.problem);
      if (t.kept) values[t.column] = bad.value;
      finding = plan.findings.push(bad.finding) - 1;
    }
    if (!t.dayMonth) continue;
    const parts = dayMonthParts(cell);
    if (parts && parts[0] > 12) {
      if (t.kept && t.dayMonth.length > 0) plan.waiting--;
      t.dayMonth = undefined;
    } else if (parts) {
      if (t.kept && t.dayMonth.length === 0) plan.waiting++;
      t.dayMonth.push({ values, row, cell, finding });
    }
  }
  for (const column of plan.keptAbsent) values[column] = null;
  return values;
}

/** The index after a row's last cell with a value (0 for a row with none). */
function filledWidth(cells: readonly RawCell[]): number {
  let width = cells.length;
  while (width > 0 && isEmptyCell(cells[width - 1])) width--;
  return width;
}

/** A row-not-read finding on this row of the sheet. */
function rowNotRead(plan: RowTyping, row: number, message: string): void {
  plan.findings.push({ ...plan.source, row, kind: 'row-not-read', level: 'warning', dataset: plan.dataset, message });
}

/**
 * A row above the header row that looks like a data row (as after a sort that took the header
 * with it), not a title or a note: values under at least half the header's columns (two at
 * least), and as many of its date and number cells readable as not. A title is a cell or a few;
 * a row of notes on each column ("dd/mm/yyyy") reads as no dates.
 */
function aboveHeader(cells: readonly RawCell[], row: number, headerRow: number, plan: RowTyping): void {
  let filled = 0;
  let read = 0;
  let unread = 0;
  for (const t of plan.typed) {
    const cell = cells[t.index];
    if (isEmptyCell(cell)) continue;
    filled++;
    if (t.type !== 'date' && t.type !== 'number') continue;
    if (typeCell(cell, t.type, plan.date1904) instanceof Unreadable) unread++;
    else read++;
  }
  if (filled < Math.max(2, Math.ceil(plan.typed.length / 2)) || read < unread) return;
  rowNotRead(plan, row, `Above the header row (row ${headerRow}), yet it looks like a data row (values in ${filled} of the ${plan.typed.length} columns the checker reads): it was not read, so it was not checked. Was the header row moved, by a sort?`);
}

/**
 * A CSV row with values past the header row's last cell: a separator inside a value (an
 * unquoted comma) has moved the values after it a column on, so none is read where it stands.
 */
function pastHeader(cells: readonly RawCell[], row: number, headerWidth: number, plan: RowTyping): void {
  let first = headerWidth;
  while (isEmptyCell(cells[first])) first++;
  const more = filledWidth(cells) - headerWidth;
  rowNotRead(plan, row, `Has ${more} more cell${more === 1 ? '' : 's'} than the header row (a value in column ${columnName(first)}, past the last header): a separator inside a value, such as an unquoted comma? Its values may be in the wrong columns, so the row was not read and not checked (a column that is meant to be there needs a header)`);
}

/** Gives the rows held to the judge, in order, and empties the list. */
function release(held: TypedRow[], judge: RowJudge): void {
  for (const row of held) judge.row(row);
  held.length = 0;
}

/**
 * Every row under the header row, typed, and how many were blank; rows that cannot be read where
 * they stand (see aboveHeader, pastHeader) are named in a finding instead. The work on a row is a
 * function of its own, and the loop one that returns as soon as it ends: the JIT compiled the
 * whole of typeTable around the loop again for each sheet (its code after the loop had never
 * run when the loop was compiled), and these two small functions cost it far less. On a million
 * rows, compiling took 21-24% of the CPU a check used; typing's share of it went from about
 * 1.1 s to 0.4 s (as --trace-opt times it).
 *
 * With a judge, each row goes to it as soon as its values are final, and only the rows that
 * must wait are returned: from the first row with a dd/mm-style date in a kept column that may
 * yet prove month-first, every row waits, in order, until a day over 12 shows that no such
 * column is (most extracts show it within a few rows), else until the table ends. Only a
 * column's own day over 12 lets its dates go: another date column of the sheet found month-first
 * would make them unreadable too.
 */
function typeRows(rows: Iterable<RawCell[]>, plan: RowTyping, judge?: RowJudge): { rows: TypedRow[]; count: number; blankRows: number; notRead: number } {
  const typedRows: TypedRow[] = [];
  let count = 0;
  let blankRows = 0;
  let notRead = 0;
  // A workbook's cells are where they were typed: one past the header's last column is in place, only unnamed.
  let headerWidth = Infinity;
  let r = -1;
  /** The row's number as Excel shows it. */
  let at = plan.firstRow - 1;
  for (const cells of rows) {
    at += r === 0 ? 1 + plan.skipped : 1;
    if (++r <= plan.headerIndex) {
      if (r < plan.headerIndex) aboveHeader(cells, at, plan.firstRow + plan.headerIndex, plan);
      else if (plan.source.sheet === undefined) headerWidth = filledWidth(cells);
      continue;
    }
    if (cells.every(isEmptyCell)) {
      blankRows++;
      continue;
    }
    count++;
    if (cells.length > headerWidth && filledWidth(cells) > headerWidth) {
      pastHeader(cells, at, headerWidth, plan);
      notRead++;
      continue;
    }
    const row: TypedRow = { source: plan.source, row: at, values: typeRow(cells, at, plan) };
    if (!judge || plan.waiting > 0) typedRows.push(row);
    else {
      if (typedRows.length > 0) release(typedRows, judge);
      judge.row(row);
    }
  }
  return { rows: typedRows, count, blankRows, notRead };
}

/**
 * Types every row under the header row, one at a time as the rows are read; each unreadable
 * cell becomes a finding and an Invalid value. Every cell is typed (so every unreadable one is
 * reported), but rows hold only the columns `keep` names (by default all): a large input costs
 * memory only for what the rules read. A date column that turns out to be US month-first has
 * its dd/mm-style cells made unreadable at the end, and so has every other date column of the
 * sheet but those a first number over 12 of their own shows day-first; a column's cells are
 * remembered only until such a number comes.
 */
export function typeTable(raw: RawRows, match: HeaderMatch, keep: (column: string) => boolean = () => true, judge?: RowJudge): TypingResult {
  const { dataset, headerIndex, columnIndex } = match;
  const source: TableSource = raw.sheet === undefined ? { file: raw.file } : { file: raw.file, sheet: raw.sheet };
  const findings: Finding[] = [];
  const present = Object.keys(columnIndex);
  const absent = Object.keys(dataset.columns).filter((c) => !(c in columnIndex));
  for (const column of absent) {
    findings.push({
      ...source,
      kind: 'missing-column',
      level: 'info',
      column,
      dataset: dataset.id,
      message: `Optional column "${column}" is not in this sheet; it is read as empty`,
    });
  }
  for (const column of match.duplicateHeaders) {
    findings.push({
      ...source,
      kind: 'suspicious-value',
      level: 'warning',
      row: raw.firstRow + headerIndex,
      column,
      dataset: dataset.id,
      message: `Header "${column}" appears more than once; the first such column is used`,
    });
  }
  const columnFindingsAt = findings.length;
  const typed = present.map((column): ColumnTyping => {
    const type = dataset.columns[column]!.type;
    const kept = keep(column);
    return { column, index: columnIndex[column]!, type, kept, dayMonth: type === 'date' ? ([] as DayMonthCell[] | undefined) : undefined, texts: kept && type === 'text' ? new Map() : undefined };
  });
  const keptAbsent = absent.filter(keep);
  const plan: RowTyping = { source, firstRow: raw.firstRow, skipped: raw.skippedAfterFirst ?? 0, headerIndex, typed, keptAbsent, dataset: dataset.id, date1904: raw.date1904 === true, findings, waiting: 0 };
  const { rows, count, blankRows, notRead } = typeRows(raw.rows, plan, judge);
  const columnFindings: Finding[] = [];
  const evidence = new Map<ColumnTyping, number>();
  for (const t of typed) {
    if (!t.dayMonth) continue;
    const looks = looksMonthFirst(t.dayMonth.map((c) => c.cell));
    if (looks.monthFirst) evidence.set(t, looks.evidence);
  }
  const monthFirst = [...evidence.keys()].map((t) => t.column);
  const named = monthFirst.map((c) => `"${c}"`).join(', ');
  // One column shown month-first shows how the sheet was written: a date column not shown
  // day-first by a day over 12 of its own is not read either, though none of its dates shows it.
  for (const t of monthFirst.length > 0 ? typed : []) {
    if (!t.dayMonth || t.dayMonth.length === 0) continue;
    const own = evidence.get(t);
    const why =
      own === undefined
        ? `"${t.column}" has dd/mm-style dates that could be read either way (none has a first number over 12), and this sheet has US month-first dates in ${named}`
        : `"${t.column}" looks like US month-first dates: ${own} values have a second number over 12 and none a first number over 12`;
    columnFindings.push({
      ...source,
      kind: 'suspicious-value',
      level: 'warning',
      row: raw.firstRow + headerIndex,
      column: t.column,
      dataset: dataset.id,
      message: `${why}. Its dd/mm-style dates are not read rather than guessed: export them as dd/mm/yyyy or yyyy-mm-dd`,
    });
    const problem = own === undefined ? usOrderInSheetProblem(named) : US_ORDER_PROBLEM;
    for (const c of t.dayMonth) {
      const bad = unreadable(plan, c.row, t.column, c.cell, problem);
      if (t.kept) c.values[t.column] = bad.value;
      if (c.finding === undefined) findings.push(bad.finding);
      else findings[c.finding] = bad.finding;
    }
  }
  findings.splice(columnFindingsAt, 0, ...columnFindings);
  if (judge) release(rows, judge);
  return { table: { dataset, source, columns: present, rows, blankRows }, findings, rowCount: count, notRead };
}
