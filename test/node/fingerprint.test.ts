// Each input's fingerprint in the run manifest (size and SHA-256) is what lets a manager show
// which files a report came from: the same whether the file was held whole or streamed in chunks,
// and equal to what `sha256sum` prints.
import { describe, expect, it } from 'vitest';
import { fileFingerprint, sha256Hex, streamedFingerprint } from '../../src/node/fingerprint.js';

const bytes = (text: string) => new TextEncoder().encode(text);
/** SHA-256 of "abc" (FIPS 180-2's example). */
const ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

describe('a file fingerprint', () => {
  it('is the SHA-256 sha256sum prints, of text or bytes alike', () => {
    expect(sha256Hex('abc')).toBe(ABC);
    expect(sha256Hex(bytes('abc'))).toBe(ABC);
  });

  it('names the file, its size in bytes and its SHA-256', () => {
    expect(fileFingerprint('in/list-6.csv', bytes('abc'))).toEqual({ file: 'in/list-6.csv', size: 3, sha256: ABC });
  });

  it('is the same streamed in chunks, each chunk shown once, in order, to whoever also reads them', () => {
    const chunks = [bytes('a'), bytes(''), bytes('bc')];
    const seen: string[] = [];
    const streamed = streamedFingerprint('in/list-6.csv', chunks, (c) => seen.push(new TextDecoder().decode(c)));
    expect(streamed).toEqual({ file: 'in/list-6.csv', size: 3, sha256: ABC });
    expect(seen).toEqual(['a', '', 'bc']);
    expect(streamedFingerprint('x', [bytes('abc')])).toEqual({ file: 'x', size: 3, sha256: ABC });
    expect(streamedFingerprint('x', [])).toEqual({ file: 'x', size: 0, sha256: sha256Hex('') });
  });
});
