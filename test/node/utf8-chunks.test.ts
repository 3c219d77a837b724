// The streamed UTF-8 check gives the answer of checking the whole file, wherever chunks end.
import { isUtf8 } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Utf8Chunks } from '../../src/node/utf8-chunks.js';

function encodingInChunks(bytes: Uint8Array, size: number) {
  const check = new Utf8Chunks();
  for (let i = 0; i < bytes.length; i += size) check.update(bytes.subarray(i, i + size));
  return check.encoding();
}

describe('UTF-8 check chunk by chunk', () => {
  it('agrees with a check of the whole text, for text and for random bytes, in any chunks', () => {
    const text = fc.string({ unit: 'binary', maxLength: 40 }).map((s) => new TextEncoder().encode(s));
    const bytes = fc.uint8Array({ maxLength: 40 });
    fc.assert(
      fc.property(fc.oneof(text, bytes), fc.integer({ min: 1, max: 7 }), (b, size) => {
        expect(encodingInChunks(b, size)).toBe(isUtf8(b) ? 'utf-8' : 'latin1');
      }),
      { numRuns: 3000 },
    );
  });

  it('reads a curly quote split across chunks as UTF-8 and a Latin-1 é as not', () => {
    const quoted = new TextEncoder().encode('\u2018Absent\u2019');
    for (const size of [1, 2, 3]) expect(encodingInChunks(quoted, size)).toBe('utf-8');
    expect(encodingInChunks(Uint8Array.of(0x4a, 0x6f, 0x73, 0xe9), 2)).toBe('latin1');
  });
});
