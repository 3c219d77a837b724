// Rows that cannot be read where they stand, as `comply drift` tells a user of them: a data row
// above the header row (a sort that took the header with it) and a CSV row with more cells than
// its header (an unquoted comma in a value). Each is named in a finding and not judged; title and
// notes rows above the header, and rows padded with empty cells, give no finding.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { complyHere, tempDir } from '../helpers/cli.js';

interface Report {
  exceptions: { subject: string; source: { row: number } }[];
  findings: { file: string; sheet?: string; row?: number; column?: string; kind: string; level: string; dataset?: string; message: string }[];
  summary: {
    inputs: { sheet?: string; headerRow: number | null; rows: number; evaluated: number; reported: number; blankRows: number }[];
    rows: { read: number; evaluated: number; reported: number };
  };
}

const HEADER = [
  'Child Unique ID', 'Gender', 'Ethnicity', 'Date of Birth', 'Age', 'Does the Child have a Disability', 'CIN Start Date',
  'Primary Need Code', 'Date Child Was Last Seen', 'CIN Closure Date', 'Reason for Closure', 'Case Status', 'Allocated Team', 'Allocated Worker',
];

/** A List 6 row: a case open since `start`, last seen `seen`, closed on `closed` (or open). */
const child = (id: string, start: string, seen: string, closed = '') => [
  id, 'a) Male', 'a) WBRI', '11/09/2007', '9', 'b) No', start, 'N4 - Family in acute stress', seen, closed, closed ? 'RC8' : '', closed ? 'f) Closed' : 'c) Child in need plan', 'Team A', 'Worker One',
];

const drift = async (files: Record<string, string | Uint8Array>): Promise<Report> => {
  const dir = tempDir();
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  const run = await complyHere('drift', '--format', 'json', '--data', dir, '--as-of', '2017-01-18');
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as Report;
};

const csv = (rows: readonly (readonly string[])[]) => `${rows.map((r) => r.join(',')).join('\r\n')}\r\n`;
const notRead = (report: Report) => report.findings.filter((f) => f.kind === 'row-not-read');
const inputs = (report: Report) => report.summary.inputs.map(({ headerRow, rows, evaluated, reported }) => ({ headerRow, rows, evaluated, reported }));

const ABOVE = (headerRow: number, filled: number, of: number) =>
  `Above the header row (row ${headerRow}), yet it looks like a data row (values in ${filled} of the ${of} columns the checker reads): it was not read, so it was not checked. Was the header row moved, by a sort?`;

describe('a data row above the header row', () => {
  it('in a CSV file: each is named, with the header row, and none is judged or counted in Rows', async () => {
    const report = await drift({
      'list6.csv': csv([
        child('D1', '01/01/2016', '23/11/2016'),
        child('D2', '04/08/2016', '31/12/2016', '05/01/2017'),
        HEADER,
        child('C1', '01/02/2016', '23/11/2016'),
        child('C2', '01/12/2016', '31/12/2016'),
      ]),
    });
    expect(notRead(report)).toEqual([
      { file: expect.stringMatching(/list6\.csv$/), row: 1, kind: 'row-not-read', level: 'warning', dataset: 'annex-a-list-6', message: ABOVE(3, 12, 14) },
      { file: expect.stringMatching(/list6\.csv$/), row: 2, kind: 'row-not-read', level: 'warning', dataset: 'annex-a-list-6', message: ABOVE(3, 14, 14) },
    ]);
    expect(report.exceptions.map((e) => [e.subject, e.source.row])).toEqual([['C1', 4]]);
    expect(inputs(report)).toEqual([{ headerRow: 3, rows: 2, evaluated: 2, reported: 0 }]);
  });

  it('in a workbook: title and column notes rows above the header give no finding, nor a note past the header; a data row among them does', async () => {
    const notes = HEADER.map((h) => (/Date/.test(h) ? 'dd/mm/yyyy' : h === 'Age' ? 'years' : 'as recorded'));
    const sheet = XLSX.utils.aoa_to_sheet([
      ['Annex A List 6 - children in need'],
      ['Extracted 18/01/2017', null, null, 'Local authority:', 'Durham'],
      child('D1', '01/01/2016', '23/11/2016'),
      notes,
      [],
      HEADER,
      [...child('C1', '01/02/2016', '23/11/2016'), 'a note in a column with no header'],
    ]);
    const workbook = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(workbook, sheet, 'List 6');
    const report = await drift({ 'annex-a.xlsx': XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array });
    expect(report.findings.filter((f) => f.kind !== 'rule-not-run').map((f) => [f.kind, f.sheet, f.row, f.message])).toEqual([['row-not-read', 'List 6', 3, ABOVE(6, 12, 14)]]);
    expect(report.exceptions.map((e) => [e.subject, e.source.row])).toEqual([['C1', 7]]);
    expect(inputs(report)).toEqual([{ headerRow: 6, rows: 1, evaluated: 1, reported: 0 }]);
  });

  it('at its edges: values under half the columns read (7 of 14) and as many dates and numbers readable as not, but not one value fewer', async () => {
    const blank = (values: string[]) => [...values, ...Array<string>(HEADER.length - values.length).fill('')];
    const half = blank(['D7', 'a) Male', 'a) WBRI', '11/09/2007', '9', 'b) No', '01/01/2016']);
    const lessThanHalf = blank(['D6', 'a) Male', 'a) WBRI', '11/09/2007', '9', 'b) No']);
    const evenlyRead = child('D9', '01/01/2016', 'not known').map((v, i) => (HEADER[i] === 'Age' ? 'nine' : v));
    const report = await drift({ 'list6.csv': csv([half, lessThanHalf, evenlyRead, HEADER, child('C1', '01/02/2016', '23/11/2016')]) });
    expect(notRead(report).map((f) => [f.row, f.message])).toEqual([
      [1, ABOVE(4, 7, 14)],
      [3, ABOVE(4, 12, 14)],
    ]);
  });

  it('a title across a few cells is not a data row', async () => {
    const report = await drift({
      'list6.csv': csv([
        ['Children in need', 'Run 18/01/2017', 'Durham', '', '', '', '', '', '', '', '', '', '', ''],
        HEADER,
        child('C1', '01/02/2016', '23/11/2016'),
      ]),
    });
    expect(notRead(report)).toEqual([]);
  });
});

