// Which files the streaming CSV reader takes (plain delimited text) and which it leaves to SheetJS,
// told from their first bytes: at the edge of each format's signature.
import { describe, expect, it } from 'vitest';
import { isDelimitedText } from '../../src/read/delimited-text.js';

const bytes = (...parts: (string | number[])[]) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));
const BOM = [0xef, 0xbb, 0xbf];

describe('plain delimited text, by its first bytes', () => {
  it('takes text after a whole UTF-8 byte order mark, unless markup follows it', () => {
    expect(isDelimitedText(bytes(BOM, 'ID,Name'))).toBe(true);
    expect(isDelimitedText(bytes(BOM, '<?xml'))).toBe(false);
    expect(isDelimitedText(bytes([0xef, 0xbb, 0x41], 'D,Name'))).toBe(false);
    expect(isDelimitedText(bytes([0xef, 0x41, 0xbf], 'D,Name'))).toBe(false);
  });

  it('takes a first character from ! to ~ but markup, or a blank line, a space or a tab; nothing else', () => {
    expect(isDelimitedText(bytes('!a,b'))).toBe(true);
    expect(isDelimitedText(bytes('~a,b'))).toBe(true);
    expect(isDelimitedText(bytes('\u007fa,b'))).toBe(false);
    for (const lead of ['\u0020a,b', '\ta,b', '\r\na,b', '\na,b']) expect(isDelimitedText(bytes(lead)), JSON.stringify(lead)).toBe(true);
    for (const lead of ['\u0000a,b', '\u000ba,b', '\u000ca,b', '\u001fa,b']) expect(isDelimitedText(bytes(lead)), JSON.stringify(lead)).toBe(false);
    expect(isDelimitedText(bytes('<a,b'))).toBe(false);
    expect(isDelimitedText(bytes('=a,b'))).toBe(true);
  });

  it('takes a first character beyond ASCII written whole in UTF-8 (a header in curly quotes), but no other byte from 0x80', () => {
    const utf8 = (text: string) => [...new TextEncoder().encode(text)];
    expect(isDelimitedText(bytes(utf8('“Child Unique ID”,“Gender”')))).toBe(true);
    expect(isDelimitedText(bytes(utf8('É'), 'tat,Name'))).toBe(true);
    expect(isDelimitedText(bytes(utf8('😀'), ',x'))).toBe(true);
    expect(isDelimitedText(bytes([0x93], 'Child Unique ID'))).toBe(false);
    expect(isDelimitedText(bytes([0xc9], 'tat,Name'))).toBe(false);
    expect(isDelimitedText(bytes([0xe2, 0x80], 'x,y'))).toBe(false);
    expect(isDelimitedText(bytes([0xc0, 0x80], 'x,y'))).toBe(false);
    expect(isDelimitedText(bytes([0xd0, 0xcf, 0x11, 0xe0]))).toBe(false);
    expect(isDelimitedText(bytes([0x83, 0x01, 0x02]))).toBe(false);
    expect(isDelimitedText(bytes([0xf5, 0x80, 0x80, 0x80]))).toBe(false);
  });

  it('judges the first character by its own bytes alone: what follows it is the reader\'s to judge', () => {
    const utf8 = (text: string) => [...new TextEncoder().encode(text)];
    // A whole character, then a byte no character starts with (read later as Windows-1252).
    expect(isDelimitedText(bytes(utf8('é'), [0x80, 0x80], ',x'))).toBe(true);
    expect(isDelimitedText(bytes(utf8('\u0800'), [0x80], ',x'))).toBe(true);
    expect(isDelimitedText(bytes(utf8('\u0800'), ',x'))).toBe(true);
    expect(isDelimitedText(bytes(utf8('\u07ff'), [0xbf], ',x'))).toBe(true);
  });

  it('leaves SYLK, zip, DIF and RTF to SheetJS by their whole signatures, and takes text that only starts like one', () => {
    const cases: [string | number[], boolean][] = [
      ['ID;PWXL', false],
      ['ID,Name', true],
      ['IE;x', true],
      ['JD;x', true],
      ['IDx;', true],
      [[0x50, 0x4b, 0x03, 0x04], false],
      [[0x50, 0x4b, 0x08, 0x08], false],
      [[0x50, 0x4b, 0x09, 0x04], true],
      [[0x50, 0x4b, 0x03, 0x09], true],
      ['PKG,Name', true],
      ['QK\u0003\u0004', true],
      ['PL\u0003\u0004', true],
      ['TABLE\r\n0,1', false],
      ['TABS,x', true],
      ['TAKE,x', true],
      ['TAXL,x', true],
      ['TBBL,x', true],
      ['UABL,x', true],
      ['{\\rtf1', false],
      ['{\\rx', true],
      ['{\\st', true],
      ['{|rt', true],
      ['|\\rt', true],
    ];
    for (const [head, expected] of cases) expect(isDelimitedText(bytes(head)), JSON.stringify(head)).toBe(expected);
  });
});
