// The files a user opens: CSV (quoting, formula neutralising, dates), the workbook (real date
// cells, header row, filters, print titles, links, frozen bold header) and the JSON report.
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { EXCEL_CELL_LIMIT, excelSerial, fitExcelCell, neutraliseFormula } from '../../src/report/cells.js';
import { csvFileName, csvPieces } from '../../src/report/csv.js';
import { jsonReport, pieceText } from '../../src/report/json.js';
import type { OutTable } from '../../src/report/tabular.js';
import { teamWorkbooks } from '../../src/report/team-workbooks.js';
import { headerRowOf, workbookBytes } from '../../src/report/xlsx.js';
import { checkResult, exception, weeklyResult } from './check-result.js';

const LIST: OutTable = {
  name: "Children's visits",
  columns: [
    { header: 'Subject', kind: 'text', width: 16 },
    { header: 'Due Date', kind: 'date' },
    { header: 'Month', kind: 'month' },
    { header: 'Days', kind: 'number' },
    { header: 'Note', kind: 'text' },
  ],
  rows: [
    ['C1', '2017-01-18', '2017-01', -2, '=SUM(A1)'],
    ['C2', 'not a date', null, 0, 'said "no", then, left\r\nearly'],
  ],
};

/** The CSV file's whole text, as its pieces are written one after another. */
const csvText = (table: typeof LIST) => [...csvPieces(table)].map(pieceText).join('');

describe('CSV', () => {
  it('a byte-order mark, a header row, CRLF lines; dates as ISO; quotes, commas and line breaks quoted; formulas neutralised, numbers not', () => {
    expect(csvText(LIST)).toBe(
      '\uFEFFSubject,Due Date,Month,Days,Note\r\n' +
      "C1,2017-01-18,2017-01,-2,'=SUM(A1)\r\n" +
      'C2,not a date,,0,"said ""no"", then, left\r\nearly"\r\n',
    );
    expect(csvText({ ...LIST, columns: [{ header: '-Header, with comma', kind: 'text' }], rows: [['line\nbreak'], ['+1'], ['fine']] })).toBe("\uFEFF\"'-Header, with comma\"\r\n\"line\nbreak\"\r\n'+1\r\nfine\r\n");
  });

  it('a safe file name', () => {
    expect(csvFileName(LIST)).toBe('childrens-visits.csv');
  });
});

describe('cells', () => {
  it("an ISO date's Excel serial (days since 30/12/1899); none for a text that is not a date", () => {
    expect(excelSerial('1970-01-01')).toBe(25569);
    expect(excelSerial('2017-01-18')).toBe(42753);
    expect(excelSerial('2017-02-30')).toBeUndefined();
  });

  it('every prefix a spreadsheet runs as a formula gets an apostrophe; other text does not', () => {
    for (const p of ['=', '+', '-', '@', '\t', '\r']) expect(neutraliseFormula(`${p}1`)).toBe(`'${p}1`);
    for (const t of ['a=1', ' =1', "'=1", '1-2', '', '\n=1']) expect(neutraliseFormula(t)).toBe(t);
  });

  it('text longer than a cell holds is cut to fit, saying how long it was', () => {
    const full = 'x'.repeat(EXCEL_CELL_LIMIT);
    expect(EXCEL_CELL_LIMIT).toBe(32767);
    expect(fitExcelCell(full)).toBe(full);
    const cut = fitExcelCell(`${full}y`);
    expect(cut).toHaveLength(EXCEL_CELL_LIMIT);
    expect(cut.endsWith('x... (cut: 32768 characters in all)')).toBe(true);
  });
});

const open = (bytes: Uint8Array) => {
  const wb = XLSX.read(bytes, { dense: true, cellNF: true, cellStyles: true });
  const zip = XLSX.CFB.read(bytes, { type: 'buffer' });
  const part = (path: string) => new TextDecoder().decode(XLSX.CFB.find(zip, path)!.content as Uint8Array);
  const data = (name: string) => wb.Sheets[name]!['!data'] as (XLSX.CellObject | undefined)[][];
  return { wb, part, data };
};

