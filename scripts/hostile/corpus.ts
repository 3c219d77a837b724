/**
 * The corpus of broken and hostile inputs under test/hostile/corpus/: each file is one thing
 * that goes wrong in real extracts. Deterministic (fixed workbook properties, no randomness),
 * so `npm run generate:hostile` rewrites the same bytes. All people are fake.
 */
import * as XLSX from 'xlsx';

/** A fake name and address put into bad cells: it must never reach stderr. */
export const FAKE_PERSON = 'Tobias Fakename, 12 Nowhere Lane';

const FIXED_TIME = new Date(Date.UTC(2000, 0, 1));
const HEADER = ['Child Unique ID', 'CIN Start Date', 'CIN Closure Date', 'Allocated Team', 'Allocated Worker'];
/** 18/07/2016 and 01/06/2016 as Excel serials: both more than six months before 18/01/2017. */
const JULY_2016 = 42569;
const JUNE_2016 = 42522;

type Cell = string | number | null | XLSX.CellObject;
interface Sheet {
  name: string;
  rows: Cell[][];
  merges?: string[];
  hidden?: boolean;
  hiddenRows?: number[];
  hiddenCols?: number[];
}

function sheetOf(spec: Sheet): XLSX.WorkSheet {
  const ws = XLSX.utils.aoa_to_sheet([[]]);
  spec.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell === null) return;
      ws[XLSX.utils.encode_cell({ r, c })] = typeof cell === 'object' ? cell : typeof cell === 'number' ? { t: 'n', v: cell } : { t: 's', v: cell };
    }),
  );
  const width = Math.max(...spec.rows.map((r) => r.length), 1);
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(spec.rows.length - 1, 0), c: width - 1 } });
  if (spec.merges) ws['!merges'] = spec.merges.map((m) => XLSX.utils.decode_range(m));
  if (spec.hiddenRows) ws['!rows'] = spec.rows.map((_, r) => (spec.hiddenRows!.includes(r) ? { hidden: true } : {}));
  if (spec.hiddenCols) ws['!cols'] = Array.from({ length: width }, (_, c) => (spec.hiddenCols!.includes(c) ? { hidden: true } : {}));
  return ws;
}

function workbook(sheets: Sheet[], bookType: XLSX.BookType = 'xlsx'): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const s of sheets) XLSX.utils.book_append_sheet(wb, sheetOf(s), s.name);
  wb.Workbook = { Sheets: sheets.map((s) => ({ name: s.name, Hidden: s.hidden ? 1 : 0 })) };
  wb.Props = { Title: 'csc-comply hostile corpus', CreatedDate: FIXED_TIME, ModifiedDate: FIXED_TIME };
  return new Uint8Array(XLSX.write(wb, { bookType, type: 'buffer', compression: true, Props: wb.Props }) as Buffer);
}

const text = (s: string) => new TextEncoder().encode(s);
const field = (c: string | null, sep: string) => (c === null ? '' : c.includes(sep) || c.includes('"') ? `"${c.replace(/"/g, '""')}"` : c);
const csv = (rows: (string | null)[][], sep = ',') => text(`${rows.map((r) => r.map((c) => field(c, sep)).join(sep)).join('\r\n')}\r\n`);
const list6 = (rows: Cell[][], name = 'List 6'): Sheet => ({ name, rows: [HEADER, ...rows] });

function utf16le(s: string): Uint8Array {
  const out = new Uint8Array(2 + s.length * 2);
  out.set([0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) {
    out[2 + 2 * i] = s.charCodeAt(i) & 0xff;
    out[3 + 2 * i] = s.charCodeAt(i) >> 8;
  }
  return out;
}

/** Sets a little-endian 32-bit field at every central-directory entry of a zip: here, each part's declared uncompressed size. */
function declareHugeParts(zip: Uint8Array): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 46 <= out.length; i++) {
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 0xfff00000, true);
  }
  return out;
}

