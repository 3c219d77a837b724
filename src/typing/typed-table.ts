import type { DatasetDef } from '../datasets/dataset.js';
import type { HeaderMatch } from '../datasets/recognise.js';
import type { Finding } from '../findings/finding.js';
import type { RawTable } from '../read/raw-table.js';
import { isEmptyCell } from './empty.js';
import { rawText, typeCell } from './type-cell.js';
import { dayMonthParts, looksMonthFirst, US_ORDER_PROBLEM } from './us-date-order.js';
import { Invalid, type Value } from './value.js';

export interface TableSource {
  file: string;
  sheet?: string;
}

/** One data row, typed: canonical column name -> value. */
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
  table: TypedTable;
  findings: Finding[];
}

/** Types every row under the header row; each unreadable cell becomes a finding and an Invalid value. */
export function typeTable(raw: RawTable, match: HeaderMatch): TypingResult {
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
  const monthFirst = new Set<string>();
  for (const column of present.filter((c) => dataset.columns[c]!.type === 'date')) {
    const cells = raw.rows.slice(headerIndex + 1).map((r) => r[columnIndex[column]!]);
    const { monthFirst: isUs, evidence } = looksMonthFirst(cells);
    if (!isUs) continue;
    monthFirst.add(column);
    findings.push({
      ...source,
      kind: 'suspicious-value',
      level: 'warning',
      row: raw.firstRow + headerIndex,
      column,
      dataset: dataset.id,
      message: `"${column}" looks like US month-first dates: ${evidence} values have a second number over 12 and none a first number over 12. Its dd/mm-style dates are not read rather than guessed: export them as dd/mm/yyyy or yyyy-mm-dd`,
    });
  }
  const rows: TypedRow[] = [];
  let blankRows = 0;
  for (let r = headerIndex + 1; r < raw.rows.length; r++) {
    const cells = raw.rows[r]!;
    if (cells.every((c) => isEmptyCell(c))) {
      blankRows++;
      continue;
    }
    const row = raw.firstRow + r;
    const values: Record<string, Value> = Object.create(null) as Record<string, Value>;
    for (const column of present) {
      const cell = cells[columnIndex[column]!];
      const result = monthFirst.has(column) && dayMonthParts(cell) ? { ok: false as const, problem: US_ORDER_PROBLEM } : typeCell(cell, dataset.columns[column]!.type);
      if (result.ok) {
        values[column] = result.value;
      } else {
        const ref = { ...source, row, column };
        values[column] = new Invalid(rawText(cell), result.problem, ref);
        findings.push({
          ...ref,
          kind: 'unreadable-value',
          level: 'warning',
          value: rawText(cell),
          dataset: dataset.id,
          message: `${column}: ${result.problem}`,
        });
      }
    }
    for (const column of absent) values[column] = null;
    rows.push({ source, row, values });
  }
  return { table: { dataset, source, columns: present, rows, blankRows }, findings };
}
