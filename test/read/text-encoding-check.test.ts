// The streamed look at a file's bytes reads it as the look at the whole file does, wherever chunks end.
import { isUtf8 } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Utf8Chunks } from '../../src/node/utf8-chunks.js';
import { textReadingOf } from '../../src/read/text-encoding.js';

function readingInChunks(bytes: Uint8Array, size: number) {
  const check = new Utf8Chunks();
  for (let i = 0; i < bytes.length; i += size) check.update(bytes.subarray(i, i + size));
  return check.reading();
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('how a file streamed in chunks is read', () => {
  it('is UTF-8 with nothing damaged exactly when the whole is valid UTF-8, for text and for random bytes, in any chunks', () => {
    const text = fc.string({ unit: 'binary', maxLength: 40 }).map(utf8);
    const bytes = fc.uint8Array({ maxLength: 40 });
    fc.assert(
      fc.property(fc.oneof(text, bytes), fc.integer({ min: 1, max: 7 }), (b, size) => {
        const reading = readingInChunks(b, size);
        expect(reading.encoding === 'utf-8' && reading.notUtf8 === 0).toBe(isUtf8(b));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads a curly quote split across chunks as UTF-8 and a Windows-1252 é as Windows-1252', () => {
    for (const size of [1, 2, 3]) expect(readingInChunks(utf8('\u2018Absent\u2019'), size)).toEqual({ encoding: 'utf-8', notUtf8: 0 });
    expect(readingInChunks(Uint8Array.of(0x4a, 0x6f, 0x73, 0xe9), 2)).toEqual({ encoding: 'windows-1252', notUtf8: 1 });
  });

  it('reads UTF-8 with one stray byte as UTF-8, saying one byte is not, as the look at the whole does', () => {
    const names = utf8('Name\n\u00c9quipe Est\nJos\u00e9\n');
    const stray = Uint8Array.from([...names, 0x92, ...utf8('Zo\u00eb\n')]);
    for (const size of [1, 3, 8, stray.length]) expect(readingInChunks(stray, size)).toEqual({ encoding: 'utf-8', notUtf8: 1 });
    expect(textReadingOf(stray)).toEqual({ encoding: 'utf-8', notUtf8: 1 });
  });
});
