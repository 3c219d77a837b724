import { statSync } from 'node:fs';
import type { HeaderAliases, DatasetDef } from '../datasets/dataset.js';
import { HEADER_SEARCH_ROWS, recogniseTable } from '../datasets/recognise.js';
import type { RangeRead } from '../engine/merge-ranges.js';
import { HeadThenRest } from '../engine/run-check.js';
import type { FileFingerprint } from '../manifest/run-manifest.js';
import { csvRows, type CsvRowReader } from '../read/csv-rows.js';
import type { RawCell, RawRows } from '../read/raw-table.js';
import { TextEncodingCheck } from '../read/text-encoding.js';
import { nativeUtf8Decoder, nativeUtf8Kind } from './native-utf8.js';
import { fileChunks, firstBytes } from './read-inputs.js';
import { streamedFingerprint } from './fingerprint.js';
import { GUESS_BYTES } from './guess-inputs.js';
import { csvHeadRows } from '../read/csv-table.js';

/**
 * One CSV file's rows checked in ranges, one to a thread (issue 28): each range is the rows of a
 * stretch of the file's bytes that starts at a line's start. The first range reads the file's
 * start (its header row, the rows above it); a later one reads the header row from the file's
 * start and then its own rows, numbered as in the whole file (the line ends before it, counted).
 * What the ranges read must be what one pass over the file reads: each range tells, in a
 * RangeRead, what shows whether it was (see rangesHeld in engine/merge-ranges.ts).
 */
export interface RowRange {
  start: number;
  end: number;
}

/** Thrown where a range cannot be read as the whole file would read it: the file is then checked whole. */
export class RangeNotHeld extends Error {}

/** The ranges a file is cut into: two, at the first line end after the middle; none if there is none within `window` bytes of it. */
export function cutInTwo(file: string, window = 1 << 20): RowRange[] | null {
  const size = statSync(file).size;
  const middle = Math.floor(size / 2);
  for (const chunk of fileChunks(file, middle, Math.min(size, middle + window))) {
    const lf = chunk.indexOf(0x0a);
    if (lf >= 0) {
      const cut = middle + lf + 1;
      return cut < size ? [{ start: 0, end: cut }, { start: cut, end: size }] : null;
    }
    return null;
  }
  return null;
}

/**
 * The rows of one range of a CSV file; and the whole file's fingerprint when it is the last range,
 * whose thread reads the bytes before its own too (counting their line ends as it goes), so that
 * one thread hashes the file in order. Refused (RangeNotHeld) unless every byte of the range is
 * UTF-8.
 */
export function readRange(
  file: string,
  range: RowRange,
  last: boolean,
  datasets: readonly DatasetDef[],
  aliases: HeaderAliases,
  failed?: Int32Array,
): { table: RawRows; fingerprint: FileFingerprint | undefined; read: () => Omit<RangeRead, 'laterDates'> } {
  let rowsBefore = 0;
  let before = last;
  const check = new TextEncodingCheck(nativeUtf8Kind);
  const see = (chunk: Uint8Array) => {
    if (!before) return check.update(chunk);
    for (let i = chunk.indexOf(0x0a); i >= 0; i = chunk.indexOf(0x0a, i + 1)) rowsBefore++;
  };
  // The last range's thread reads the bytes before its own first, counting their line ends.
  function* bytesRead(): Generator<Uint8Array> {
    if (before) yield* fileChunks(file, 0, range.start);
    before = false;
    yield* fileChunks(file, range.start, range.end);
  }
  let fingerprint: FileFingerprint | undefined;
  if (last) fingerprint = streamedFingerprint(file, bytesRead(), see);
  else for (const chunk of bytesRead()) see(chunk);
  // Every range UTF-8 (ASCII among it) is the one reading of the text for which each range decodes as the whole file does.
  if (check.reading().notUtf8 > 0) throw new RangeNotHeld(`${file}: not all UTF-8`);
  let reader: CsvRowReader | undefined;
  const own = (separator?: string) => (reader = csvRows(untilFailed(fileChunks(file, range.start, range.end), failed), 'utf-8', () => nativeUtf8Decoder(range.start === 0), separator));
  const read = () => ({ ...range, rows: reader?.rowsRead ?? 0, rowsBefore, linesInQuotes: reader?.linesInQuotes ?? 0, endedInQuote: reader?.endedInQuote ?? false });
  if (range.start === 0) return { table: { file, firstRow: 1, rows: { [Symbol.iterator]: () => own() } }, fingerprint, read };
  const { header, headerRow, separator } = headerOf(file, datasets, aliases);
  const table: RawRows = {
    file,
    firstRow: headerRow,
    skippedAfterFirst: rowsBefore - headerRow,
    rows: { [Symbol.iterator]: () => new HeadThenRest([header], own(separator)) },
  };
  return { table, fingerprint, read };
}

/**
 * Chunks, until another share of the check has failed (`failed`'s second number set: the other
 * range's ids did not rise, say), when the range stops (RangeNotHeld), not read to its end for
 * nothing before the file is checked whole.
 */
function* untilFailed(chunks: Iterable<Uint8Array>, failed?: Int32Array): Generator<Uint8Array> {
  for (const chunk of chunks) {
    if (failed && Atomics.load(failed, 1) === 1) throw new RangeNotHeld('another share of the check failed');
    yield chunk;
  }
}

/** The header row of a CSV file (UTF-8), its row number and the file's separator, from its first bytes. */
function headerOf(file: string, datasets: readonly DatasetDef[], aliases: HeaderAliases): { header: RawCell[]; headerRow: number; separator: string } {
  const { rows, separator } = csvHeadRows(firstBytes(file, GUESS_BYTES), HEADER_SEARCH_ROWS);
  const recognition = recogniseTable(rows, datasets, aliases);
  if (!recognition.ok || separator === undefined) throw new RangeNotHeld(`${file}: no header row in its first bytes`);
  const index = recognition.match.headerIndex;
  return { header: rows[index]!, headerRow: index + 1, separator };
}
