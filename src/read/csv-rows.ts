import type { RawCell } from './raw-table.js';
import { decodeWindows1252, type TextEncoding } from './text-encoding.js';

/**
 * CSV read as a stream of rows, chunk by chunk, with exactly the semantics of SheetJS's CSV
 * reader under `raw: true` (the reference: test/read/csv-rows.test.ts holds the two equal):
 * bytes are Windows-1252 unless they start with a UTF-8 byte order mark or the caller has found
 * them to be UTF-8 (see text-encoding.ts: there this reader parts from SheetJS, on purpose: it
 * reads Latin-1); a first line "sep=;" names
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

/**
 * Bytes to text: UTF-8 after a byte order mark or when so told, else Windows-1252 (one byte per
 * character; SheetJS reads Latin-1, which breaks ’, “ and Œ). ASCII bytes are the same either way.
 */
function decoder(first: Uint8Array, encoding: TextEncoding): (bytes: Uint8Array, final: boolean) => string {
  if (encoding === 'utf-8' || (first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf)) {
    const utf8 = new TextDecoder('utf-8', { ignoreBOM: false });
    return (bytes, final) => utf8.decode(bytes, { stream: !final });
  }
  return decodeWindows1252();
}

/** The cell text between two boundaries, as SheetJS finishes a cell: a last CR dropped, enclosing quotes removed and doubled ones undone. */
function cellValue(text: string, start: number, end: number): RawCell {
  if (end > start && text.charCodeAt(end - 1) === CR) end--;
  if (end > start && text.charCodeAt(start) === QUOTE && text.charCodeAt(end - 1) === QUOTE) {
    const inner = text.slice(start + 1, end - 1);
    if (inner.length === 0) return null;
    return inner.includes('""') ? inner.replace(/""/g, '"') : inner;
  }
  return end > start ? text.slice(start, end) : null;
}

/** The same bytes, the first chunk at least `n` bytes long (so a byte order mark is seen whole). */
function* headFirst(chunks: Iterable<Uint8Array>, n: number): Generator<Uint8Array> {
  let head: Uint8Array | undefined = new Uint8Array(0);
  for (const chunk of chunks) {
    if (!head) {
      yield chunk;
      continue;
    }
    const joined: Uint8Array = head.length ? new Uint8Array(head.length + chunk.length) : chunk;
    if (head.length) {
      joined.set(head);
      joined.set(chunk, head.length);
    }
    head = joined;
    if (head.length >= n) {
      yield head;
      head = undefined;
    }
  }
  if (head?.length) yield head;
}

/**
 * Cells and rows found in text given piece by piece. A cell that starts with a quote is read
 * character by character (quotes toggle whether a separator or line end counts); any other
 * cell ends at the first separator, CR or LF, found with indexOf, which is much faster than a
 * loop over the characters of a large file.
 */
class Tokenizer {
  /** The text fed and not yet made into rows, and more. */
  private text = '';
  /** Where the unfinished cell starts. */
  private start = 0;
  /** Where the scan for its end resumes, and whether it is inside quotes there. */
  private scan = 0;
  private quoted = false;
  /** Whether the text fed is the whole rest of the file. */
  private final = false;
  /** The unfinished row's cells so far. */
  private row: RawCell[] = [];
  /** The next separator, LF and CR at or after the scan (the text's length when none). */
  private nextSeparator = -1;
  private nextLf = -1;
  private nextCr = -1;
  /** The separator to look for: none when it is a quote (a quote never separates). */
  private readonly separatorText: string | undefined;

  constructor(private readonly separator: number) {
    this.separatorText = separator === QUOTE ? undefined : String.fromCharCode(separator);
  }

  /** Adds the next piece of text; `final` when it is the last. */
  feed(more: string, final: boolean): void {
    this.text = this.text.slice(this.start) + more;
    this.scan -= this.start;
    this.start = 0;
    this.final = final;
    this.nextSeparator = this.nextLf = this.nextCr = -1;
  }

  /** The next row the text fed so far completes (after the last piece, the last row too); undefined when there is none yet. */
  nextRow(): RawCell[] | undefined {
    const text = this.text;
    const length = text.length;
    for (;;) {
      const end = text.charCodeAt(this.start) === QUOTE ? this.quotedEnd(this.scan) : this.plainEnd(this.scan);
      if (end === length) {
        this.scan = length;
        if (!this.final) return undefined;
        if (length > this.start) this.row.push(cellValue(text, this.start, length));
        this.start = length;
        return this.takeRow();
      }
      const cc = text.charCodeAt(end);
      let next = end + 1;
      if (cc === CR) {
        if (next === length && !this.final) {
          this.scan = end;
          return undefined;
        }
        if (text.charCodeAt(next) === LF) next++;
      }
      this.row.push(cellValue(text, this.start, next - 1));
      this.start = this.scan = next;
      this.quoted = false;
      if (cc !== this.separator) return this.takeRow();
    }
  }

