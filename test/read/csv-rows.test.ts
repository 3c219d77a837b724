// The streaming CSV reader against SheetJS's own CSV reader (the reference): the same rows from
// the demo's CSV files, from awkward hand-written inputs and from random text, whatever the chunking.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { csvRows } from '../../src/read/csv-rows.js';
import { isDelimitedText } from '../../src/read/delimited-text.js';
import { MAX_QUOTED_LINES, type StrayQuote } from '../../src/read/stray-quotes.js';
import { decodeWindows1252, textReadingOf } from '../../src/read/text-encoding.js';
import type { RawCell } from '../../src/read/raw-table.js';
import { parseWorkbook, READ_OPTIONS } from '../../src/read/workbook-tables.js';
import { ROOT } from '../helpers/cli.js';

/** SheetJS's rows of a CSV file laid out as the project has always taken them: each row as wide as the used range. */
function sheetjsRows(bytes: Uint8Array): RawCell[][] {
  const sheet = XLSX.read(bytes, { ...READ_OPTIONS, type: 'array' }).Sheets['Sheet1']!;
  if (!sheet['!ref']) return [];
  const range = XLSX.utils.decode_range(sheet['!ref']);
  const data = (sheet['!data'] ?? []) as (XLSX.CellObject[] | undefined)[];
  const rows: RawCell[][] = [];
  for (let r = range.s.r; r <= range.e.r; r++) {
    const row: RawCell[] = [];
    for (let c = range.s.c; c <= range.e.c; c++) row.push((data[r]?.[c]?.v as RawCell) ?? null);
    rows.push(row);
  }
  return rows;
}

/** Rows without trailing empty cells: how wide a row is does not change what it says. */
const trimmed = (rows: RawCell[][]) =>
  rows.map((row) => {
    const out = [...row];
    while (out.length && out[out.length - 1] === null) out.pop();
    return out;
  });

/** The bytes in chunks of the given size (the reader must not care where chunks end). */
function* chunked(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

const BOM = Uint8Array.of(0xef, 0xbb, 0xbf);
const startsWithBom = (bytes: Uint8Array) => bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2];

/** Text SheetJS read as Latin-1, as Windows-1252 reads the same bytes. */
const as1252 = (cell: RawCell) => (typeof cell === 'string' ? decodeWindows1252()(latin1(cell)) : cell);

/**
 * SheetJS's rows, except where the reader parts from SheetJS on purpose: bytes which are UTF-8
 * are read as UTF-8 (for those SheetJS is given the same bytes after a byte order mark, which is
 * how it reads UTF-8), and other bytes as Windows-1252 where SheetJS reads Latin-1.
 */
function expectSameAsSheetJs(bytes: Uint8Array): void {
  const { encoding } = textReadingOf(bytes);
  const sheetjs = sheetjsRows(encoding === 'utf-8' && !startsWithBom(bytes) ? Uint8Array.from([...BOM, ...bytes]) : bytes);
  const expected = encoding === 'windows-1252' ? sheetjs.map((row) => row.map(as1252)) : sheetjs;
  expect(parseWorkbook(bytes, 'x.csv')[0]!.rows).toEqual(expected.length ? expected : [[null]]);
  for (const size of [1, 3, 1000, bytes.length || 1]) expect(trimmed([...csvRows(chunked(bytes, size), encoding)])).toEqual(trimmed(expected));
}

const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

/** Reads Latin-1 text in chunks of `size` bytes: its rows and the stray quotes found. */
function readText(text: string, size: number) {
  const reader = csvRows(chunked(latin1(text), size));
  return { rows: trimmed([...reader]), strays: reader.strayQuotes, multiLine: reader.multiLineCells, separator: reader.separator };
}

/**
 * The reader is SheetJS's CSV reader except where it finds a stray quote, which it reads as a
 * character of its cell: so its rows are SheetJS's rows of the same text with each stray quote
 * put as another character (\u0001, then put back), the separator fixed by a "sep=" line as the
 * reader guessed it from the text as it was. Without a stray quote, exactly SheetJS's rows.
 */
