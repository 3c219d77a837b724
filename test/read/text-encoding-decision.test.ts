// The edges of the one decision on how a CSV file's bytes are read: UTF-8 or Windows-1252, by
// which comes first and which is more, each character counted once; only a whole byte order mark
// counts as one, wherever chunks end; and the reader honours a byte order mark split across chunks.
import { describe, expect, it } from 'vitest';
import { csvRows } from '../../src/read/csv-rows.js';
import { decodedUtf8Kind, encodingFindings, TextEncodingCheck, textReadingOf } from '../../src/read/text-encoding.js';
import { parseWorkbook } from '../../src/read/workbook-tables.js';

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytesOf = (...parts: (string | number[])[]) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...utf8(p)] : p)));

function readingInChunks(bytes: Uint8Array, size: number) {
  const check = new TextEncodingCheck(decodedUtf8Kind);
  for (let i = 0; i < bytes.length; i += size) check.update(bytes.subarray(i, i + size));
  return check.reading();
}

describe('UTF-8 or Windows-1252', () => {
  it('reads text of ASCII alone as UTF-8, with nothing to say', () => {
    expect(textReadingOf(utf8('ID,Name\nC1,Ann\n'))).toEqual({ encoding: 'utf-8', notUtf8: 0 });
    expect(parseWorkbook(utf8('ID,Name\nC1,Ann\n'), 'a.csv')[0]!.readFindings?.()).toEqual([]);
  });

  it('after a byte that is not UTF-8, reads UTF-8 only where its characters outnumber the bytes that are not, each character counted once', () => {
    const e9 = [0xe9];
    const cases: [string, Uint8Array, string][] = [
      ['three UTF-8 characters to one byte', bytesOf(e9, 'Zo\u00eb \u00c5sa \u2019'), 'utf-8'],
      ['two characters above the surrogates to one byte', bytesOf(e9, '\ufb01\ufb01'), 'utf-8'],
      ['one UTF-8 character between two bytes that are not', bytesOf(e9, 'Zo\u00eb', [0x92]), 'windows-1252'],
      ['one character outside the Basic Multilingual Plane (two UTF-16 units) to one byte', bytesOf(e9, '\u{1f600}'), 'windows-1252'],
      ['U+10000 (its second unit 0xDC00) to one byte', bytesOf(e9, '\u{10000}'), 'windows-1252'],
      ['U+103FF (its second unit 0xDFFF) to one byte', bytesOf(e9, '\u{103ff}'), 'windows-1252'],
      ['two ASCII DEL characters to one byte', bytesOf(e9, '\u007f\u007f'), 'windows-1252'],
    ];
    for (const [name, bytes, encoding] of cases) expect(textReadingOf(bytes).encoding, name).toBe(encoding);
    expect(textReadingOf(bytesOf(e9, 'Zo\u00eb', [0x92]))).toEqual({ encoding: 'windows-1252', notUtf8: 2 });
  });

  it('reads UTF-8 damaged after its first UTF-8 character as UTF-8 when the damage is in a later chunk (TextDecoder\'s check, as in a browser)', () => {
    const damaged = bytesOf('Zo\u00eb\n', [0xe9, 0x2c, 0xe9, 0x2c, 0x92]);
    expect(readingInChunks(damaged, 5)).toEqual({ encoding: 'utf-8', notUtf8: 3 });
  });

  it('counts only a whole byte order mark as one', () => {
    for (const start of [[0x41, 0xbb, 0xbf], [0xef, 0x41, 0xbf], [0xef, 0xbb, 0x41]]) {
      expect(textReadingOf(bytesOf(start, 'x,y\n')).encoding, start.map((b) => b.toString(16)).join(' ')).toBe('windows-1252');
    }
    expect(textReadingOf(bytesOf([0xef, 0xbb, 0xbf, 0xe9], 'x,y\n'))).toEqual({ encoding: 'utf-8', notUtf8: 1 });
  });

  it('keeps a byte order mark seen in the first chunk when a later chunk is damaged', () => {
    const marked = bytesOf([0xef, 0xbb, 0xbf], 'ID,Name\n', [0xe9, 0x2c, 0xe9, 0x0a]);
    for (const size of [3, 4, 11]) expect(readingInChunks(marked, size), `chunks of ${size}`).toEqual({ encoding: 'utf-8', notUtf8: 2 });
  });
});

describe('the CSV reader and a byte order mark', () => {
  it('reads bytes after a byte order mark as UTF-8 by itself, the mark dropped, even when it arrives a byte at a time', () => {
    const bytes = bytesOf([0xef, 0xbb, 0xbf], 'Name,Town\nJos\u00e9,\u00c5s\n');
    for (const size of [1, 2, bytes.length]) {
      const chunks = Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));
      expect([...csvRows(chunks)], `chunks of ${size}`).toEqual([
        ['Name', 'Town'],
        ['Jos\u00e9', '\u00c5s'],
      ]);
    }
  });

  it('reads Windows-1252 by default when the first bytes are only partly a byte order mark', () => {
    for (const head of ['A\u00bb\u00bf', '\u00efA\u00bf', '\u00ef\u00bbA']) {
      const bytes = Uint8Array.from(`${head},x\n`, (c) => c.charCodeAt(0));
      expect([...csvRows([bytes])], head).toEqual([[head, 'x']]);
    }
  });
});

describe('what the user is told of how a file was read', () => {
  it('says Windows-1252 in a note and how to save UTF-8, and warns of bytes that fit neither, word for word', () => {
    expect(encodingFindings('list.csv', { encoding: 'windows-1252', notUtf8: 3 }, 2)).toEqual([
      {
        file: 'list.csv',
        kind: 'suspicious-value',
        level: 'info',
        message: 'Not UTF-8, so read as Windows-1252 (Western European, as Excel saves "CSV (Comma delimited)"); if a name reads wrongly, save it as "CSV UTF-8 (Comma delimited)"',
      },
      {
        file: 'list.csv',
        kind: 'suspicious-value',
        level: 'warning',
        message: '2 byte(s) are neither UTF-8 nor Windows-1252 (0x81, 0x8D, 0x8F, 0x90 or 0x9D, read as unprintable characters): the file may be in another encoding; save it as "CSV UTF-8 (Comma delimited)"',
      },
    ]);
    expect(encodingFindings('list.csv', { encoding: 'utf-8', notUtf8: 2 }, 0)).toEqual([
      { file: 'list.csv', kind: 'suspicious-value', level: 'warning', message: 'UTF-8 text with 2 damaged character(s), byte(s) that are not UTF-8, each read as "\uFFFD": find and correct them in the file' },
    ]);
  });
});