describe('a CSV row with more cells than its header row', () => {
  const shifted = (row: string[], at: number, extra: string) => [...row.slice(0, at + 1), extra, ...row.slice(at + 1)];

  it('an unquoted comma in a value: the row is named, with the first column past the header, and not judged', async () => {
    const report = await drift({
      'list6.csv': csv([
        HEADER,
        child('C1', '01/02/2016', '23/11/2016'),
        // "N4 - Family in acute stress, dysfunction" unquoted: the last-seen date lands in CIN Closure Date.
        shifted(child('C2', '01/01/2016', '31/12/2016'), 7, ' dysfunction'),
        child('C3', '01/12/2016', '31/12/2016'),
      ]),
    });
    expect(report.findings.filter((f) => f.kind !== 'rule-not-run')).toEqual([
      {
        file: expect.stringMatching(/list6\.csv$/),
        row: 3,
        kind: 'row-not-read',
        level: 'warning',
        dataset: 'annex-a-list-6',
        message: 'Has 1 more cell than the header row (a value in column O, past the last header): a separator inside a value, such as an unquoted comma? Its values may be in the wrong columns, so the row was not read and not checked (a column that is meant to be there needs a header)',
      },
    ]);
    expect(report.exceptions.map((e) => e.subject)).toEqual(['C1']);
    expect(inputs(report)).toEqual([{ headerRow: 1, rows: 3, evaluated: 2, reported: 1 }]);
    expect(report.summary.rows).toMatchObject({ read: 3, evaluated: 2, reported: 1 });
  });

  it('counts the cells to the last one filled, and names the first filled past the header', async () => {
    const report = await drift({ 'list6.csv': csv([HEADER, [...child('C1', '01/02/2016', '23/11/2016'), '', 'x', '', 'y', '', '']]) });
    expect(notRead(report).map((f) => [f.row, f.message.slice(0, f.message.indexOf(':'))])).toEqual([[2, 'Has 4 more cells than the header row (a value in column P, past the last header)']]);
  });

  it('rows padded with empty cells, and a header ending in empty cells, give no finding', async () => {
    const report = await drift({
      'list6.csv': csv([
        [...HEADER, '', ''],
        [...child('C1', '01/02/2016', '23/11/2016'), '', ''],
        [...child('C2', '01/12/2016', '31/12/2016'), ' ', '-'],
        child('C3', '01/12/2016', '31/12/2016'),
      ]),
    });
    expect(notRead(report)).toEqual([]);
    expect(inputs(report)).toEqual([{ headerRow: 1, rows: 3, evaluated: 3, reported: 0 }]);
  });
});
