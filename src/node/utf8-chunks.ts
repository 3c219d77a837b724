import { isAscii, isUtf8 } from 'node:buffer';
import { Utf8Tally, type TextReading } from '../read/text-encoding.js';

/**
 * Says, after seeing a file's bytes chunk by chunk, how its text is to be read: UTF-8 when all
 * valid, by Node's native check (a million-row file in milliseconds; decoding to test would take
 * half a second); once a chunk is not, the rest is tallied (see Utf8Tally), so that UTF-8 with
 * a stray byte is still read as UTF-8, as it is when valid chunks before held UTF-8 beyond ASCII. A character split between chunks is carried over.
 */
export class Utf8Chunks {
  private tail = new Uint8Array(0);
  private tally: Utf8Tally | undefined;
  /** Whether a chunk found valid held anything beyond ASCII. */
  private utf8Seen = false;

  update(chunk: Uint8Array): void {
    if (this.tally) return this.tally.update(chunk);
    const bytes = this.tail.length ? Buffer.concat([this.tail, chunk]) : chunk;
    const cut = completeLength(bytes);
    if (isUtf8(bytes.subarray(0, cut))) {
      this.utf8Seen ||= !isAscii(bytes.subarray(0, cut));
      this.tail = bytes.slice(cut);
      return;
    }
    this.tally = new Utf8Tally(this.utf8Seen);
    this.tally.update(bytes);
    this.tail = new Uint8Array(0);
  }

  /** Whether the bytes seen so far are UTF-8, a character cut short at the end aside. */
  validSoFar(): boolean {
    return this.tally === undefined;
  }

  /** How to read the bytes seen (after the last chunk). */
  reading(): TextReading {
    if (!this.tally && this.tail.length === 0) return { encoding: 'utf-8', notUtf8: 0 };
    this.tally ??= new Utf8Tally(this.utf8Seen);
    if (this.tail.length) this.tally.update(this.tail);
    this.tail = new Uint8Array(0);
    return this.tally.reading();
  }
}

/** How many bytes from the start end on a whole character: a multi-byte character cut short at the end is left out. */
function completeLength(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const b = bytes[bytes.length - back]!;
    if (b < 0x80) return bytes.length;
    if (b >= 0xc0) {
      const size = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return size > back ? bytes.length - back : bytes.length;
    }
  }
  return bytes.length;
}
