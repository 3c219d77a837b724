import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';

/** A written workbook as a user's spreadsheet would show it: sheet names, rows, raw cells. */
export function openWorkbook(path: string) {
  const bytes = readFileSync(path);
  const wb = XLSX.read(bytes, { dense: true, cellDates: false, cellNF: true });
  const rows = (sheet: string) => XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[sheet]!, { header: 1, raw: true, defval: null });
  const cell = (sheet: string, ref: string) => {
    const { r, c } = XLSX.utils.decode_cell(ref);
    return (wb.Sheets[sheet]!['!data'] as XLSX.CellObject[][])[r]?.[c];
  };
  const sheetXml = (index: number) => {
    const zip = XLSX.CFB.read(bytes, { type: 'buffer' });
    return new TextDecoder().decode(XLSX.CFB.find(zip, `/xl/worksheets/sheet${index}.xml`)!.content as Uint8Array);
  };
  return { names: wb.SheetNames, rows, cell, sheetXml, workbook: wb };
}
