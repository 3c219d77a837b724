// Files that cannot be read at all are refused with a message a user can act on (never quoting
// the file's content): empty, a PDF, binary or UTF-16 text without a byte order mark, a damaged
// or oversized workbook, a password-protected one, a zip with no workbook in it.
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { contentKind } from '../../src/read/content-kind.js';
import { NOT_A_SPREADSHEET, READABLE, isHiddenEntry, skippedFileFindings, unreadableFileMessage } from '../../src/read/input-files.js';
import { ReadError } from '../../src/read/read-error.js';
import { checkFileSize, DEFAULT_MAX_INPUT_MB } from '../../src/read/input-limits.js';
import { readFailure } from '../../src/read/screen-input.js';
import { declaredUnzippedSize } from '../../src/read/zip-size.js';
import { parseWorkbook } from '../../src/read/workbook-tables.js';

const MB = 1024 * 1024;
const bytesOf = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

/** What reading the bytes as `file` tells the user: the rows of its first sheet, or the ReadError's message. */
function read(bytes: Uint8Array, file: string, maxInputMb?: number): unknown {
  try {
    return parseWorkbook(bytes, file, maxInputMb === undefined ? {} : { maxInputMb })[0]!.rows;
  } catch (error) {
    expect(error).toBeInstanceOf(ReadError);
    return (error as Error).message;
  }
}

/** An .xlsx of one sheet holding these rows. */
function xlsx(rows: unknown[][]): Uint8Array {
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet(rows), 'List 6');
  return new Uint8Array(XLSX.write(workbook, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}

/** UTF-16 little-endian bytes of the text, with no byte order mark. */
const utf16le = (text: string) => Uint8Array.from([...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]));

