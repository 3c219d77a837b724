import * as XLSX from 'xlsx';
import { excelSerial, fitExcelCell, neutraliseFormula } from './cells.js';
import type { OutTable } from './tabular.js';
import { withSheetLayouts, type SheetLayout } from './xlsx-views.js';

const quoted = (name: string) => `'${name.replace(/'/g, "''")}'`;

/** A fixed timestamp for document properties, so the same inputs give byte-identical workbooks. */
const FIXED_TIME = new Date(Date.UTC(2000, 0, 1));

/** The row (0-based) of a table's header: below its intro lines and a blank row. */
export const headerRowOf = (table: OutTable): number => (table.intro?.length ? table.intro.length + 1 : 0);

/**
 * SheetJS's built-in number formats, before any workbook is read or written. SheetJS adds every
 * format it meets to one table shared by the whole process; a workbook written from a copy of
 * this one lists only its own, so its bytes never depend on what was read or written before it.
 */
const BUILT_IN_FORMATS: Record<number, string> = { ...(XLSX.SSF.get_table() as Record<number, string>) };

function sheetOf(table: OutTable): XLSX.WorkSheet {
  const lines = (texts: readonly string[]) => texts.map((line): XLSX.CellObject[] => [{ t: 's', v: fitExcelCell(neutraliseFormula(line)) }]);
  const intro = lines(table.intro ?? []);
  const rows: XLSX.CellObject[][] = [...intro, ...(intro.length ? [[]] : []), table.columns.map((c) => ({ t: 's', v: c.header }))];
  const header = headerRowOf(table);
  for (const values of table.rows) {
    rows.push(
      values.map((v, i): XLSX.CellObject => {
        const kind = table.columns[i]?.kind ?? 'text';
        if (v === null || v === undefined) return { t: 'z' };
        if ((kind === 'date' || kind === 'month') && typeof v === 'string') {
          const serial = excelSerial(kind === 'month' ? `${v}-01` : v);
          if (serial !== undefined) return { t: 'n', v: serial, z: kind === 'month' ? 'mmmm yyyy' : 'dd/mm/yyyy' };
        }
        if (typeof v === 'number') return { t: 'n', v };
        const cell: XLSX.CellObject = { t: 's', v: fitExcelCell(neutraliseFormula(v)) };
        if (i === table.sheetLinks) cell.l = { Target: `#${quoted(v)}!A1` };
        return cell;
      }),
    );
  }
  const lastRow = rows.length - 1;
  if (table.notes?.length) rows.push([], ...lines(table.notes));
  const sheet = XLSX.utils.aoa_to_sheet([[]], { dense: true });
  sheet['!data'] = rows;
  const lastCol = Math.max(table.columns.length - 1, 0);
  sheet['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(rows.length - 1, 0), c: lastCol } });
  sheet['!cols'] = table.columns.map((c) => ({ wch: c.width ?? 14 }));
  const height = table.rowHeight;
  if (height !== undefined) sheet['!rows'] = rows.map((_, r) => (r > header && r <= lastRow ? { hpt: height } : {}));
  if (table.rows.length) sheet['!autofilter'] = { ref: XLSX.utils.encode_range({ s: { r: header, c: 0 }, e: { r: lastRow, c: lastCol } }) };
  return sheet;
}

/** Print titles (the header row on every page) and, where a table says so, a print area of its leading columns. */
function printNames(tables: readonly OutTable[]): XLSX.DefinedName[] {
  return tables.flatMap((t, sheet) => {
    const header = headerRowOf(t) + 1;
    const names: XLSX.DefinedName[] = [{ Name: '_xlnm.Print_Titles', Sheet: sheet, Ref: `${quoted(t.name)}!$${header}:$${header}` }];
    if (t.printColumns) {
      const last = XLSX.utils.encode_col(t.printColumns - 1);
      names.push({ Name: '_xlnm.Print_Area', Sheet: sheet, Ref: `${quoted(t.name)}!$A$1:$${last}$${header + t.rows.length}` });
    }
    return names;
  });
}

/** A workbook of these tables: real date cells, bold frozen header rows with filters, a bold title, landscape printing. */
export function workbookBytes(tables: readonly OutTable[], layout: Partial<SheetLayout> = {}): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const t of tables) XLSX.utils.book_append_sheet(wb, sheetOf(t), t.name);
  wb.Workbook = { Names: printNames(tables) };
  wb.Props = { Title: 'csc-comply', Author: 'csc-comply', CreatedDate: FIXED_TIME, ModifiedDate: FIXED_TIME };
  Object.assign(wb, { SSF: { ...BUILT_IN_FORMATS } });
  const bytes = XLSX.write(wb, { bookType: 'xlsx', type: 'buffer', compression: true, Props: wb.Props }) as Uint8Array;
  return withSheetLayouts(bytes, tables.map((t) => ({ freezeHeader: true, landscape: true, headerRow: headerRowOf(t), title: Boolean(t.intro?.length), ...layout })));
}
