// The command line decodes UTF-8 with Node's native string decoder (several times faster than
// TextDecoder on a million-row file); the browser page and `comply diff` use TextDecoder. Both
// must give the same text for the same bytes, however the file's chunks fall: damaged bytes,
// characters cut between chunks, a byte order mark (dropped) or two (the second kept).
import { describe, expect, it } from 'vitest';
import { nativeUtf8Decoder, nativeUtf8Kind } from '../../src/node/native-utf8.js';
import { decodedUtf8Kind, textDecoderUtf8, type Utf8Decoder } from '../../src/read/text-encoding.js';

const utf8 = (text: string) => [...new TextEncoder().encode(text)];

/** Byte runs that are UTF-8, damaged UTF-8, or not UTF-8 at all. */
const PIECES: number[][] = [
  utf8('Zo\u00eb'),
  utf8('\u0152uvre \u20ac5'),
  utf8('\u{1F600}'),
  [0xef, 0xbb, 0xbf],
  [0xe9],
  [0xe2, 0x82],
  [0xf0, 0x9f, 0x98],
  [0xc0, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
  [0x80, 0xbf],
  [0xfe, 0xff],
  utf8('a,b\r\n'),
];

/** A seeded pseudo-random number (so a failure can be run again). */
function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

/** The text a decoder gives for bytes cut into chunks at these places. */
function decoded(make: () => Utf8Decoder, bytes: Uint8Array, cuts: readonly number[]): string {
  const decode = make();
  const ends = [...cuts, bytes.length];
  let text = '';
  let from = 0;
  for (const [i, end] of ends.entries()) {
    text += decode(bytes.subarray(from, end), i === ends.length - 1);
    from = end;
  }
  return text;
}

describe("Node's native UTF-8 decoder reads as TextDecoder does", () => {
  it('drops a leading byte order mark, even one cut across chunks, and keeps a later one', () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('Name'), 0xef, 0xbb, 0xbf]);
    for (const cuts of [[], [1], [2], [3], [1, 2]]) {
      expect(decoded(nativeUtf8Decoder, bytes, cuts)).toBe('Name\ufeff');
      expect(decoded(textDecoderUtf8, bytes, cuts)).toBe('Name\ufeff');
    }
  });

  it('ends with a character cut short as one U+FFFD', () => {
    const bytes = Uint8Array.from([...utf8('Ren'), 0xe2, 0x82]);
    expect(decoded(nativeUtf8Decoder, bytes, [4])).toBe('Ren\ufffd');
  });

  it('gives the same text on 2,000 runs of damaged bytes, cut into chunks anywhere', () => {
    const next = random(28);
    for (let run = 0; run < 2000; run++) {
      const bytes = Uint8Array.from(Array.from({ length: 1 + Math.floor(next() * 8) }, () => PIECES[Math.floor(next() * PIECES.length)]!).flat());
      const cuts = [...new Set(Array.from({ length: Math.floor(next() * 4) }, () => Math.floor(next() * bytes.length)))].sort((a, b) => a - b);
      expect(decoded(nativeUtf8Decoder, bytes, cuts), `bytes ${[...bytes].map((b) => b.toString(16)).join(' ')}, cut at ${cuts.join(', ')}`).toBe(decoded(textDecoderUtf8, bytes, cuts));
    }
  });

  it('says, as TextDecoder does, whether bytes are ASCII, UTF-8 beyond ASCII, or not UTF-8', () => {
    for (const [piece, kind] of [[utf8('a,b\r\n'), 'ascii'], [utf8('Zo\u00eb'), 'utf-8'], [[0xe9], 'not-utf-8'], [[0xe2, 0x82], 'not-utf-8']] as const) {
      const bytes = Uint8Array.from(piece);
      expect(nativeUtf8Kind(bytes)).toBe(kind);
      expect(decodedUtf8Kind(bytes)).toBe(kind);
    }
  });
});
