import * as XLSX from 'xlsx';
import { isCsvFile, isStreamedCsv } from './csv-table.js';
import { csvRows } from './csv-rows.js';
import { multiLineCellFindings, strayQuoteFindings } from './stray-quotes.js';
import { encodingFindings, textReadingOf, undefinedIn1252 } from './text-encoding.js';
import { FORMULA_NOT_SAVED, type RawCell, type RawRows, type RawTable } from './raw-table.js';
import type { ReadLimits } from './input-limits.js';
import { readFailure, screenInput } from './screen-input.js';

/**
 * SheetJS options that keep reading fast and values untouched (see docs/architecture.md). Stub
 * cells are kept: without them a formula saved with no value would vanish, read as empty.
 */
export const READ_OPTIONS: XLSX.ParsingOptions = {
  dense: true,
  cellText: false,
  cellHTML: false,
  cellDates: false,
  raw: true,
  sheetStubs: true,
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
      return cell.f !== undefined && cell.v === undefined ? { error: FORMULA_NOT_SAVED } : { error: cell.w ?? XLSX.utils.format_cell(cell) ?? '#ERROR' };
    default:
      return cell.f !== undefined ? { error: FORMULA_NOT_SAVED } : null;
  }
}

/** A merged area shows its top-left value across the whole area, so every cell of it reads that value. */
function fillMerges(rows: RawCell[][], merges: readonly XLSX.Range[], origin: XLSX.CellAddress): void {
  for (const m of merges) {
    const value = rows[m.s.r - origin.r]?.[m.s.c - origin.c];
    if (value === null || value === undefined) continue;
    for (let r = Math.max(m.s.r, origin.r); r <= Math.min(m.e.r, origin.r + rows.length - 1); r++) {
      const row = rows[r - origin.r]!;
      for (let c = Math.max(m.s.c, origin.c); c <= Math.min(m.e.c, origin.c + row.length - 1); c++) {
        if (row[c - origin.c] === null || row[c - origin.c] === undefined) row[c - origin.c] = value;
      }
    }
  }
}

/**
 * The range the sheet's cells take up, whatever its declared range (the dimension element) says:
 * a workbook may declare A1:XFD1048576 (formatting applied to whole rows) around a few hundred
 * rows of data, or, written by a program that does not keep it up to date, A1:E20 over 142 rows
 * and five columns that Excel shows in full. The declared top-left corner is kept unless a cell
 * lies above or left of it. No range for a sheet with no cells.
 */
function heldRange(declared: string | undefined, data: readonly (XLSX.CellObject[] | undefined)[]): XLSX.Range | undefined {
  const start = declared ? XLSX.utils.decode_range(declared).s : { r: Infinity, c: Infinity };
  let lastRow = -1;
  let width = 0;
  for (let r = 0; r < data.length; r++) {
    const row = data[r];
    if (!row?.some((cell) => cell !== undefined)) continue;
    let first = 0;
    while (first < start.c && row[first] === undefined) first++;
    start.r = Math.min(start.r, r);
    start.c = first;
    lastRow = r;
    width = Math.max(width, row.length);
  }
  return lastRow < 0 ? undefined : { s: start, e: { r: lastRow, c: width - 1 } };
}

/** One row of a dense sheet within the range, each cell as read. */
function rowCells(source: readonly XLSX.CellObject[] | undefined, range: XLSX.Range): RawCell[] {
  const row: RawCell[] = [];
  for (let c = range.s.c; c <= range.e.c; c++) row.push(cellValue(source?.[c]));
  return row;
}

/**
 * A sheet's rows, made one at a time as they are read and let go of as soon as they have been:
 * a million-row sheet is never held twice (SheetJS's cells and the rows made from them). A sheet
 * with merged areas is made whole first, since a merge fills cells above and below its first row.
 */
function sheetRows(sheet: XLSX.WorkSheet, range: XLSX.Range): Iterable<RawCell[]> {
  const merges = sheet['!merges'] ?? [];
  let data: (XLSX.CellObject[] | undefined)[] | undefined = (sheet['!data'] ?? []) as (XLSX.CellObject[] | undefined)[];
  if (merges.length) {
    const rows: RawCell[][] = [];
    for (let r = range.s.r; r <= range.e.r; r++) rows.push(rowCells(data[r], range));
    fillMerges(rows, merges, range.s);
    return rows;
  }
  return {
    *[Symbol.iterator]() {
      if (!data) throw new Error('a workbook sheet streamed as rows can be read only once');
      const cells = data;
      data = undefined;
      for (let r = range.s.r; r <= range.e.r; r++) {
        yield rowCells(cells[r], range);
        cells[r] = undefined;
      }
    },
  };
}

