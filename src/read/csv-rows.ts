import type { RawCell } from './raw-table.js';

/**
 * CSV read as a stream of rows, chunk by chunk, with exactly the semantics of SheetJS's CSV
 * reader under `raw: true` (the reference: test/read/csv-rows.test.ts holds the two equal):
 * bytes are Latin-1 unless they start with a UTF-8 byte order mark; a first line "sep=;" names
 * the separator, else it is guessed from the first 1,024 characters (comma, tab, semicolon or
 * pipe, outside quotes); a cell is quoted only when it starts with a quote; CR, LF and CRLF end
 * rows; every value is text and an empty cell is null. Only a row's cells are ever held, never
 * the file, so a million-row file costs no more memory than a few chunks.
 */

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const SEPARATORS: Record<number, string> = { 0x2c: ',', 0x09: '\t', 0x3b: ';', 0x7c: '|' };
const SEPARATOR_WEIGHTS: Record<number, number> = { 0x2c: 3, 0x09: 2, 0x3b: 1, 0x7c: 0 };
const GUESS_FROM = 1024;

/**
 * Whether SheetJS would read these first bytes as delimited text (and so this reader may): not a
 * zip, an OLE file, XML/HTML, SYLK, DIF, RTF, UTF-16, a dBASE file or text led by whitespace,
 * which SheetJS reads by other routes.
 */
export function isDelimitedText(head: Uint8Array): boolean {
  const [a = 0, b = 0, c = 0, d = 0] = head;
  if (a === 0xef) return b === 0xbb && c === 0xbf && d !== 0x3c;
  if (a < 0x21 || a > 0x7e || a === 0x3c) return false;
  if (a === 0x49 && b === 0x44) return false;
  if (a === 0x50 && b === 0x4b && c < 0x09 && d < 0x09) return false;
  if (a === 0x54 && b === 0x41 && c === 0x42 && d === 0x4c) return false;
  if (a === 0x7b && b === 0x5c && c === 0x72 && d === 0x74) return false;
  return true;
}

/** SheetJS's separator guess: the commonest of , tab ; | outside quotes, ties to the heavier. */
function guessSeparator(text: string): number {
  const counts = new Map<number, number>();
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const cc = text.charCodeAt(i);
    if (cc === QUOTE) quoted = !quoted;
    else if (!quoted && cc in SEPARATORS) counts.set(cc, (counts.get(cc) ?? 0) + 1);
  }
  const ranked = counts.size ? [...counts] : Object.entries(SEPARATOR_WEIGHTS).map(([k, w]) => [Number(k), w] as [number, number]);
  ranked.sort((x, y) => x[1] - y[1] || SEPARATOR_WEIGHTS[x[0]]! - SEPARATOR_WEIGHTS[y[0]]!);
  return ranked[ranked.length - 1]![0];
}

/** Bytes to text as SheetJS decodes CSV: UTF-8 after a byte order mark, else one byte per character. */
function decoder(first: Uint8Array): (bytes: Uint8Array, final: boolean) => string {
  if (first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf) {
    const utf8 = new TextDecoder('utf-8', { ignoreBOM: false });
    return (bytes, final) => utf8.decode(bytes, { stream: !final });
  }
  return (bytes) => {
    let text = '';
    for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192) as unknown as number[]);
    return text;
  };
}

/** The cell text between two boundaries, as SheetJS finishes a cell. */
function cellValue(text: string, start: number, end: number): RawCell {
  let s = text.slice(start, end);
  if (s.charCodeAt(s.length - 1) === CR) s = s.slice(0, -1);
  if (s.charCodeAt(0) === QUOTE && s.length > 0 && s.charCodeAt(s.length - 1) === QUOTE) s = s.slice(1, -1).replace(/""/g, '"');
  return s.length === 0 ? null : s;
}

/** The same bytes, the first chunk at least `n` bytes long (so a byte order mark is seen whole). */
function* headFirst(chunks: Iterable<Uint8Array>, n: number): Generator<Uint8Array> {
  let head: Uint8Array | undefined = new Uint8Array(0);
  for (const chunk of chunks) {
    if (!head) {
      yield chunk;
      continue;
    }
    const joined: Uint8Array = new Uint8Array(head.length + chunk.length);
    joined.set(head);
    joined.set(chunk, head.length);
    head = joined;
    if (head.length >= n) {
      yield head;
      head = undefined;
    }
  }
  if (head?.length) yield head;
}

/** Rows of a CSV file given as chunks of bytes, in order. */
export function* csvRows(chunks: Iterable<Uint8Array>): Generator<RawCell[]> {
  let decode: ((bytes: Uint8Array, final: boolean) => string) | undefined;
  let text = '';
  let separator = -1;
  let row: RawCell[] = [];
  // Scan state kept across chunks: where the scan resumes and whether it is inside quotes.
  let resume = 0;
  let quoted = false;
  const iterator = headFirst(chunks, 3);
  let final = false;
  while (!final) {
    const next = iterator.next();
    final = next.done === true;
    const bytes = next.done ? new Uint8Array(0) : next.value;
    decode ??= decoder(bytes);
    text += decode(bytes, final);
    if (separator < 0) {
      if (!final && text.length < GUESS_FROM + 7) continue;
      if (text.startsWith('sep=') && (text.charCodeAt(5) === CR || text.charCodeAt(5) === LF)) {
        separator = text.charCodeAt(4);
        text = text.slice(text.charCodeAt(5) === CR && text.charCodeAt(6) === LF ? 7 : 6);
      } else separator = guessSeparator(text.slice(0, GUESS_FROM));
    }
    let start = 0;
    let startsQuoted = text.charCodeAt(0) === QUOTE;
    const length = text.length;
    let end = resume;
    for (; end < length; end++) {
      const cc = text.charCodeAt(end);
      if (cc === QUOTE) {
        if (startsQuoted) quoted = !quoted;
        continue;
      }
      if (quoted || (cc !== separator && cc !== LF && cc !== CR)) continue;
      if (cc === CR) {
        if (end + 1 === length && !final) break;
        if (text.charCodeAt(end + 1) === LF) end++;
      }
      row.push(cellValue(text, start, end));
      if (cc !== separator) {
        yield row;
        row = [];
      }
      start = end + 1;
      startsQuoted = text.charCodeAt(start) === QUOTE;
    }
    if (final) {
      if (length - start > 0) row.push(cellValue(text, start, length));
      if (row.length) yield row;
    } else {
      text = text.slice(start);
      resume = end - start;
    }
  }
}