/** An Office file encrypted with a password is an OLE compound file holding these two streams. */
function passwordProtected(): Uint8Array {
  const cfb = XLSX.CFB.utils.cfb_new();
  const info = new Uint8Array(64);
  info.set([4, 0, 4, 0, 0x40, 0, 0, 0]);
  XLSX.CFB.utils.cfb_add(cfb, 'EncryptionInfo', info);
  XLSX.CFB.utils.cfb_add(cfb, 'EncryptedPackage', new Uint8Array(512).map((_, i) => (i * 37) % 256));
  return new Uint8Array(XLSX.CFB.write(cfb, { type: 'buffer' }) as Buffer);
}

/** A workbook whose sheet declares the whole grid (A1:XFD1048576) around two rows, as whole-row formatting leaves it. */
function wholeGridDeclared(): Uint8Array {
  const zip = XLSX.CFB.read(workbook([list6([['G1', JUNE_2016, null, 'T', 'W']])]), { type: 'array' });
  const part = XLSX.CFB.find(zip, '/xl/worksheets/sheet1.xml')!;
  const xml = new TextDecoder().decode(part.content as Uint8Array).replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>');
  part.content = text(xml);
  return new Uint8Array(XLSX.CFB.write(zip, { fileType: 'zip', type: 'buffer' }) as Buffer);
}

/** A workbook as a program that writes formulas but never calculates them saves it: B2 (a date) and C3 hold a formula and no value. */
function formulasNotSaved(): Uint8Array {
  const zip = XLSX.CFB.read(workbook([list6([['N1', JUNE_2016, null, 'T', 'W'], ['N2', JUNE_2016, 'x', 'T', 'W']])]), { type: 'array' });
  const part = XLSX.CFB.find(zip, '/xl/worksheets/sheet1.xml')!;
  const xml = new TextDecoder()
    .decode(part.content as Uint8Array)
    .replace(/<c r="B2"[^>]*>.*?<\/c>/, '<c r="B2"><f>DATE(2016,6,1)</f></c>')
    .replace(/<c r="C3"[^>]*>.*?<\/c>/, '<c r="C3"><f>B3+30</f><v></v></c>');
  part.content = text(xml);
  return new Uint8Array(XLSX.CFB.write(zip, { fileType: 'zip', type: 'buffer' }) as Buffer);
}

function notAWorkbookZip(): Uint8Array {
  const cfb = XLSX.CFB.utils.cfb_new();
  XLSX.CFB.utils.cfb_add(cfb, 'word/document.xml', text('<w:document/>'));
  return new Uint8Array(XLSX.CFB.write(cfb, { fileType: 'zip', type: 'buffer' }) as Buffer);
}

const good = workbook([list6([['C100', JULY_2016, null, 'Team North', 'Worker A']])]);

