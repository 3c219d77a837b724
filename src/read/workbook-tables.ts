import * as XLSX from 'xlsx';
import type { RawCell, RawTable } from './raw-table.js';

/** SheetJS options that keep reading fast and values untouched (see docs/architecture.md). */
export const READ_OPTIONS: XLSX.ParsingOptions = {
  dense: true,
  cellText: false,
  cellHTML: false,
  cellDates: false,
  raw: true,
};

function cellValue(cell: XLSX.CellObject | undefined): RawCell {
  if (!cell) return null;
  switch (cell.t) {
    case 'n':
    case 's':
    case 'b':
      return cell.v as RawCell;
    case 'd':
      return cell.v as Date;
    case 'e':
      return { error: cell.w ?? XLSX.utils.format_cell(cell) ?? '#ERROR' };
    default:
      return null;
  }
}

/** Every sheet of a workbook (a parsed .xlsx, .xls or .csv) as raw tables. */
export function workbookTables(workbook: XLSX.WorkBook, file: string, isCsv = false): RawTable[] {
  return workbook.SheetNames.map((name) => {
    const sheet = workbook.Sheets[name]!;
    const range = sheet['!ref'] ? XLSX.utils.decode_range(sheet['!ref']) : undefined;
    const data = (sheet['!data'] ?? []) as (XLSX.CellObject[] | undefined)[];
    const rows: RawCell[][] = [];
    if (range) {
      for (let r = range.s.r; r <= range.e.r; r++) {
        const source = data[r];
        const row: RawCell[] = [];
        for (let c = range.s.c; c <= range.e.c; c++) row.push(cellValue(source?.[c]));
        rows.push(row);
      }
    }
    const table: RawTable = { file, firstRow: range ? range.s.r + 1 : 1, rows };
    if (!isCsv) table.sheet = name;
    return table;
  });
}

/** Parses workbook or CSV bytes (works in a browser too: no file system). */
export function parseWorkbook(bytes: Uint8Array, file: string): RawTable[] {
  const isCsv = /\.(csv|txt)$/i.test(file);
  const workbook = XLSX.read(bytes, { ...READ_OPTIONS, type: 'array', ...(isCsv ? { raw: true } : {}) });
  return workbookTables(workbook, file, isCsv);
}
