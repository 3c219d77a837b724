// The one decision on how a file's bytes are read as text is the same wherever chunks end, and
// whichever check of UTF-8 it is given (Node's native one at the edge, TextDecoder's anywhere).
import { isUtf8 } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nativeUtf8Kind } from '../../src/node/native-utf8.js';
import { decodedUtf8Kind, TextEncodingCheck, textReadingOf } from '../../src/read/text-encoding.js';

function readingInChunks(bytes: Uint8Array, size: number, kind = nativeUtf8Kind) {
  const check = new TextEncodingCheck(kind);
  for (let i = 0; i < bytes.length; i += size) check.update(bytes.subarray(i, i + size));
  return check.reading();
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('how a file read in chunks is taken as text', () => {
  it('is the reading of the whole, wherever chunks end and whichever UTF-8 check, for text, random bytes and a mix of the two', () => {
    const text = fc.string({ unit: 'binary', maxLength: 40 }).map(utf8);
    const bytes = fc.uint8Array({ maxLength: 40 });
    const mixed = fc.array(fc.oneof(text, bytes), { maxLength: 4 }).map((parts) => Uint8Array.from(parts.flatMap((p) => [...p])));
    fc.assert(
      fc.property(fc.oneof(text, bytes, mixed), fc.integer({ min: 1, max: 7 }), (b, size) => {
        const whole = textReadingOf(b);
        expect(whole.encoding === 'utf-8' && whole.notUtf8 === 0).toBe(isUtf8(b));
        expect(readingInChunks(b, size)).toEqual(whole);
        expect(readingInChunks(b, size, decodedUtf8Kind)).toEqual(whole);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads a curly quote split across chunks as UTF-8 and a Windows-1252 é as Windows-1252', () => {
    for (const size of [1, 2, 3]) expect(readingInChunks(utf8('\u2018Absent\u2019'), size)).toEqual({ encoding: 'utf-8', notUtf8: 0 });
    expect(readingInChunks(Uint8Array.of(0x4a, 0x6f, 0x73, 0xe9), 2)).toEqual({ encoding: 'windows-1252', notUtf8: 1 });
  });

  it('reads UTF-8 with one stray byte as UTF-8, saying one byte is not', () => {
    const names = utf8('Name\n\u00c9quipe Est\nJos\u00e9\n');
    const stray = Uint8Array.from([...names, 0x92, ...utf8('Zo\u00eb\n')]);
    for (const size of [1, 3, 8, stray.length]) expect(readingInChunks(stray, size)).toEqual({ encoding: 'utf-8', notUtf8: 1 });
  });

  it('reads UTF-8 damaged after its first UTF-8 character as UTF-8, however many damaged bytes follow', () => {
    const damaged = Uint8Array.from([...utf8('Zo\u00eb\n'), 0xe9, 0x2c, 0x92, 0x2c, 0x8c, 0x2c, 0xe9]);
    for (const size of [1, 3, damaged.length]) expect(readingInChunks(damaged, size)).toEqual({ encoding: 'utf-8', notUtf8: 4 });
    expect(readingInChunks(Uint8Array.from([0xe9, 0x2c, 0xe9, 0x2c, 0x92, ...utf8('Zo\u00eb\n')]), 2)).toEqual({ encoding: 'windows-1252', notUtf8: 3 });
  });

  it('reads the first bytes of a file as the whole is read, a character cut short at their end aside', () => {
    const check = new TextEncodingCheck();
    check.update(utf8('Zo\u00eb \u0152').subarray(0, 6));
    expect(check.readingSoFar()).toEqual({ encoding: 'utf-8', notUtf8: 0 });
    expect(check.reading()).toEqual({ encoding: 'utf-8', notUtf8: 1 });
  });
});