/** Every sheet of a workbook (a parsed .xlsx, .xls or .csv) as raw rows, each read once, as they are consumed. */
export function workbookRows(workbook: XLSX.WorkBook, file: string, isCsv = false): RawRows[] {
  return workbook.SheetNames.map((name, index) => {
    const sheet = workbook.Sheets[name]!;
    const data = (sheet['!data'] ?? []) as (XLSX.CellObject[] | undefined)[];
    const range = heldRange(sheet['!ref'], data);
    const table: RawRows = { file, firstRow: range ? range.s.r + 1 : 1, rows: range ? sheetRows(sheet, range) : [] };
    if (!isCsv) table.sheet = name;
    if (workbook.Workbook?.Sheets?.[index]?.Hidden) table.hidden = true;
    if (workbook.Workbook?.WBProps?.date1904) table.date1904 = true;
    return table;
  });
}

/**
 * UTF-16 text (led by its byte order mark) as UTF-8 led by one, so that the CSV reader reads it:
 * SheetJS's own route for UTF-16 lets a stray quote take in every row after it, with no word.
 */
function utf16AsUtf8(bytes: Uint8Array): Uint8Array | undefined {
  const little = bytes[0] === 0xff && bytes[1] === 0xfe;
  if (!little && !(bytes[0] === 0xfe && bytes[1] === 0xff)) return undefined;
  return new TextEncoder().encode(`\ufeff${new TextDecoder(little ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2))}`);
}

/** Rows as SheetJS lays out a CSV sheet: each as wide as the widest, at least one cell. */
function asSheet(rows: RawCell[][]): RawCell[][] {
  if (rows.length === 0) return [[null]];
  let width = 1;
  for (const row of rows) width = Math.max(width, row.length);
  for (const row of rows) while (row.length < width) row.push(null);
  return rows;
}

/** SheetJS's workbook of the bytes; a file it cannot read is a ReadError saying why. */
function sheetjsWorkbook(bytes: Uint8Array, file: string, kind: ReturnType<typeof screenInput>): XLSX.WorkBook {
  try {
    return XLSX.read(bytes, { ...READ_OPTIONS, type: 'array' });
  } catch (error) {
    throw readFailure(error, file, kind);
  }
}

/**
 * Parses workbook or CSV bytes (works in a browser too: no file system), each sheet's rows made
 * as they are read, once, and let go of after. Empty, damaged, password-protected, oversized and
 * non-spreadsheet files throw a ReadError saying so. Plain CSV is read by the streaming CSV
 * reader (SheetJS's semantics), anything else by SheetJS.
 */
export function streamWorkbook(bytes: Uint8Array, file: string, limits: ReadLimits = {}): RawRows[] {
  const isCsv = isCsvFile(file);
  const kind = screenInput(bytes, file, limits);
  const text = isCsv ? utf16AsUtf8(bytes) ?? bytes : bytes;
  if (isStreamedCsv(file, text)) {
    const reading = textReadingOf(text);
    const undefinedBytes = reading.encoding === 'windows-1252' ? undefinedIn1252(text) : 0;
    const reader = csvRows([text], reading.encoding);
    const rows = asSheet([...reader]);
    const findings = [...encodingFindings(file, reading, undefinedBytes), ...strayQuoteFindings(file, reader.strayQuotes), ...multiLineCellFindings(file, reader.multiLineCells)];
    return [{ file, firstRow: 1, rows, readFindings: () => findings }];
  }
  return workbookRows(sheetjsWorkbook(bytes, file, kind), file, isCsv);
}

/** As streamWorkbook, with every row in memory. */
export function parseWorkbook(bytes: Uint8Array, file: string, limits: ReadLimits = {}): RawTable[] {
  return streamWorkbook(bytes, file, limits).map((t) => ({ ...t, rows: [...t.rows] }));
}
