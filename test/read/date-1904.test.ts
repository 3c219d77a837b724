// A workbook saved with Excel's 1904 date system (as Excel for Mac saves them: workbook.xml's
// <workbookPr date1904="1"/>, or the 1904 record of an .xls) holds each date as a serial 1462
// less than the 1900 system's. It is read as the dates Excel shows, so the same rows give the
// same dates, findings and exceptions whichever system their workbook was saved with.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { dayFromIso } from '../../src/calendar/index.js';
import { readTables, runCheck, type CheckResult } from '../../src/engine/run-check.js';
import { loadPack } from '../../src/node/load-pack.js';
import { readInputs } from '../../src/node/read-inputs.js';
import { tempDir } from '../helpers/cli.js';

const pack = loadPack();
const AS_OF = dayFromIso('2017-01-18')!;
const HEADER = ['Child Unique ID', 'Age', 'Date of Birth', 'CIN Start Date', 'Date Child Was Last Seen', 'CIN Closure Date', 'Allocated Team'];

/** A day as Excel's serial in either date system (1904: days since 1 January 1904, which is 0). */
const serial = (iso: string, system: 1900 | 1904) => dayFromIso(iso)! + 25569 - (system === 1904 ? 1462 : 0);

/**
 * List 6 rows, dates as serials of the system: 1 and 2 January 1904 (1904 serials 0 and 1), a
 * start six months and a day before the as-of date and one exactly six months before it (a day's
 * error moves an exception), 29 February 2016, a last-seen date with a time of day. The ids
 * and ages are numbers too, and stay as they are.
 */
function list6(system: 1900 | 1904): unknown[][] {
  const d = (iso: string) => serial(iso, system);
  return [
    HEADER,
    [9769139, 9.35, d('1904-01-01'), d('2016-10-23'), d('2016-11-23') + 0.5, null, 'Team A'],
    [9769140, 42666, d('1904-01-02'), d('2016-07-17'), null, null, 'Team A'],
    [9769141, 1462, d('2010-05-01'), d('2016-07-18'), null, null, 'Team B'],
    [9769142, 0, d('2012-03-01'), d('2016-02-29'), null, d('2017-01-19'), 'Team B'],
    [9769143, 7, d('2009-12-31'), d('2016-01-01'), null, d('2016-12-31'), 'Team B'],
  ];
}

/** The bytes of a one-sheet workbook of these rows, saved in that date system. */
function workbook(rows: unknown[][], system: 1900 | 1904, bookType: XLSX.BookType): Uint8Array {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'List 6');
  book.Workbook = { WBProps: { date1904: system === 1904 } };
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType }) as ArrayBuffer);
}

/** The file, saved as .xlsx or .xls in that date system, checked as the command line checks it. */
async function checked(rows: unknown[][], system: 1900 | 1904, bookType: 'xlsx' | 'biff8') {
  const file = join(tempDir(), `list6.${bookType === 'xlsx' ? 'xlsx' : 'xls'}`);
  writeFileSync(file, workbook(rows, system, bookType));
  const { tables } = await readInputs([file]);
  const result = runCheck(pack, tables, { asOf: AS_OF });
  const [typed] = readTables(tables, pack.datasets).tables;
  return { file, result, values: typed!.rows.map((r) => r.values) };
}

/** A check's exceptions and findings with the file's name taken out, to compare two files. */
function seen(result: CheckResult, file: string) {
  return JSON.parse(JSON.stringify({ exceptions: result.exceptions, findings: result.findings, inputs: result.inputs }).replaceAll(JSON.stringify(file).slice(1, -1), 'FILE')) as unknown;
}

describe("a workbook saved with Excel's 1904 date system", () => {
  for (const bookType of ['xlsx', 'biff8'] as const) {
    it(`reads its dates as Excel shows them, as the same rows saved with the 1900 system (${bookType === 'xlsx' ? '.xlsx' : '.xls'})`, async () => {
      const mac = await checked(list6(1904), 1904, bookType);
      const windows = await checked(list6(1900), 1900, bookType);
      const day = (iso: string) => dayFromIso(iso)!;
      expect(mac.values.map((v) => [v['Date of Birth'], v['CIN Start Date'], v['Date Child Was Last Seen'], v['CIN Closure Date']])).toEqual([
        [day('1904-01-01'), day('2016-10-23'), day('2016-11-23'), null],
        [day('1904-01-02'), day('2016-07-17'), null, null],
        [day('2010-05-01'), day('2016-07-18'), null, null],
        [day('2012-03-01'), day('2016-02-29'), null, day('2017-01-19')],
        [day('2009-12-31'), day('2016-01-01'), null, day('2016-12-31')],
      ]);
      expect(mac.values.map((v) => [v['Child Unique ID'], v['Age']]), 'numbers in columns that are not dates').toEqual([
        ['9769139', 9.35],
        ['9769140', 42666],
        ['9769141', 1462],
        ['9769142', 0],
        ['9769143', 7],
      ]);
      const drift = mac.result.exceptions.filter((e) => e.ruleId === 'drift.cin-open-over-6-months');
      expect(drift.map((e) => [e.subject, e.dueDate, e.columns['CIN Start Date']])).toEqual([
        ['9769142', '2016-08-29', '2016-02-29'],
        ['9769140', '2017-01-17', '2016-07-17'],
      ]);
      expect(mac.values).toEqual(windows.values);
      expect(seen(mac.result, mac.file)).toEqual(seen(windows.result, windows.file));
    });
  }

  it('names a serial before 1 January 1904 in a finding, as not a date of that system', async () => {
    const rows = list6(1904);
    rows[1]![5] = -1;
    const { result } = await checked(rows, 1904, 'xlsx');
    expect(result.findings.filter((f) => f.kind === 'unreadable-value')).toEqual([
      expect.objectContaining({
        sheet: 'List 6',
        row: 2,
        column: 'CIN Closure Date',
        value: '-1',
        message: "CIN Closure Date: -1 is not an Excel date (this workbook uses Excel's 1904 date system, whose dates start at 0 = 1 January 1904)",
      }),
    ]);
  });
});
