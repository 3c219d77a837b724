// A workbook's bytes depend on its tables alone, not on the workbooks read or written before it
// in the same run (the browser page writes the check's workbook, then the drift list's).
import fs from 'node:fs';
import { expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { OutTable } from '../../src/report/tabular.js';
import { workbookBytes } from '../../src/report/xlsx.js';

const dates: OutTable = { name: 'Dates', columns: [{ header: 'Due', kind: 'date' }], rows: [['2017-01-02']] };
const months: OutTable = { name: 'Months', columns: [{ header: 'Month', kind: 'month' }], rows: [['2017-01']] };

it('is the same after another workbook with other number formats was written, or a workbook was read', () => {
  const first = workbookBytes([dates]);
  workbookBytes([months]);
  expect(Buffer.compare(workbookBytes([dates]), first)).toBe(0);
  XLSX.read(fs.readFileSync('fixtures/demo/annex-a.xlsx'), { cellNF: true });
  expect(Buffer.compare(workbookBytes([dates]), first)).toBe(0);
});