describe('the workbook', () => {
  const TITLED: OutTable = { ...LIST, name: 'Summary', intro: ['Compliance check as of 18/01/2017', '=2 exceptions'], notes: ['Days: the as-of date less the due date.'], printColumns: 2 };

  it('real date and month cells, numbers as numbers, text neutralised, a blank as an empty cell', () => {
    const { data } = open(workbookBytes([LIST]));
    const [head, c1, c2] = data("Children's visits");
    expect(head!.map((c) => c?.v)).toEqual(['Subject', 'Due Date', 'Month', 'Days', 'Note']);
    expect(c1!.map((c) => [c?.t, c?.v, c?.t === 'n' ? c.z : 'text'])).toEqual([['s', 'C1', 'text'], ['n', 42753, 'dd/mm/yyyy'], ['n', 42736, 'mmmm yyyy'], ['n', -2, 'General'], ['s', "'=SUM(A1)", 'text']]);
    expect(c2![1]).toMatchObject({ t: 's', v: 'not a date' });
    expect(c2![2]?.v).toBeUndefined();
    expect(c2![3]).toMatchObject({ t: 'n', v: 0 });
  });

  it('a title and intro above a blank row, the header below them, notes under the table, filters on the rows', () => {
    expect(headerRowOf(TITLED)).toBe(3);
    expect(headerRowOf(LIST)).toBe(0);
    const { wb, data } = open(workbookBytes([TITLED]));
    const rows = Array.from(data('Summary'), (r) => (r ?? []).map((c) => c?.v ?? null));
    expect(rows.slice(0, 4)).toEqual([['Compliance check as of 18/01/2017'], ["'=2 exceptions"], [], ['Subject', 'Due Date', 'Month', 'Days', 'Note']]);
    expect(rows.slice(6)).toEqual([[], ['Days: the as-of date less the due date.']]);
    const sheet = wb.Sheets.Summary!;
    expect(sheet['!ref']).toBe('A1:E8');
    expect(sheet['!autofilter']).toEqual({ ref: 'A4:E6' });
    expect(sheet['!cols']!.map((c) => c.wch)).toEqual([16, 14, 14, 14, 14]);
    expect(open(workbookBytes([{ ...LIST, rows: [] }])).wb.Sheets["Children's visits"]!['!autofilter']).toBeUndefined();
  });

  it('the header row printed on every page, and a print area of the leading columns where a table has one', () => {
    const { wb } = open(workbookBytes([TITLED, LIST]));
    expect(wb.Workbook!.Names!.filter((n) => n.Name.startsWith('_xlnm.Print')).map((n) => [n.Name, n.Sheet, n.Ref])).toEqual([
      ['_xlnm.Print_Titles', 0, "'Summary'!$4:$4"],
      ['_xlnm.Print_Area', 0, "'Summary'!$A$1:$B$6"],
      ['_xlnm.Print_Titles', 1, "'Children''s visits'!$1:$1"],
    ]);
    expect(wb.Props).toMatchObject({ Title: 'csc-comply', Author: 'csc-comply' });
  });

  it('where a table says so, its listed rows are that tall (room to write in by hand); the header, title and notes are not', () => {
    const list = open(workbookBytes([{ ...TITLED, rowHeight: 30 }])).part('/xl/worksheets/sheet1.xml');
    const heights = [...list.matchAll(/<row r="(\d+)"([^>]*)>/g)].map(([, r, attrs]) => [Number(r), /ht="([\d.]+)"/.exec(attrs!)?.[1] ?? null]);
    expect(heights.filter(([, ht]) => ht !== null)).toEqual([[5, '30'], [6, '30']]);
    expect(heights.map(([r]) => r)).toEqual(expect.arrayContaining([1, 4, 8]));
    expect(list).toMatch(/<row r="5"[^>]*customHeight="1"/);
    expect(open(workbookBytes([TITLED])).part('/xl/worksheets/sheet1.xml')).not.toContain('customHeight');
  });

  it('a column of sheet names links each to its sheet', () => {
    const contents: OutTable = { name: 'Contents', columns: [{ header: 'Sheet', kind: 'text' }, { header: 'Rule', kind: 'text' }], rows: [["Children's visits", 'x']], sheetLinks: 0 };
    const { data } = open(workbookBytes([contents, LIST]));
    expect(data('Contents')[1]![0]!.l?.Target).toBe("#'Children''s visits'!A1");
    expect(data('Contents')[1]![1]!.l).toBeUndefined();
  });

  it('the header frozen and bold, a title large and bold, landscape fitted to one page wide', () => {
    const { part } = open(workbookBytes([TITLED, LIST]));
    const styles = part('/xl/styles.xml');
    const fonts = Number(/<fonts count="(\d+)"/.exec(styles)![1]);
    const xfs = Number(/<cellXfs count="(\d+)"/.exec(styles)![1]);
    const fontTags = styles.match(/<font>.*?<\/font>/g)!;
    expect(fontTags.length).toBe(fonts);
    expect(fontTags.slice(-2)).toEqual([12, 16].map((sz) => `<font><b/><sz val="${sz}"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>`));
    const xf = styles.match(/<cellXfs count="\d+">(.*?)<\/cellXfs>/)![1]!.match(/<xf [^>]*?(\/>|>.*?<\/xf>)/g)!;
    expect(xf.length).toBe(xfs);
    expect(xf.at(-2)).toContain(`fontId="${fonts - 2}"`);
    expect(xf.at(-2)).toContain('wrapText="1"');
    expect(xf.at(-1)).toContain(`fontId="${fonts - 1}"`);
    const [bold, title] = [xfs - 2, xfs - 1];
    const summary = part('/xl/worksheets/sheet1.xml');
    expect(summary).toContain('<pane ySplit="4" topLeftCell="A5" activePane="bottomLeft" state="frozen"/>');
    expect(summary).toMatch(new RegExp(`<row r="1"[^>]*><c r="A1" s="${title}"`));
    expect(summary).toMatch(new RegExp(`<row r="4"[^>]*><c r="A4" s="${bold}"[^]*?<c r="E4" s="${bold}"`));
    expect(summary).not.toMatch(new RegExp(`<c r="A5" s="${bold}"`));
    expect(summary).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    expect(summary).toContain('<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    const list = part('/xl/worksheets/sheet2.xml');
    expect(list).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(list).toMatch(new RegExp(`<c r="A1" s="${bold}"`));
  });

  it('a layout may leave the header unfrozen and the page upright', () => {
    const { part } = open(workbookBytes([LIST], { freezeHeader: false, landscape: false }));
    const sheet = part('/xl/worksheets/sheet1.xml');
    expect(sheet).not.toContain('state="frozen"');
    expect(sheet).not.toContain('landscape');
  });

  it("one workbook per team, each by a safe name, holding that team's cases", () => {
    const books = teamWorkbooks(weeklyResult());
    expect([...books.keys()]).toEqual(['no-team-recorded.xlsx', 'north.xlsx', 'south.xlsx']);
    const north = open(books.get('north.xlsx')!).wb;
    expect(north.SheetNames).toEqual(['Contents', 'Summary', 'CIN visits', 'cin.drift', 'Resolved', 'Inputs', 'Manifest']);
    expect(XLSX.utils.sheet_to_json<unknown[]>(north.Sheets['cin.drift']!, { header: 1 }).slice(1).map((r) => r[0])).toEqual(['C3', 'C4']);
  });
});

describe('the JSON report', () => {
  it('as-of date, exceptions, findings, overviews, then the summary (totals, rows, rules, teams, inputs) and manifest; two-space indent and a final newline', () => {
    const text = jsonReport(checkResult());
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe('  "asOf": "2017-01-18",');
    const json = JSON.parse(text);
    expect(Object.keys(json)).toEqual(['asOf', 'exceptions', 'findings', 'overviews', 'summary', 'manifest']);
    expect(json.exceptions.map((e: { subject: string }) => e.subject)).toEqual(['C1', 'C2', 'C3', 'C4', 'C5']);
    expect(json.findings).toHaveLength(4);
    expect(Object.keys(json.summary)).toEqual(['totals', 'rows', 'rules', 'teams', 'inputs']);
    expect(json.summary.totals).toEqual({ rules: 3, rulesRun: 2, exceptions: 5, findings: 4, notEvaluable: 1 });
    expect(json.summary.rows).toEqual({ read: 16, evaluated: 13, reported: 3, blank: 1 });
    expect(json.summary.teams).toEqual([
      { team: '(no team recorded)', exceptions: 1, new: 0, open: 0, resolved: 0 },
      { team: 'North', exceptions: 3, new: 0, open: 0, resolved: 0 },
      { team: 'South', exceptions: 1, new: 0, open: 0, resolved: 0 },
    ]);
    expect(json.manifest.ruleSet.sha256).toBe('f'.repeat(64));
  });

  it("the summary's teams are in name order, whichever team's exception came first", () => {
    const json = JSON.parse(jsonReport(checkResult({ exceptions: [exception('cin.visits', 'N1', { team: 'North' }), exception('cin.visits', 'S1', { team: 'South' }), exception('cin.visits', 'E1', { team: 'East' })] })));
    expect(json.summary.teams.map((t: { team: string }) => t.team)).toEqual(['East', 'North', 'South']);
  });

  it('against a baseline: what it was compared with, the resolved, and new, open and resolved in the totals and teams', () => {
    const json = JSON.parse(jsonReport(weeklyResult()));
    expect(Object.keys(json)).toEqual(['asOf', 'baseline', 'exceptions', 'resolved', 'findings', 'overviews', 'summary', 'manifest']);
    expect(json.baseline).toEqual({ file: 'last-week.json', asOf: '2017-01-11', ruleChanges: null });
    expect(json.resolved.map((e: { subject: string }) => e.subject)).toEqual(['C9']);
    expect(json.summary.totals).toEqual({ rules: 3, rulesRun: 2, exceptions: 5, new: 3, open: 2, resolved: 1, findings: 4, notEvaluable: 1 });
    expect(json.summary.teams.at(-1)).toEqual({ team: 'South', exceptions: 1, new: 1, open: 0, resolved: 1 });
  });

  it('counts only: no exception and no finding that points at a row', () => {
    const text = jsonReport(weeklyResult(), true);
    const json = JSON.parse(text);
    expect(Object.keys(json)).toEqual(['asOf', 'aggregateOnly', 'baseline', 'summary', 'manifest']);
    expect(json.aggregateOnly).toBe(true);
    expect(Object.keys(json.summary)).toEqual(['totals', 'rows', 'rules', 'teams', 'inputs', 'findings']);
    expect(json.summary.findings).toEqual([
      { level: 'error', kind: 'unreadable-value', ruleId: null, count: 1 },
      { level: 'info', kind: 'unknown-dataset', ruleId: null, count: 1 },
      { level: 'warning', kind: 'not-evaluable', ruleId: 'cin.drift', count: 1 },
      { level: 'warning', kind: 'rule-not-run', ruleId: 'homes.reg44', count: 1 },
    ]);
    expect(text).not.toContain('C1');
    expect(text).not.toContain('31/02/2016');
  });

  it('a drift list whose rule did not run says so second, after the as-of date', () => {
    const notChecked = [{ ruleId: 'cin.drift', message: 'No CIN list' }];
    expect(Object.keys(JSON.parse(jsonReport(checkResult({ exceptions: [exception('x', 'y')] }), false, notChecked)))).toEqual(['asOf', 'notChecked', 'exceptions', 'findings', 'overviews', 'summary', 'manifest']);
    expect(JSON.parse(jsonReport(checkResult(), false, notChecked)).notChecked).toEqual(notChecked);
  });
});
