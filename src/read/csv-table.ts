import { contentKind } from './content-kind.js';
import { csvRows, type CsvRowReader } from './csv-rows.js';
import { isDelimitedText } from './delimited-text.js';
import type { RawCell, RawRows } from './raw-table.js';
import { multiLineCellFindings, strayQuoteFindings } from './stray-quotes.js';
import { encodingFindings, TextEncodingCheck, undefinedIn1252, type TextReading, type Utf8Decoder } from './text-encoding.js';

/**
 * Plain CSV files, read by the streaming CSV reader (csv-rows.ts) without SheetJS: a check of CSV
 * extracts never loads SheetJS (workbook-tables.ts reads everything else).
 */

/** Whether a file's name says it is CSV text (.csv, or .txt). */
export const isCsvFile = (file: string) => /\.(csv|txt)$/i.test(file);

/** Whether a file is read by the streaming CSV reader, given its name and first bytes (plain delimited text). */
export function isStreamedCsv(file: string, head: Uint8Array): boolean {
  return isCsvFile(file) && contentKind(head) === 'text' && isDelimitedText(head);
}

/**
 * A CSV file read by the streaming reader, from chunks of its bytes made on demand (each pass
 * over its rows reads them anew), with findings on how its text was read and its stray quotes
 * (those of the latest pass); in a file read as Windows-1252, the bytes that encoding leaves
 * undefined are counted as they pass. UTF-8 is decoded by a decoder `utf8` makes (TextDecoder's
 * unless given).
 */
export function csvTable(file: string, chunks: () => Iterable<Uint8Array>, reading: TextReading, utf8?: () => Utf8Decoder): RawRows {
  let undefinedBytes = 0;
  let latest: CsvRowReader | undefined;
  function* counted(): Generator<Uint8Array> {
    undefinedBytes = 0;
    for (const chunk of chunks()) {
      undefinedBytes += undefinedIn1252(chunk);
      yield chunk;
    }
  }
  const source = reading.encoding === 'windows-1252' ? counted : chunks;
  return {
    file,
    firstRow: 1,
    rows: { [Symbol.iterator]: () => (latest = csvRows(source(), reading.encoding, utf8)) },
    readFindings: () => [...encodingFindings(file, reading, undefinedBytes), ...strayQuoteFindings(file, latest?.strayQuotes ?? []), ...multiLineCellFindings(file, latest?.multiLineCells ?? [])],
  };
}

/**
 * The first `most` rows of a CSV file, from its first bytes, their text read as the whole file's
 * is (TextEncodingCheck.readingSoFar): where the first bytes are UTF-8, so is the whole unless
 * they are ASCII, which reads the same either way.
 */
export const csvHead = (bytes: Uint8Array, most: number): RawCell[][] => csvHeadRows(bytes, most).rows;

/** The first `most` rows of a CSV file, as csvHead reads them, and the separator they were read with. */
export function csvHeadRows(bytes: Uint8Array, most: number): { rows: RawCell[][]; separator: string | undefined } {
  const check = new TextEncodingCheck();
  check.update(bytes);
  const rows: RawCell[][] = [];
  const reader = csvRows([bytes], check.readingSoFar().encoding);
  for (const row of reader) {
    rows.push(row);
    if (rows.length === most) break;
  }
  return { rows, separator: reader.separator };
}