  private takeRow(): RawCell[] | undefined {
    const row = this.row;
    this.row = [];
    return row.length ? row : undefined;
  }

  private find(char: string, from: number): number {
    const at = this.text.indexOf(char, from);
    return at < 0 ? this.text.length : at;
  }

  /** Where a cell not led by a quote ends: the first separator, LF or CR. */
  private plainEnd(from: number): number {
    if (this.nextSeparator < from) this.nextSeparator = this.separatorText === undefined ? this.text.length : this.find(this.separatorText, from);
    if (this.nextLf < from) this.nextLf = this.find('\n', from);
    if (this.nextCr < from) this.nextCr = this.find('\r', from);
    return Math.min(this.nextSeparator, this.nextLf, this.nextCr);
  }

  /** Where a cell led by a quote ends: the first separator, LF or CR outside quotes. */
  private quotedEnd(from: number): number {
    const text = this.text;
    let i = from;
    while (i < text.length) {
      if (this.quoted) {
        const close = text.indexOf('"', i);
        if (close < 0) return text.length;
        this.quoted = false;
        i = close + 1;
        continue;
      }
      const cc = text.charCodeAt(i);
      if (cc === QUOTE) this.quoted = true;
      else if (cc === this.separator || cc === LF || cc === CR) return i;
      i++;
    }
    return text.length;
  }
}

/** The tokenizer for a file's first text: the separator named by a first line "sep=;", else guessed; the text after that line. */
function begin(text: string): { tokenizer: Tokenizer; text: string } {
  if (text.startsWith('sep=') && (text.charCodeAt(5) === CR || text.charCodeAt(5) === LF)) {
    return { tokenizer: new Tokenizer(text.charCodeAt(4)), text: text.slice(text.charCodeAt(5) === CR && text.charCodeAt(6) === LF ? 7 : 6) };
  }
  return { tokenizer: new Tokenizer(guessSeparator(text.slice(0, GUESS_FROM))), text };
}

/**
 * Rows of a CSV file given as chunks of bytes, in order. An iterator object rather than a
 * generator: it hands out a million rows, and a generator's resumption on each would cost more
 * than finding the row.
 */
class CsvRows implements IterableIterator<RawCell[]> {
  private readonly chunks: Iterator<Uint8Array>;
  private decode: ((bytes: Uint8Array, final: boolean) => string) | undefined;
  private tokenizer: Tokenizer | undefined;
  /** Text read before there is enough to know the separator. */
  private early = '';
  private ended = false;

  constructor(
    chunks: Iterable<Uint8Array>,
    private readonly encoding: TextEncoding,
  ) {
    this.chunks = headFirst(chunks, 3);
  }

  [Symbol.iterator](): this {
    return this;
  }

  next(): IteratorResult<RawCell[]> {
    for (;;) {
      const row = this.tokenizer?.nextRow();
      if (row) return { value: row, done: false };
      if (this.ended) return { value: undefined, done: true };
      this.read();
    }
  }

  /** Decodes the next chunk (at the end, what the decoder still holds) for the tokenizer, made once the separator can be told. */
  private read(): void {
    const next = this.chunks.next();
    this.ended = next.done === true;
    const bytes = next.done ? new Uint8Array(0) : next.value;
    this.decode ??= decoder(bytes, this.encoding);
    let text = this.decode(bytes, this.ended);
    if (!this.tokenizer) {
      text = this.early + text;
      if (!this.ended && text.length < GUESS_FROM + 7) {
        this.early = text;
        return;
      }
      ({ tokenizer: this.tokenizer, text } = begin(text));
    }
    this.tokenizer.feed(text, this.ended);
  }
}

/** Rows of a CSV file given as chunks of bytes, in order, taken as text in the given encoding (Windows-1252 by default). */
export function csvRows(chunks: Iterable<Uint8Array>, encoding: TextEncoding = 'windows-1252'): IterableIterator<RawCell[]> {
  return new CsvRows(chunks, encoding);
}
