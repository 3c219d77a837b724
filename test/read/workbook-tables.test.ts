// Workbooks and CSV files as raw rows: each cell as the spreadsheet shows it (text, numbers,
// booleans, error cells, formulas with no saved value), rows numbered as Excel numbers them,
// merged areas filled, hidden sheets said so, and a streamed CSV read again on each pass.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { streamInputs } from '../../src/node/read-inputs.js';
import { FORMULA_NOT_SAVED, isErrorCell, type RawCell } from '../../src/read/raw-table.js';
import { isStreamedCsv } from '../../src/read/csv-table.js';
import { parseWorkbook, streamWorkbook, workbookRows } from '../../src/read/workbook-tables.js';
import { ROOT, tempDir } from '../helpers/cli.js';
import { checkJson } from '../helpers/corpus.js';

/** The .xlsx with each sheet's declared range (its dimension element) rewritten, as a tool that does not keep it up to date leaves it. */
function withDimension(bytes: Uint8Array, ref: string): Uint8Array {
  const files = unzipSync(bytes);
  for (const name of Object.keys(files).filter((n) => n.startsWith('xl/worksheets/'))) {
    const xml = strFromU8(files[name]!);
    if (!/<dimension ref="[^"]*"\/>/.test(xml)) throw new Error(`${name} declares no range`);
    files[name] = strToU8(xml.replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="${ref}"/>`));
  }
  return zipSync(files);
}

/** The bytes of a workbook holding these sheets, written by SheetJS. */
function workbook(sheets: Record<string, XLSX.WorkSheet>, bookType: XLSX.BookType = 'xlsx', hidden: string[] = []): Uint8Array {
  const book = XLSX.utils.book_new();
  for (const [name, sheet] of Object.entries(sheets)) XLSX.utils.book_append_sheet(book, sheet, name);
  book.Workbook = { Sheets: book.SheetNames.map((name) => ({ name, Hidden: hidden.includes(name) ? 1 : 0 })) };
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType }) as ArrayBuffer);
}

const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

describe('reading a workbook', () => {
  it('reads each cell as it is held: text, numbers, booleans, error cells, and a formula saved without its value', () => {
    const sheet = XLSX.utils.aoa_to_sheet([
      ['Child ID', 'Start', 'Open', 'Check'],
      ['C1', 42753, true, null],
      ['C2', 42754.5, false, null],
    ]);
    sheet['D2'] = { t: 'e', v: 0x2a };
    sheet['D3'] = { t: 'e', v: 0x17 };
    sheet['E2'] = { t: 'n', f: 'B2+1' };
    sheet['E3'] = { t: 's', v: 'x ' };
    sheet['!ref'] = 'A1:E3';
    for (const bookType of ['xlsx', 'biff8'] as const) {
      const [table] = parseWorkbook(workbook({ 'List 6': sheet }, bookType), `cin.${bookType === 'xlsx' ? 'xlsx' : 'xls'}`);
      expect(table!.sheet).toBe('List 6');
      expect(table!.firstRow).toBe(1);
      expect(table!.rows.slice(1)).toEqual([
        ['C1', 42753, true, { error: '#N/A' }, bookType === 'xlsx' ? { error: FORMULA_NOT_SAVED } : null],
        ['C2', 42754.5, false, { error: '#REF!' }, 'x '],
      ]);
    }
  });

  it('reads a date cell as Excel holds it (a serial number), not as a date in the machine\'s time zone', () => {
    const sheet = XLSX.utils.aoa_to_sheet([['Start'], [new Date(Date.UTC(2017, 0, 18))]], { cellDates: true });
    expect(parseWorkbook(workbook({ S: sheet }), 'a.xlsx')[0]!.rows).toEqual([['Start'], [42753]]);
    expect(parseWorkbook(workbook({ S: sheet }, 'ods'), 'a.ods')[0]!.rows[1]).toEqual([42753]);
  });

  it('takes a workbook\'s date cells and uncached error cells as a reader that makes dates gives them', () => {
    const sheet = XLSX.utils.aoa_to_sheet([[new Date(Date.UTC(2017, 0, 18)), null]], { cellDates: true, dense: true });
    (sheet['!data'] as XLSX.CellObject[][])[0]![1] = { t: 'e', v: 0x07 };
    sheet['!ref'] = 'A1:B1';
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, 'S');
    const [table] = workbookRows(book, 'a.xlsx');
    expect(table!.sheet).toBe('S');
    expect([...table!.rows]).toEqual([[new Date(Date.UTC(2017, 0, 18)), { error: '#DIV/0!' }]]);
  });

  it('reads a formula\'s saved error as that error, and a formula with no value (a stub) as one saved without its value', () => {
    const sheet = XLSX.utils.aoa_to_sheet([[null, null, null]], { dense: true });
    (sheet['!data'] as XLSX.CellObject[][])[0] = [{ t: 'e', v: 0x07, f: '1/0', w: '#DIV/0!' }, { t: 'z', f: 'A1+1' }, { t: 'z' }];
    sheet['!ref'] = 'A1:C1';
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, 'S');
    expect([...workbookRows(book, 'a.xlsx')[0]!.rows]).toEqual([[{ error: '#DIV/0!' }, { error: FORMULA_NOT_SAVED }, null]]);
  });

  it('reads an empty row inside the used range as a row of empty cells', () => {
    const [table] = parseWorkbook(workbook({ S: XLSX.utils.aoa_to_sheet([['Child ID', 'Team'], [], [], ['C1', 'North']]) }), 'a.xlsx');
    expect(table!.rows).toEqual([
      ['Child ID', 'Team'],
      [null, null],
      [null, null],
      ['C1', 'North'],
    ]);
  });

  it('keeps error cells apart from text that looks like one, and says what a formula saved without its value holds', () => {
    expect([{ error: '#N/A' }, { error: FORMULA_NOT_SAVED }].every(isErrorCell)).toBe(true);
    expect(['#N/A', null, undefined, 0, new Date(0)].some(isErrorCell)).toBe(false);
    expect(FORMULA_NOT_SAVED).toBe('(formula with no saved value)');
  });

  it('numbers rows as Excel does when the sheet starts lower, and reads only the cells held within a larger declared range', () => {
    const sheet = XLSX.utils.sheet_add_aoa(XLSX.utils.aoa_to_sheet([]), [['Child ID', 'Team'], ['C1', 'North'], ['C2']], { origin: 'C3' });
    sheet['!ref'] = 'C3:Z1000';
    const [table] = parseWorkbook(workbook({ 'List 6': sheet }), 'cin.xlsx');
    expect(table!.firstRow).toBe(3);
    expect(table!.rows).toEqual([
      ['Child ID', 'Team'],
      ['C1', 'North'],
      ['C2', null],
    ]);
    sheet['!ref'] = 'C3:C4';
    expect(parseWorkbook(workbook({ 'List 6': sheet }), 'cin.xlsx')[0]!.rows).toEqual([['Child ID'], ['C1']]);
    const widestLast = XLSX.utils.sheet_add_aoa(XLSX.utils.aoa_to_sheet([]), [['Child ID'], ['C1', 'North', 'Jo']], { origin: 'A1' });
    widestLast['!ref'] = 'A1:K40';
    expect(parseWorkbook(workbook({ 'List 6': widestLast }), 'cin.xlsx')[0]!.rows).toEqual([
      ['Child ID', null, null],
      ['C1', 'North', 'Jo'],
    ]);
  });

  it('fills each merged area with its top-left value, within the sheet\'s range, leaving cells that hold their own', () => {
    const sheet = XLSX.utils.sheet_add_aoa(
      XLSX.utils.aoa_to_sheet([]),
      [
        ['Title', null, null, null],
        ['Team', 'Child ID', 'Worker', 'Note'],
        ['North', 'C1', 'Jo', null],
        [null, 'C2', null, null],
        [null, 'C3', 'Al', null],
        ['South', 'C4', 'Sam', null],
      ],
      { origin: 'B2' },
    );
    sheet['!ref'] = 'B2:E7';
    sheet['!merges'] = [
      XLSX.utils.decode_range('B2:G2'),
      XLSX.utils.decode_range('B4:B6'),
      XLSX.utils.decode_range('D4:E6'),
      XLSX.utils.decode_range('D7:E9'),
      XLSX.utils.decode_range('A7:B12'),
    ];
    const [table] = parseWorkbook(workbook({ 'List 6': sheet }), 'cin.xlsx');
    expect(table!.firstRow).toBe(2);
    expect(table!.rows).toEqual([
      ['Title', 'Title', 'Title', 'Title'],
      ['Team', 'Child ID', 'Worker', 'Note'],
      ['North', 'C1', 'Jo', 'Jo'],
      ['North', 'C2', 'Jo', 'Jo'],
      ['North', 'C3', 'Al', 'Jo'],
      ['South', 'C4', 'Sam', 'Sam'],
    ]);
  });

  it('fills nothing from a merged area whose top-left cell is outside the sheet\'s range', () => {
    const sheet = XLSX.utils.sheet_add_aoa(XLSX.utils.aoa_to_sheet([]), [['Title'], ['Child ID', 'Team'], ['C1', null]], { origin: 'A1' });
    sheet['!ref'] = 'A2:B3';
    sheet['!merges'] = [XLSX.utils.decode_range('A1:B3')];
    expect(parseWorkbook(workbook({ S: sheet }), 'a.xlsx')[0]!.rows).toStrictEqual([
      ['Child ID', 'Team'],
      ['C1', null],
    ]);
  });

  it('reads every sheet, saying which are hidden, and a workbook with no cells as no rows', () => {
    const tables = parseWorkbook(
      workbook({ Visible: XLSX.utils.aoa_to_sheet([['a']]), Secret: XLSX.utils.aoa_to_sheet([['b']]), Empty: XLSX.utils.aoa_to_sheet([]) }, 'xlsx', ['Secret']),
      'book.xlsx',
    );
    expect(tables.map((t) => [t.sheet, t.hidden ?? false, t.rows])).toEqual([
      ['Visible', false, [['a']]],
      ['Secret', true, [['b']]],
      ['Empty', false, []],
    ]);
    expect(Object.keys(tables[0]!)).not.toContain('hidden');
  });

  it('streams a sheet\'s rows once, and says so rather than giving nothing a second time', () => {
    const [table] = streamWorkbook(workbook({ S: XLSX.utils.aoa_to_sheet([['ID'], ['C1'], ['C2']]) }), 's.xlsx');
    expect([...table!.rows]).toEqual([['ID'], ['C1'], ['C2']]);
    expect(() => [...table!.rows]).toThrow('a workbook sheet streamed as rows can be read only once');
  });
});

describe('a workbook whose declared range (dimension) leaves cells out', () => {
  const sheet = XLSX.utils.sheet_add_aoa(XLSX.utils.aoa_to_sheet([]), [['Child ID', 'Team', 'Worker'], ['C1', 'North', 'Jo'], ['C2', 'South'], ['C3', null, 'Al']], { origin: 'B2' });
  const intact = workbook({ 'List 6': sheet });
  const rows = [
    ['Child ID', 'Team', 'Worker'],
    ['C1', 'North', 'Jo'],
    ['C2', 'South', null],
    ['C3', null, 'Al'],
  ];

  it('reads every row and column Excel shows, whether the range stops short, starts late or names one cell', () => {
    for (const ref of ['B2:D5', 'B2:D3', 'B2:C5', 'C3:D5', 'B2']) {
      const [table] = parseWorkbook(withDimension(intact, ref), 'cin.xlsx');
      expect([table!.firstRow, table!.rows], ref).toEqual([2, rows]);
    }
  });

  it('with no declared range, a row that holds no cell (only gaps) is passed over, not searched for ever', () => {
    const book = XLSX.utils.book_new();
    // Dense rows as a reader may leave them: the first row's two places are gaps, not cells.
    XLSX.utils.book_append_sheet(book, { '!data': [new Array<XLSX.CellObject>(2), [undefined!, { t: 's', v: 'ID' }], [undefined!, { t: 's', v: 'C1' }]] } as XLSX.WorkSheet, 'S');
    const [table] = workbookRows(book, 'a.xlsx');
    expect([table!.firstRow, [...table!.rows]]).toEqual([2, [['ID'], ['C1']]]);
  });

  it('counts and checks every row of the demo Reg 44 visit log declared as A1:E20 or A1:D142, as when declared whole', async () => {
    const check = async (ref?: string) => {
      const dir = tempDir();
      copyFileSync(join(ROOT, 'fixtures/demo/ofsted-children-homes.xlsx'), join(dir, 'ofsted-children-homes.xlsx'));
      const visits = readFileSync(join(ROOT, 'fixtures/demo/reg44-visits.xlsx'));
      writeFileSync(join(dir, 'reg44-visits.xlsx'), ref ? withDimension(visits, ref) : visits);
      const report = await checkJson(dir);
      return { inputs: report.summary.inputs.map((i) => [i.sheet, i.dataset, i.rows]), exceptions: report.exceptions.map((e) => e.id).sort(), findings: report.findings.length };
    };
    const whole = await check();
    expect(whole.inputs).toContainEqual(['Reg 44 visits', 'reg44-visits', 141]);
    expect(await check('A1:E20')).toEqual(whole);
    expect(await check('A1:D142')).toEqual(whole);
  });
});

describe('reading a CSV file', () => {
  it('makes every row as wide as the widest, and a file with no rows one empty cell', () => {
    expect(parseWorkbook(latin1('ID,Team\nC1\nC2,North,extra\n'), 'cin.csv')[0]!.rows).toEqual([
      ['ID', 'Team', null],
      ['C1', null, null],
      ['C2', 'North', 'extra'],
    ]);
    expect(parseWorkbook(latin1('sep=;\n'), 'cin.csv')[0]!.rows).toEqual([[null]]);
  });

  it('names no sheet, and leaves dates as written (never read month-first), whether read by the streaming reader or by SheetJS', () => {
    for (const text of ['ID,Team,Start\nC1,North,01/02/2017\n', ' ID,Team,Start\nC1,North,01/02/2017\n']) {
      const tables = parseWorkbook(latin1(text), 'cin.csv');
      expect(tables).toHaveLength(1);
      expect(tables[0]!.sheet).toBeUndefined();
      expect(tables[0]!.rows[1]).toEqual(['C1', 'North', '01/02/2017']);
    }
    expect(parseWorkbook(latin1(' ID,Team\nC1,North\n'), 'cin.xlsx')[0]!.sheet).toBe('Sheet1');
  });

  it('reads a Windows-1252 file whose first letters are \u00ff or \u00fe as text, not as UTF-16', () => {
    for (const first of [
      [0xff, 0x41],
      [0x41, 0xfe],
      [0xfe, 0x41],
      [0x41, 0xff],
    ]) {
      const bytes = Uint8Array.from([...first, ...latin1('x,Team\nC1,North\n')]);
      expect(parseWorkbook(bytes, 'cin.csv')[0]!.rows, String(first)).toEqual([
        [String.fromCharCode(...first).concat('x'), 'Team'],
        ['C1', 'North'],
      ]);
    }
  });

  it('streams only plain delimited text named .csv or .txt', () => {
    expect(isStreamedCsv('cin.csv', latin1('Child ID,Team\n'))).toBe(true);
    expect(isStreamedCsv('CIN.TXT', latin1('Child ID\tTeam\n'))).toBe(true);
    expect(isStreamedCsv('cin.xlsx', latin1('Child ID,Team\n'))).toBe(false);
    expect(isStreamedCsv('cin.csv', latin1('Child ID,\u0000Team\n'))).toBe(false);
    expect(isStreamedCsv('cin.csv', latin1('<html>'))).toBe(false);
    expect(isStreamedCsv('cin.csv.bak', latin1('Child ID,Team\n'))).toBe(false);
  });

  it('reads a streamed file anew on each pass, its findings those of the latest pass', async () => {
    const dir = tempDir();
    const file = join(dir, 'cin.csv');
    writeFileSync(file, latin1('Child ID,Name\nC1,Jos\u00e9 \u0081\nC2,"O\'Brien\nC3,Zo\u00eb\n'));
    const [table] = (await streamInputs([file])).tables;
    const rows: RawCell[][] = [
      ['Child ID', 'Name'],
      ['C1', 'Jos\u00e9 \u0081'],
      ['C2', '"O\'Brien'],
      ['C3', 'Zo\u00eb'],
    ];
    for (let pass = 0; pass < 2; pass++) {
      expect([...table!.rows]).toEqual(rows);
      const findings = table!.readFindings!();
      expect(findings.map((f) => [f.file, f.row, f.kind, f.level])).toEqual([
        [file, undefined, 'suspicious-value', 'info'],
        [file, undefined, 'suspicious-value', 'warning'],
        [file, 3, 'suspicious-value', 'warning'],
      ]);
      expect(findings[0]!.message).toContain('Windows-1252');
      expect(findings[1]!.message).toMatch(/^1 byte\(s\)/);
    }
  });

  it('reads a streamed UTF-8 file as UTF-8, with nothing to say of its encoding', async () => {
    const dir = tempDir();
    const file = join(dir, 'cin.csv');
    writeFileSync(file, new TextEncoder().encode('Child ID,Name\nC1,Jos\u00e9 \u2019\n'));
    const [table] = (await streamInputs([file])).tables;
    expect([...table!.rows]).toEqual([
      ['Child ID', 'Name'],
      ['C1', 'Jos\u00e9 \u2019'],
    ]);
    expect(table!.readFindings!()).toEqual([]);
  });
});