describe('screening a file before it is read', () => {
  it('refuses an empty file', () => {
    expect(read(new Uint8Array(0), 'list6.csv')).toBe('list6.csv is empty (0 bytes): export it again, or remove it from the inputs');
  });

  it('refuses a PDF, whatever its name, and binary content, saying how to save a .csv as text', () => {
    const pdf = bytesOf('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj');
    expect(read(pdf, 'list6.xlsx')).toBe('list6.xlsx is not a spreadsheet (it is a PDF): the tool reads .xlsx, .xlsm, .xlsb, .xls, .ods, .csv and .txt files');
    expect(read(pdf, 'list6.csv')).toBe('list6.csv is not a spreadsheet (it is a PDF): the tool reads .xlsx, .xlsm, .xlsb, .xls, .ods, .csv and .txt files');
    const binary = bytesOf('ID,Name\n1,\u0000\u0000\u0007\u0000x\n');
    expect(read(binary, 'list6.csv')).toBe(
      'list6.csv holds binary content (NUL bytes), not text: export it again, or save it as UTF-8 (in Excel: Save As, "CSV UTF-8 (Comma delimited)")',
    );
    expect(read(binary, 'LIST6.TXT')).toMatch(/^LIST6\.TXT holds binary content/);
    expect(read(binary, 'list6.xlsx')).toBe('list6.xlsx is not a spreadsheet: the tool reads .xlsx, .xlsm, .xlsb, .xls, .ods, .csv and .txt files');
    expect(read(binary, 'list6.csv.bak')).toBe('list6.csv.bak is not a spreadsheet: the tool reads .xlsx, .xlsm, .xlsb, .xls, .ods, .csv and .txt files');
  });

  it('refuses UTF-16 text without a byte order mark, and reads it with one (either byte order)', () => {
    const text = 'ID,Name\r\n1,Zo\u00eb\r\n';
    expect(read(utf16le(text), 'list6.csv')).toBe(
      'list6.csv is UTF-16 text without a byte order mark, which cannot be told from binary content: save it as UTF-8 (in Excel: Save As, "CSV UTF-8 (Comma delimited)")',
    );
    const le = Uint8Array.from([0xff, 0xfe, ...utf16le(text)]);
    const be = Uint8Array.from([0xfe, 0xff, ...[...text].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff])]);
    for (const bytes of [le, be]) expect(read(bytes, 'list6.csv')).toEqual([['ID', 'Name'], ['1', 'Zo\u00eb']]);
  });

  it('tells UTF-16 without a byte order mark from binary content by where its NUL bytes are', () => {
    const letters = 'Child Unique ID,Team\r\n'.repeat(20);
    expect(contentKind(utf16le(letters))).toBe('utf16-no-bom');
    expect(contentKind(Uint8Array.from([...utf16le(letters)].slice(1)))).toBe('utf16-no-bom');
    expect(contentKind(Uint8Array.from([...utf16le(letters.slice(0, 100)), ...bytesOf(letters.slice(100))]))).toBe('binary');
    expect(contentKind(Uint8Array.from({ length: 400 }, (_, i) => (i % 2 ? 0 : i % 5 ? 0x41 : 0)))).toBe('binary');
    expect(contentKind(new Uint8Array(64))).toBe('binary');
    const names = utf16le('Child Unique ID,Allocated Worker\r\n'.concat(...Array.from({ length: 30 }, (_, i) => `C${i},Worker \u738b\r\n`)));
    expect(contentKind(names)).toBe('utf16-no-bom');
    expect(contentKind(utf16le('Child Unique ID,Allocated Worker\r\nC1,\u738b\u4e00\r\nC2,Jo Smith\r\n'))).toBe('utf16-no-bom');
    expect(contentKind(Uint8Array.from([...names].map((b, i) => (i % 7 === 0 ? 0 : b))))).toBe('binary');
  });

  it('looks for NUL bytes only in the first 4 KB of text', () => {
    const late = bytesOf(`${'a,b\n'.repeat(1024)}\u0000`);
    expect(contentKind(late)).toBe('text');
    expect(contentKind(late.subarray(1))).toBe('binary');
  });

  it('knows workbooks and PDFs by their first bytes, even with a text name', () => {
    expect(contentKind(xlsx([['a']]))).toBe('zip');
    expect(contentKind(bytesOf('PK\u0005\u0006'.padEnd(22, '\u0000')))).toBe('zip');
    expect(contentKind(bytesOf('\u00d0\u00cf\u0011\u00e0\u00a1\u00b1\u001a\u00e1'))).toBe('compound');
    expect(contentKind(bytesOf('\u00d0\u00cf\u0011\u00e0\u00a1\u00b1\u001a\u00e2 plain'))).toBe('text');
    expect(contentKind(bytesOf('%PDF-'))).toBe('pdf');
    expect(contentKind(bytesOf('%PDF 1.4'))).toBe('text');
    expect(contentKind(bytesOf('PK\u0003'))).toBe('text');
    expect(contentKind(bytesOf('\u00fe\u00ff\u0000A'))).toBe('text');
    expect(contentKind(bytesOf('\u00ff\u00fe\u0041\u0000'))).toBe('text');
  });

  it('refuses a workbook cut short, and a zip or compound file with no workbook in it', () => {
    const whole = xlsx([['ID'], ['C1']]);
    expect(read(whole.subarray(0, whole.length - 30), 'list6.xlsx')).toBe('list6.xlsx is damaged or incomplete: open it in Excel and save it again, or export it again');
    expect(read(zipSync({ 'notes.txt': strToU8('hello') }), 'notes.xlsx')).toBe(
      'notes.xlsx is a zip file with no workbook in it (a Word document or another archive?): the tool reads .xlsx, .xlsm, .xlsb, .xls, .ods, .csv and .txt files',
    );
    const compound = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(compound, '/Junk', strToU8('hello'));
    expect(read(new Uint8Array(XLSX.CFB.write(compound, { type: 'array' }) as ArrayBuffer), 'old.xls')).toBe(
      'old.xls is damaged or incomplete: open it in Excel and save it again, or export it again',
    );
  });

  it('refuses a password-protected workbook, saying to remove the password', () => {
    const encrypted = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(encrypted, '/EncryptionInfo', strToU8('\u0004\u0000\u0004\u0000xxxxxxxx'));
    XLSX.CFB.utils.cfb_add(encrypted, '/EncryptedPackage', strToU8('hello'));
    expect(read(new Uint8Array(XLSX.CFB.write(encrypted, { type: 'array' }) as ArrayBuffer), 'locked.xlsx')).toBe(
      'locked.xlsx is password-protected: remove the password and save again',
    );
    expect(readFailure(new Error('Encrypted file'), 'locked.xlsx', 'compound').message).toBe('locked.xlsx is password-protected: remove the password and save again');
    expect(readFailure(new Error('Unsupported ZIP file'), 'old.xls', 'compound').message).toBe('old.xls is damaged or incomplete: open it in Excel and save it again, or export it again');
    expect(readFailure('not an Error', 'a.xlsx', 'zip').message).toBe('a.xlsx is damaged or incomplete: open it in Excel and save it again, or export it again');
  });

  it('refuses a file over the size limit, and a workbook that would unpack to more than it', () => {
    expect(() => checkFileSize(DEFAULT_MAX_INPUT_MB * MB, 'big.csv')).not.toThrow();
    expect(() => checkFileSize(DEFAULT_MAX_INPUT_MB * MB + 1, 'big.csv')).toThrow(
      new ReadError('big.csv is 257 MB, over the limit of 256 MB; if the file is genuine, raise the limit with --max-input-mb'),
    );
    expect(() => checkFileSize(3 * MB, 'big.csv', { maxInputMb: 2 })).toThrow('big.csv is 3 MB, over the limit of 2 MB');
    expect(() => checkFileSize(2 * MB, 'big.csv', { maxInputMb: 2 })).not.toThrow();
    expect(() => checkFileSize(MB, 'big.csv', { maxInputMb: 0.5 })).toThrow('big.csv is 1 MB, over the limit of 0.5 MB');
    expect(() => checkFileSize(MB - 1, 'big.csv', { maxInputMb: 0.5 })).toThrow('big.csv is 1024 KB, over the limit of 0.5 MB');
    expect(read(bytesOf('ID\n1\n'.repeat(300)), 'small.csv', 1 / 1024)).toBe('small.csv is 2 KB, over the limit of 0.0009765625 MB; if the file is genuine, raise the limit with --max-input-mb');

    const rows = Array.from({ length: 3000 }, (_, i) => [`C${i}`, 'Team North', 'Worker with a long name']);
    const bytes = xlsx(rows);
    const unpacked = Object.values(unzipSync(bytes)).reduce((n, f) => n + f.length, 0);
    expect(declaredUnzippedSize(bytes)).toBe(unpacked);
    const limitMb = (bytes.length + 1) / MB;
    expect(unpacked).toBeGreaterThan(limitMb * MB);
    expect(read(bytes, 'list6.xlsx', limitMb)).toBe(
      `list6.xlsx would unpack to ${Math.ceil(unpacked / 1024)} KB, over the limit of ${limitMb} MB; if the file is genuine, raise the limit with --max-input-mb`,
    );
    expect(read(bytes, 'list6.xlsx', unpacked / MB)).toHaveLength(3000);
  });
});

