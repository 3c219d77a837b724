// What the CSV reader tells a user about stray quotes and quoted cells that run across lines:
// the findings of a file read whole, word for word, with the rows they are about.
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { columnName, MAX_QUOTED_LINES } from '../../src/read/stray-quotes.js';
import { parseWorkbook } from '../../src/read/workbook-tables.js';

const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const read = (text: string, file = 'list.csv') => parseWorkbook(latin1(text), file)[0]!;
const CHECK = 'read as a stray quote, part of the cell\'s text, so each of those lines is read as its own row. Check the cell (a name such as "O\'Brien typed with a quote?)';

describe('a stray quote, as the user is told of it', () => {
  it('a quote never closed, in column C of row 3, names the lines to the end of the file', () => {
    const table = read('ID,Team,Worker\n1,North,Ann\n2,South,"Bob\n3,East,Cy\n4,West,Di\n');
    expect(table.rows).toHaveLength(5);
    expect(table.rows[2]).toEqual(['2', 'South', '"Bob']);
    expect(table.readFindings?.()).toEqual([
      {
        file: 'list.csv',
        row: 3,
        kind: 'suspicious-value',
        level: 'warning',
        message: `A quote opens the cell in column C and is never closed, so it would take in the 2 line(s) after it, to the end of the file, as one cell: ${CHECK}`,
      },
    ]);
  });

  it(`a quote not closed within ${MAX_QUOTED_LINES} lines: the message names the limit, not the lines counted`, () => {
    const lines = ['ID,Name', '1,"Stray', ...Array.from({ length: 150 }, (_, i) => `${i + 2},Name ${i + 2}`), '152,Closing" quote'];
    const table = read(`${lines.join('\n')}\n`);
    expect(table.rows).toHaveLength(lines.length);
    expect(table.readFindings?.()).toEqual([
      {
        file: 'list.csv',
        row: 2,
        kind: 'suspicious-value',
        level: 'warning',
        message: `A quote opens the cell in column B and is not closed within the 100 lines after it, so it would take in more than 100 lines as one cell: ${CHECK}`,
      },
    ]);
  });

  it('names the column as Excel does, from A to XFD (its last), as SheetJS names it', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702, 16383].map(columnName)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
    const columns = Array.from({ length: 16384 }, (_, c) => c);
    expect(columns.map(columnName)).toEqual(columns.map((c) => XLSX.utils.encode_col(c)));
  });

  it('a file with neither stray quotes nor cells across lines has no finding', () => {
    expect(read('ID,Note\n1,"one line, quoted"\n2,plain\n').readFindings?.()).toEqual([]);
  });
});

describe('a CSV file led by a blank line, a space or a tab: read as any other, its stray quotes found', () => {
  it.each([
    ['\r\n', 1],
    ['\n\n', 2],
    [' ', 0],
    ['\t', 0],
  ])('led by %j: every row read, the quote named in its row', (lead, blankLines) => {
    const table = read(`${lead}ID,Team,Worker\n1,North,Ann\n2,South,"Bob\n3,East,Cy\n4,West,Di\n`);
    expect(table.rows.filter((cells) => cells.some((c) => c !== null && c !== ''))).toHaveLength(5);
    expect(table.rows[2 + blankLines]).toEqual(['2', 'South', '"Bob']);
    expect(table.readFindings?.()).toEqual([
      {
        file: 'list.csv',
        row: 3 + blankLines,
        kind: 'suspicious-value',
        level: 'warning',
        message: `A quote opens the cell in column C and is never closed, so it would take in the 2 line(s) after it, to the end of the file, as one cell: ${CHECK}`,
      },
    ]);
  });
});

describe('quoted cells across lines in a file of two columns: one note, naming the first five rows', () => {
  /** A two-column file whose rows `at` hold a note of two lines. */
  const notes = (at: number[], n = 10) =>
    `Child ID,Note\n${Array.from({ length: n }, (_, i) => `C${i + 1},${at.includes(i + 2) ? '"Seen at home\nAll well"' : 'Seen'}`).join('\n')}\n`;
  const note = (text: string) => read(text, 'notes.csv').readFindings?.() ?? [];

  it('five cells: every row named, no more', () => {
    const findings = note(notes([3, 4, 6, 8, 9]));
    expect(findings).toEqual([
      {
        file: 'notes.csv',
        row: 3,
        kind: 'suspicious-value',
        level: 'info',
        message:
          '5 quoted cell(s) run across lines (rows 3, 4, 6, 8, 9), each read as one cell, as Excel reads it: in a file of two columns, a row may be inside one. If a row seems missing there, look for a quote typed by mistake (a name such as "O\'Brien) that a later quote closed.',
      },
    ]);
  });

  it('seven cells: the first five rows, and how many more', () => {
    const table = read(notes([2, 3, 5, 6, 7, 10, 11]), 'notes.csv');
    expect(table.rows).toHaveLength(11);
    expect(table.rows[1]).toEqual(['C1', 'Seen at home\nAll well']);
    const [finding, ...others] = table.readFindings?.() ?? [];
    expect(others).toEqual([]);
    expect(finding?.row).toBe(2);
    expect(finding?.message).toMatch(/^7 quoted cell\(s\) run across lines \(rows 2, 3, 5, 6, 7 and 2 more\), each read as one cell/);
  });
});