function expectAsSheetJsWithStrayQuotesAsText(text: string, size: number): void {
  const { rows, strays, separator } = readText(text, size);
  if (strays.length === 0) {
    expect(rows).toEqual(trimmed(sheetjsRows(latin1(text))));
    return;
  }
  const chars = [...text];
  for (const q of strays) {
    expect(chars[q.offset]).toBe('"');
    chars[q.offset] = '\u0001';
  }
  const back = (cell: RawCell) => (typeof cell === 'string' ? cell.replaceAll('\u0001', '"') : cell);
  expect(rows).toEqual(trimmed(sheetjsRows(latin1(`sep=${separator}\n${chars.join('')}`)).map((row) => row.map(back))));
}
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('streaming CSV reader', () => {
  it('reads the demo SSDA903 files as SheetJS does', () => {
    const dir = join(ROOT, 'fixtures/demo/ssda903');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.csv'))) expectSameAsSheetJs(readFileSync(join(dir, file)));
  });

  const awkward: Record<string, Uint8Array> = {
    'quoted separators and doubled quotes': latin1('A,B,C\n"x,y","say ""hi""",z\n'),
    'a newline inside quotes': latin1('A,B\n"two\nlines",2\n'),
    'CRLF, lone CR and a CR inside quotes': latin1('A,B\r\n1,2\r3,"a\rb"\r\n'),
    'a quote inside an unquoted cell': latin1('A,B\nab"c,d\n'),
    'an unterminated quote on the last line': latin1('A,B\n1,"open,and rest'),
    'a lone quote and an empty quoted cell': latin1('A,B,C\n",""," "\n'),
    'blank lines, trailing separators, no final newline': latin1('A,B\n\n1,2,,\n,\n\n3'),
    'semicolons': latin1('A;B;C\n1;2;"3;4"\n'),
    tabs: latin1('A\tB\n1\t2\n'),
    'a sep= line': latin1('sep=|\r\nA|B\n1|2\n'),
    'sep= without its line end': latin1('sep=;A;B\n1;2\n'),
    'Latin-1 bytes': latin1('Name,Town\nJos\u00e9,Br\u00e9\n'),
    'UTF-8 after a byte order mark': utf8('\ufeffName,Town\nJos\u00e9,\u00c5s \u20ac\n'),
    'UTF-8 without a byte order mark (read as UTF-8, where SheetJS reads byte by byte)': utf8('Name,\u2018Absent\u2019\nJos\u00e9,\u00c5s\n'),
    'Windows-1252 bytes that are not UTF-8 (read as Windows-1252, where SheetJS reads Latin-1)': Uint8Array.of(...latin1('Name\nJos'), 0xe9, 0x92, 0x0a),
    'empty markers kept as text': latin1('A,B\n-,N/A\n#N/A,\n'),
    'a long header past the separator guess': latin1(`${'H'.repeat(1500)},X\n1,2\n`),
    'a blank line before the header': latin1('\r\nName,Town\nA,B\n'),
    'blank lines before the header': latin1('\n\nName,Town\nA,B\n'),
    'a space before the header': latin1(' Name,Town\nA,B\n'),
    'a tab before the header': latin1('\tName,Town\nA,B\n'),
  };
  for (const [name, bytes] of Object.entries(awkward)) {
    it(`reads ${name} as SheetJS does`, () => {
      expect(isDelimitedText(bytes)).toBe(true);
      expectSameAsSheetJs(bytes);
    });
  }

  it('reads random delimited text as SheetJS does, in random chunks (a stray quote read as text)', () => {
    const alphabet = fc.constantFrom('a', 'b', '1', ',', ';', '\t', '|', '"', '\n', '\r', ' ', '\u00e9', '-');
    fc.assert(
      fc.property(fc.array(alphabet, { minLength: 1, maxLength: 80 }), fc.integer({ min: 1, max: 16 }), (chars, size) => {
        expectAsSheetJsWithStrayQuotesAsText(`a${chars.join('')}`, size);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads random lines that are mostly plain, with the odd quote or CR among them, as SheetJS does (a stray quote read as text)', () => {
    const plain = fc.constantFrom('a', 'b', '1', ' ', '\u00e9', ',', ',', '\n', '\n');
    const rare = fc.constantFrom('"', '\r', '\r\n', ';');
    fc.assert(
      fc.property(fc.array(fc.oneof({ arbitrary: plain, weight: 30 }, { arbitrary: rare, weight: 1 }), { minLength: 1, maxLength: 200 }), fc.integer({ min: 1, max: 64 }), (chars, size) => {
        expectAsSheetJsWithStrayQuotesAsText(`a,b${chars.join('')}`, size);
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves workbooks and other formats to SheetJS', () => {
    for (const head of ['PK\u0003\u0004', '\u00d0\u00cf\u0011\u00e0', '<html>', 'ID;P', '{\\rtf', '\u00ff\u00fe']) expect(isDelimitedText(latin1(head)), head).toBe(false);
  });
});

describe('a stray quote (issue 24): no row is swallowed, and the reader says where', () => {
  const HEADER = 'Child Unique ID,CIN Start Date,CIN Closure Date,Allocated Team,Allocated Worker';
  /** A List 6 of `n` children; every tenth worker's name (children 5, 15, ...) holds a comma, so it is quoted; `worker` overrides a row's worker cell as written. */
  function list6(n: number, worker: Record<number, string> = {}): string {
    const lines = [HEADER];
    for (let i = 1; i <= n; i++) lines.push(`C${i},01/06/2016,,Team ${i % 7},${worker[i] ?? (i % 10 === 5 ? `"Smith, Jo ${i}"` : `Worker ${i}`)}`);
    return `${lines.join('\r\n')}\r\n`;
  }
  const ids = (rows: RawCell[][]) => rows.slice(1).map((r) => r[0]);
  const every = (n: number) => Array.from({ length: n }, (_, i) => `C${i + 1}`);

  it('in a 1,000-row file, a name typed "O\'Brien (its quote never closed) takes in no row, whatever the chunks', () => {
    const text = list6(1000, { 6: '"O\'Brien', 996: '"O\'Neill' });
    for (const size of [1, 7, 4096, text.length]) {
      const { rows, strays } = readText(text, size);
      expect(rows).toHaveLength(1001);
      expect(ids(rows)).toEqual(every(1000));
      expect(rows[6]![4]).toBe('"O\'Brien');
      expect(rows[996]![4]).toBe('"O\'Neill');
      expect(strays.map(({ row, column, lines, reason }) => ({ row, column, lines, reason }))).toEqual([
        { row: 7, column: 4, lines: 9, reason: 'takes-in-rows' },
        { row: 997, column: 4, lines: 4, reason: 'never-closed' },
      ]);
    }
  });

  it('a quoted cell that runs across a few line breaks is legal CSV and is read as one cell', () => {
    const text = `${HEADER}\nC1,01/06/2016,,"Team North\nFloor 2, Room 3\nBlock B",Worker A\nC2,01/06/2016,,Team South,Worker B\n`;
    const { rows, strays } = readText(text, 5);
    expect(strays).toEqual([]);
    expect(rows).toEqual([HEADER.split(','), ['C1', '01/06/2016', null, 'Team North\nFloor 2, Room 3\nBlock B', 'Worker A'], ['C2', '01/06/2016', null, 'Team South', 'Worker B']]);
  });

  it(`a quote not closed within ${MAX_QUOTED_LINES} lines is a stray one, even where lines do not look like rows`, () => {
    const lines = ['ID,Name', '1,"Stray', ...Array.from({ length: 150 }, (_, i) => `${i + 2},Name ${i + 2}`), '152,Closing" quote', '153,Last'];
    const { rows, strays } = readText(`${lines.join('\n')}\n`, 100);
    expect(rows).toHaveLength(lines.length);
    expect(rows[1]).toEqual(['1', '"Stray']);
    expect(strays.map(({ row, reason }) => ({ row, reason }))).toEqual([{ row: 2, reason: 'too-many-lines' }]);
  });

  it('reports each stray quote as a finding naming the row and the lines it would have taken in', () => {
    const text = list6(20, { 3: '"O\'Brien' });
    const table = parseWorkbook(latin1(text), 'list6.csv')[0]!;
    expect(table.rows).toHaveLength(21);
    expect(table.readFindings?.()).toEqual([
      {
        file: 'list6.csv',
        row: 4,
        kind: 'suspicious-value',
        level: 'warning',
        message:
          'A quote opens the cell in column E and would take in the 2 line(s) after it, up to its closing quote, as one cell, and they look like rows of their own: read as a stray quote, part of the cell\'s text, so each of those lines is read as its own row. Check the cell (a name such as "O\'Brien typed with a quote?)',
      },
    ]);
  });

  describe('in a file of two columns, or in the header row', () => {
    const LOG = 'Worker ID,Supervision Date';
    /** A supervision log (worker, date) of `n` rows; `worker` overrides a row's worker cell as written. */
    function log(n: number, worker: Record<number, string> = {}): string {
      return `${[LOG, ...Array.from({ length: n }, (_, i) => `${worker[i + 1] ?? `W${1001 + i}`},${String((i % 28) + 1).padStart(2, '0')}/01/2016`)].join('\r\n')}\r\n`;
    }
    const strayOf = (strays: readonly StrayQuote[]) => strays.map(({ row, column, lines, reason }) => ({ row, column, lines, reason }));

    it('a worker typed "O\'Brien, closed 5 lines later by the next quoted name, takes in no row', () => {
      const text = log(20, { 3: '"O\'Brien', 8: '"Smith, Jo"' });
      for (const size of [1, 7, text.length]) {
        const { rows, strays } = readText(text, size);
        expect(rows).toHaveLength(21);
        expect(rows.slice(1).map((r) => r[1])).toEqual(Array.from({ length: 20 }, (_, i) => `${String(i + 1).padStart(2, '0')}/01/2016`));
        expect(rows[3]).toEqual(['"O\'Brien', '03/01/2016']);
        expect(strayOf(strays)).toEqual([{ row: 4, column: 0, lines: 5, reason: 'takes-in-rows' }]);
      }
      const twoLines = readText(log(20, { 3: '"O\'Brien', 5: '"Smith, Jo"' }), 4);
      expect(twoLines.rows).toHaveLength(21);
      expect(strayOf(twoLines.strays)).toEqual([{ row: 4, column: 0, lines: 2, reason: 'takes-in-rows' }]);
    });

    it('a worker typed "O\'Brien, closed 5 lines later by a name typed Jones" (a quote that closes cleanly), takes in no row', () => {
      const { rows, strays } = readText(log(20, { 3: '"O\'Brien', 8: 'Jones"' }), 5);
      expect(rows).toHaveLength(21);
      expect(rows[8]).toEqual(['Jones"', '08/01/2016']);
      expect(strayOf(strays)).toEqual([{ row: 4, column: 0, lines: 5, reason: 'takes-in-rows' }]);
    });

    it('a worker typed "O\'Brien, closed the next line by a name typed Jones" (one line taken in, as a legal note would be): one cell, named in a note', () => {
      const text = log(20, { 3: '"O\'Brien', 4: 'Jones"' });
      const { rows, strays } = readText(text, 6);
      expect(rows).toHaveLength(20);
      expect(rows[3]).toEqual(['O\'Brien,03/01/2016\r\nJones', '04/01/2016']);
      expect(strays).toEqual([]);
      const table = parseWorkbook(latin1(text), 'supervision.csv')[0]!;
      expect(table.readFindings?.()).toEqual([
        {
          file: 'supervision.csv',
          row: 4,
          kind: 'suspicious-value',
          level: 'info',
          message:
            '1 quoted cell(s) run across lines (row 4), each read as one cell, as Excel reads it: in a file of two columns, a row may be inside one. If a row seems missing there, look for a quote typed by mistake (a name such as "O\'Brien) that a later quote closed.',
        },
      ]);
    });

    it('a stray quote in the header row takes in no row, in a narrow file or a wide one', () => {
      const narrow = readText(log(10, { 5: '"Smith, Jo"' }).replace('Supervision Date', '"Supervision Date'), 3);
      expect(narrow.rows).toHaveLength(11);
      expect(narrow.rows[0]).toEqual(['Worker ID', '"Supervision Date']);
      expect(strayOf(narrow.strays)).toEqual([{ row: 1, column: 1, lines: 5, reason: 'takes-in-rows' }]);
      const wide = readText(`${HEADER.replace('CIN Start', '"CIN Start')}\nC1,01/06/2016,,Team 1,Worker 1\nC2,01/06/2016,,"North, East",Worker 2\n`, 4);
      expect(wide.rows).toHaveLength(3);
      expect(strayOf(wide.strays)).toEqual([{ row: 1, column: 1, lines: 2, reason: 'takes-in-rows' }]);
    });

    it('a note in a quoted cell that runs across lines, commas and all, is legal CSV and is read as one cell', () => {
      const note = 'Visited at home.\nMet mother, father absent.\nSpoke to school, no concerns.\nNext visit in 4 weeks, by 12/02.';
      const opened = 'Visited, at home\nMet mother, father absent\nNext visit, 4 weeks';
      const terse = 'Called at 10:00\nMum,Dad present\nNo concerns\nTel 0123,no answer\nLeft message';
      const short = 'Seen at 10:00\nMum,Dad present\nAll well';
      const text = `Child ID,Note\nC1,"${note}"\nC2,Seen alone\nC3,"${opened}"\nC4,"Called ""Mum"", no answer\nLeft message, will retry"\nC5,"${terse}"\nC6,"${short}"\n`;
      for (const size of [1, 5, text.length]) {
        const { rows, strays, multiLine } = readText(text, size);
        expect(strays).toEqual([]);
        expect(multiLine.map((c) => c.row)).toEqual([2, 4, 5, 6, 7]);
        expect(rows).toEqual([['Child ID', 'Note'], ['C1', note], ['C2', 'Seen alone'], ['C3', opened], ['C4', 'Called "Mum", no answer\nLeft message, will retry'], ['C5', terse], ['C6', short]]);
      }
    });
  });

  it('in a UTF-16 file (Excel\'s "Unicode text"), little- or big-endian, as in UTF-8: every row read, the stray quote a finding', () => {
    const text = list6(20, { 3: '"O\'Brien', 8: 'Zo\u00eb \u0152uvre' });
    const utf16le = Uint8Array.from([0xff, 0xfe, ...[...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    const utf16be = Uint8Array.from([0xfe, 0xff, ...[...text].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff])]);
    for (const bytes of [utf16le, utf16be]) {
      const table = parseWorkbook(bytes, 'list6.csv')[0]!;
      expect(ids(table.rows as RawCell[][])).toEqual(every(20));
      expect(table.rows[3]![4]).toBe('"O\'Brien');
      expect(table.rows[8]![4]).toBe('Zo\u00eb \u0152uvre');
      expect(table.readFindings?.().map((f) => [f.row, f.kind])).toEqual([[4, 'suspicious-value']]);
    }
  });
});

describe('a range of a file\'s rows, read with the separator given (issue 28)', () => {
  const utf8 = (text: string) => new TextEncoder().encode(text);
  const read = (text: string, separator: string | undefined, size = 1000) => {
    const reader = csvRows(chunked(utf8(text), size), 'utf-8', undefined, separator);
    return { rows: [...reader], reader };
  };

  it('splits on the separator given from the first byte, where a guess would have taken another', () => {
    const text = 'C1;x;y,1\nC2;x;y,2\n';
    for (const size of [1, 4, 1000]) expect(read(text, ',', size).rows).toEqual([['C1;x;y', '1'], ['C2;x;y', '2']]);
    expect(read(text, undefined).rows).toEqual([['C1', 'x', 'y,1'], ['C2', 'x', 'y,2']]);
    expect(read(text, ',').reader.separator).toBe(',');
    expect(read('a\tb;c\n', '\t').rows).toEqual([['a', 'b;c']]);
  });

  it('reads a first line "sep=;" as a row like any other', () => {
    expect(read('sep=;\nC1;2\n', ',').rows).toEqual([['sep=;'], ['C1;2']]);
    expect(read('sep=;\nC1;2\n', undefined).rows).toEqual([['C1', '2']]);
  });

  it('counts the rows given so far', () => {
    const reader = csvRows(chunked(utf8('C1,1\nC2,2\nC3,3\n'), 5), 'utf-8', undefined, ',');
    expect([reader.rowsRead, reader.linesInQuotes, reader.endedInQuote]).toEqual([0, 0, false]);
    reader.next();
    expect(reader.rowsRead).toBe(1);
    expect([...reader].length).toBe(2);
    expect(reader.rowsRead).toBe(3);
  });

  it('counts the line breaks taken into quoted cells, and says whether the text ended inside one', () => {
    const plain = read('C1,"a, b"\nC2,c\n', ',').reader;
    expect([plain.rowsRead, plain.linesInQuotes, plain.endedInQuote]).toEqual([2, 0, false]);
    const quoted = read('C1,"a\nb\r\nc"\nC2,d\n', ',');
    expect(quoted.rows).toEqual([['C1', 'a\nb\r\nc'], ['C2', 'd']]);
    expect([quoted.reader.rowsRead, quoted.reader.linesInQuotes, quoted.reader.endedInQuote]).toEqual([2, 2, false]);
    const unclosed = read('C1,"a\nC2,d', ',').reader;
    expect([unclosed.linesInQuotes, unclosed.endedInQuote]).toEqual([1, true]);
    const unclosedOnItsLine = read('C1,a\nC2,"d', ',').reader;
    expect([unclosedOnItsLine.linesInQuotes, unclosedOnItsLine.endedInQuote]).toEqual([0, true]);
  });
});
