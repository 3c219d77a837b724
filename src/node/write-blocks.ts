import { writeSync } from 'node:fs';
import type { CheckResult } from '../engine/run-check.js';
import { blocksOf, type RenderFormat } from '../report/rendered.js';

/** Bytes of text a thread writes at a time. */
const BUFFER_BYTES = 1 << 20;

/** Writes bytes into an open file at a place, all of them. */
function writeAt(fd: number, bytes: Uint8Array, at: number): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done, at + done);
}

/**
 * Writes a range's exceptions as text of the report into an open file (see rendered.ts): each
 * block at its place (NaN: not written here), through one buffer, used again for each stretch, so
 * that no copy of the text is held.
 */
export function writeBlocks(fd: number, result: CheckResult, format: RenderFormat, places: Float64Array): void {
  const buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  let k = 0;
  for (const { records, line } of blocksOf(result, format)) {
    let at = places[k++]!;
    if (Number.isNaN(at)) continue;
    let used = 0;
    for (const e of records) {
      const text = line(e);
      if (used + 3 * text.length > buffer.length) {
        writeAt(fd, buffer.subarray(0, used), at);
        at += used;
        used = 0;
      }
      if (3 * text.length > buffer.length) {
        const bytes = Buffer.from(text);
        writeAt(fd, bytes, at);
        at += bytes.length;
      } else used += buffer.write(text, used);
    }
    writeAt(fd, buffer.subarray(0, used), at);
  }
}