describe('the files of a folder', () => {
  it('reads spreadsheet and text files by their names, and passes over hidden files and Excel lock files', () => {
    for (const name of ['a.xlsx', 'B.XLSM', 'c.xlsb', 'd.xls', 'e.csv', 'f.txt', 'g.ods']) expect(READABLE.test(name), name).toBe(true);
    for (const name of ['a.pdf', 'a.docx', 'a.xlsx.bak', 'csv', 'a.json']) expect(READABLE.test(name), name).toBe(false);
    for (const name of ['.DS_Store', '~$list6.xlsx', '.git']) expect(isHiddenEntry(name), name).toBe(true);
    for (const name of ['list6.xlsx', 'a~$b.xlsx', 'a.b']) expect(isHiddenEntry(name), name).toBe(false);
  });

  it('names each file not read and why, and says why a file could not be read without quoting it', () => {
    expect(NOT_A_SPREADSHEET).toBe('Not a spreadsheet file type, so it was not read (the checker reads .xlsx, .xlsm, .xlsb, .xls, .ods, .csv and .txt)');
    expect(skippedFileFindings([{ file: 'inputs/notes.docx', why: NOT_A_SPREADSHEET }])).toEqual([
      { file: 'inputs/notes.docx', kind: 'unreadable-file', level: 'warning', message: NOT_A_SPREADSHEET },
    ]);
    expect(unreadableFileMessage(new ReadError('a.xlsx is password-protected: remove the password and save again'), 'a.xlsx')).toBe(
      'a.xlsx is password-protected: remove the password and save again',
    );
    expect(unreadableFileMessage(new Error('Bad cell C1: Jo Smith, 01/02/2010'), 'a.xlsx')).toBe('a.xlsx could not be read as a spreadsheet');
  });
});
