import { isUtf8 } from 'node:buffer';
import type { TextEncoding } from '../read/text-encoding.js';

/**
 * Says, after seeing a file's bytes chunk by chunk, whether they are all valid UTF-8, with
 * Node's native check (a million-row file in milliseconds; decoding to test would take half a
 * second). A character split between chunks is carried over to the next.
 */
export class Utf8Chunks {
  private tail = new Uint8Array(0);
  private valid = true;

  update(chunk: Uint8Array): void {
    if (!this.valid) return;
    const bytes = this.tail.length ? Buffer.concat([this.tail, chunk]) : chunk;
    const cut = completeLength(bytes);
    this.valid = isUtf8(bytes.subarray(0, cut));
    this.tail = bytes.slice(cut);
  }

  /** Whether the bytes seen so far are UTF-8, a character cut short at the end aside. */
  validSoFar(): boolean {
    return this.valid;
  }

  /** The encoding to read the bytes seen with (after the last chunk). */
  encoding(): TextEncoding {
    return this.valid && this.tail.length === 0 ? 'utf-8' : 'latin1';
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