/** File name -> bytes. */
export function hostileCorpus(): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const add = (name: string, bytes: Uint8Array) => files.set(name, bytes);

  add('not-a-spreadsheet.xlsx', new Uint8Array(256).map((_, i) => (i * 131 + 7) % 256));
  add('minutes.pdf.csv', text(`%PDF-1.4\n% ${FAKE_PERSON}\n1 0 obj << /Type /Catalog >> endobj\n`));
  add('truncated.xlsx', good.slice(0, Math.floor(good.length / 2)));
  add('not-a-workbook.xlsx', notAWorkbookZip());
  add('password-protected.xlsx', passwordProtected());
  add('zip-bomb.xlsx', declareHugeParts(good));
  add('empty.csv', new Uint8Array(0));
  add('old-format.xls', workbook([list6([['C101', JULY_2016, null, 'Team North', 'Worker A'], ['C102', '01/06/2016', null, 'Team South', 'Worker B']])], 'biff8'));
  add('binary-workbook.xlsb', workbook([list6([['B1', JUNE_2016, null, 'T', 'W']])], 'xlsb'));
  add('headers-only.xlsx', workbook([list6([])]));
  add('title-rows.xlsx', workbook([{ name: 'List 6', rows: [['Annex A: List 6'], ['Run on 18/01/2017'], [], HEADER, ['C103', JUNE_2016, null, 'Team North', 'Worker A']] }]));
  add('duplicate-headers.csv', csv([[...HEADER, 'CIN Start Date'], ['C104', '01/06/2016', '', 'Team North', 'Worker A', '02/06/2016']]));
  add('missing-column.csv', csv([HEADER.filter((h) => h !== 'CIN Closure Date'), ['C105', '01/06/2016', 'Team North', 'Worker A']]));
  add('no-dataset.csv', csv([['Name', 'Address', 'Phone'], [FAKE_PERSON, 'Somewhere', '000']]));
  add('no-known-header.csv', csv([['Colour', 'Shape'], ['Red', 'Square']]));
  add('utf8-bom.csv', new Uint8Array([0xef, 0xbb, 0xbf, ...csv([HEADER, ['007', '01/06/2016', '', 'Team North', 'Worker A']])]));
  add('utf16.csv', utf16le(`${[HEADER, ['008', '01/06/2016', '', 'Team North', 'Worker A']].map((r) => r.join('\t')).join('\r\n')}\r\n`));
  add('semicolon.csv', csv([HEADER, ['009', '01/06/2016', '', 'Team North', 'Worker A']], ';'));
  add('mixed-dates.csv', csv([
    HEADER,
    ['D1', '01/06/2016', '', 'T', 'W'],
    ['D2', '1/6/2016', '', 'T', 'W'],
    ['D3', '2016-06-01', '', 'T', 'W'],
    ['D4', '01-06-2016', '', 'T', 'W'],
    ['D5', '01.06.2016', '', 'T', 'W'],
    ['D6', '1st June 2016', '', 'T', 'W'],
    ['D7', FAKE_PERSON, '', 'T', 'W'],
  ]));
  add('impossible-date.csv', csv([HEADER, ['E1', '31/02/2017', '', 'T', 'W']]));
  add('us-dates.csv', csv([
    HEADER,
    ['U1', '06/13/2016', '', 'T', 'W'],
    ['U2', '06/25/2016', '', 'T', 'W'],
    ['U3', '03/04/2016', '', 'T', 'W'],
    ['U4', '2016-06-01', '', 'T', 'W'],
  ]));
  add('serial-60.xlsx', workbook([list6([['S60', 60, null, 'T', 'W'], ['S61', 61, null, 'T', 'W']])]));
  add('date-times.xlsx', workbook([list6([['T1', JUNE_2016 + 0.75, null, 'T', 'W'], ['T2', '01/06/2016 14:30', null, 'T', 'W'], ['T3', '2016-06-01T14:30:00Z', null, 'T', 'W']])]));
  add('formulas.xlsx', workbook([list6([
    ['F1', { t: 'n', v: JUNE_2016, f: 'DATE(2016,6,1)' }, null, 'T', 'W'],
    ['F2', { t: 'n', v: JUNE_2016 + 1, f: 'B2+1' }, { t: 'e', v: 0x2a, f: 'NA()' }, 'T', 'W'],
  ])]));
  add('merged-hidden.xlsx', workbook([{
    ...list6([
      ['M1', JULY_2016, null, 'Team Merged', 'Worker A'],
      ['M2', JUNE_2016, null, null, 'Worker B'],
      ['M3', JUNE_2016, null, null, 'Worker C'],
    ]),
    merges: ['D2:D4'],
    hiddenRows: [2],
    hiddenCols: [4],
  }]));
  add('whole-grid.xlsx', wholeGridDeclared());
  add('hidden-sheet.xlsx', workbook([{ name: 'Cover', rows: [['Annex A return']] }, { ...list6([['H1', JUNE_2016, null, 'T', 'W']], 'List 6'), hidden: true }]));
  add('long-cell.csv', csv([HEADER, ['L1', 'x'.repeat(100_000), '', 'y'.repeat(100_000), 'W'], ['L2', '01/06/2016', '', 'T', 'W']]));
  add('same-child-twice.csv', csv([HEADER, ['C200', '01/06/2016', '', 'T', 'W'], ['C200', '01/06/2016', '', 'T', 'W']]));
  add('proto-headers.csv', csv([['__proto__', 'constructor', 'prototype', ...HEADER], ['{"polluted":1}', 'x', 'y', 'P1', '01/06/2016', '', 'T', 'W']]));
  add('formula-injection.csv', csv([HEADER, ['=HYPERLINK("http://example.invalid")', '01/06/2016', '', '+cmd', '@SUM(A1)']]));
  // Issue 24, part A: a worker typed "O'Brien, its quote never closed (and a quoted team name further down that closes it).
  add('stray-quote.csv', text(`${[HEADER.join(','), ...Array.from({ length: 12 }, (_, i) => `Q${i + 1},01/06/2016,,${i === 8 ? '"North, East"' : 'Team North'},${i === 2 ? '"O\'Brien' : 'Worker A'}`)].join('\r\n')}\r\n`));
  // Issue 24, round two: a stray quote in a file of two columns (a supervision log) and in the header row, each closed 5 lines later.
  const supervision = (rows: string[]) => text(`${rows.join('\r\n')}\r\n`);
  const visits = Array.from({ length: 12 }, (_, i) => `W${1001 + i},${String(i + 1).padStart(2, '0')}/06/2016`);
  add('stray-quote-narrow.csv', supervision(['Worker ID,Supervision Date', ...visits.map((v, i) => (i === 2 ? `"O'Brien${v.slice(5)}` : i === 7 ? `"Smith, Jo"${v.slice(5)}` : v))]));
  add('stray-quote-header.csv', supervision(['Worker ID,"Supervision Date', ...visits.map((v, i) => (i === 4 ? v.replace(',', '",') : v))]));
  // An SSDA903 episode with no RNE (reason for new episode): whether it began a new placement cannot be told.
  add('episode-no-rne.csv', text(`${['CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC', 'A,01/01/2015,S,C2,N1,U1,PR1,01/06/2016,X1', 'A,01/06/2016,P,C2,N1,U1,PR1,01/12/2016,X1', 'A,01/12/2016,,C2,N1,U1,PR1,,'].join('\r\n')}\r\n`));
  add('utf16-no-bom.csv', utf16le(`${[HEADER, ['010', '01/06/2016', '', 'Team North', 'Worker A']].map((r) => r.join(',')).join('\r\n')}\r\n`).subarray(2));
  add('nul-byte.csv', text(`${HEADER.join(',')}\r\nN1,01/06/2016,,Team North,Worker\u0000A\r\n`));
  add('formulas-not-saved.xlsx', formulasNotSaved());
  add('terminal-escapes.csv', csv([HEADER, ['E1', '01/06/2016', '', 'Team \u001b[2J\u001b]0;pwned\u0007North', 'Worker\b\b\b\b\b\bcomply: all clear']]));
  add('utf8-stray-byte.csv', Uint8Array.from([...csv([HEADER, ['S1', '01/06/2016', '', '\u00c9quipe Est', 'Zo\u00eb']]), ...text('S2,01/06/2016,,\u00c9quipe Est,Worker'), 0x92, ...text('s\r\n')]));
  add('windows-1252.csv', Uint8Array.from([...text(`${HEADER.join(',')}\r\nW1,01/06/2016,,Team O`), 0x92, ...text('Brien,'), 0x8c, ...text('uvre Ren'), 0xe9, ...text('e\r\n')]));
  add('neither-encoding.csv', Uint8Array.from([...text(`${HEADER.join(',')}\r\nX1,01/06/2016,,Team `), 0x81, 0xe9, ...text(',Worker\r\n')]));
  return files;
}
