import type { RawCell } from './raw-table.js';
import { GUESS_FROM, guessSeparator } from './delimited-text.js';
import { MAX_QUOTED_LINES, type MultiLineCell, type StrayQuote } from './stray-quotes.js';
import { headFirst, textDecoder, type TextEncoding, type Utf8Decoder } from './text-encoding.js';

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
 *
 * One departure from SheetJS, on purpose: a stray quote. A quoted cell may run across line
 * breaks (legal CSV), but one that is never closed, that runs over more than MAX_QUOTED_LINES
 * lines, or that takes in lines that look like whole rows (see Tokenizer.ended; a worker typed
 * as `"O'Brien`, its quote never closed) would swallow the rows after it, in a million-row file
 * every one. Its quote is read as a character of the cell instead, so that every line is read as
 * its own row, and the reader reports it (`strayQuotes`: the row where the quote opens and how
 * many lines it would have taken in). Held text stays bounded: at most MAX_QUOTED_LINES lines are
 * read ahead before the quote is judged, then read again as rows.
 */

const QUOTE = 0x22;
const SPACE = 0x20;
const CR = 0x0d;
const LF = 0x0a;

/**
 * The cell text between two boundaries, as SheetJS finishes a cell: a last CR dropped, enclosing
 * quotes removed and doubled ones undone; a cell led by a stray quote (`literal`) as it stands.
 */
function cellValue(text: string, start: number, end: number, literal: boolean): RawCell {
  if (end > start && text.charCodeAt(end - 1) === CR) end--;
  if (!literal && end > start && text.charCodeAt(start) === QUOTE && text.charCodeAt(end - 1) === QUOTE) {
    const inner = text.slice(start + 1, end - 1);
    if (inner.length === 0) return null;
    return inner.includes('""') ? inner.replace(/""/g, '"') : inner;
  }
  return end > start ? text.slice(start, end) : null;
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
  /** Characters of the text dropped before `text` (already made into rows). */
  private offset = 0;
  /** Rows given so far, and the most cells any of them had. */
  rowsGiven = 0;
  private widest = 0;
  /** Where a cell led by a stray quote starts: it is read as a plain cell, the quote part of its text. */
  private literalAt = -1;
  /**
   * In the unfinished quoted cell: line breaks taken in and where its current line starts (-1
   * before the first break); how many cells a row is taken to have (see takeIn); the whole lines
   * taken in, blank ones aside, and how many of them look like rows; whether text follows a
   * closing quote (`"Smith, Jo"` read as the close of a stray quote before it), which a legal
   * quoted cell never has.
   */
  private lines = 0;
  private lineStart = -1;
  private width = 0;
  private wholeLines = 0;
  private rowLines = 0;
  private textAfterClose = false;
  /** Line breaks taken into quoted cells, and whether the text ended inside one (see CsvRowReader). */
  linesInQuotes = 0;
  endedInQuote = false;

  constructor(
    private readonly separator: number,
    private readonly strays: StrayQuote[],
    private readonly multiLine: MultiLineCell[],
  ) {
    this.separatorText = separator === QUOTE ? undefined : String.fromCharCode(separator);
  }

  get separatorChar(): string {
    return String.fromCharCode(this.separator);
  }

  /** Adds the next piece of text; `final` when it is the last. */
  feed(more: string, final: boolean): void {
    this.text = this.text.slice(this.start) + more;
    this.offset += this.start;
    this.scan -= this.start;
    this.literalAt -= this.start;
    if (this.lineStart >= 0) this.lineStart -= this.start;
    this.start = 0;
    this.final = final;
    this.nextSeparator = this.nextLf = this.nextCr = -1;
  }

  /** The next row the text fed so far completes (after the last piece, the last row too); undefined when there is none yet. */
  nextRow(): RawCell[] | undefined {
    const text = this.text;
    const length = text.length;
    for (;;) {
      const end = text.charCodeAt(this.start) === QUOTE && this.start !== this.literalAt ? this.quotedEnd(this.scan) : this.plainEnd(this.scan);
      if (end < 0) continue;
      if (end === length) {
        this.scan = length;
        if (!this.final) return undefined;
        if (length > this.start) this.row.push(cellValue(text, this.start, length, this.start === this.literalAt));
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
      this.row.push(cellValue(text, this.start, next - 1, this.start === this.literalAt));
      this.start = this.scan = next;
      this.quoted = false;
      if (cc !== this.separator) return this.takeRow();
    }
  }

  private takeRow(): RawCell[] | undefined {
    const row = this.row;
    this.row = [];
    if (!row.length) return undefined;
    this.rowsGiven++;
    if (row.length > this.widest) this.widest = row.length;
    return row;
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

  /**
   * Where a cell led by a quote ends: the first separator, LF or CR outside quotes. -1 when its
   * quote is found to be a stray one: the cell is then to be read again as a plain cell.
   */
  private quotedEnd(from: number): number {
    const text = this.text;
    let i = from;
    while (i < text.length) {
      if (this.quoted) {
        const close = text.indexOf('"', i);
        const to = close < 0 ? text.length : close;
        if (this.lineBreakIn(i, to)) this.takeIn(i, to);
        if (this.lines > MAX_QUOTED_LINES) return this.stray('too-many-lines');
        if (close < 0) return this.final ? this.unclosed() : text.length;
        this.quoted = false;
        i = close + 1;
        continue;
      }
      const cc = text.charCodeAt(i);
      if (cc === QUOTE) this.quoted = true;
      else if (cc === this.separator || cc === LF || cc === CR) return this.ended(i);
      else this.textAfterClose = true;
      i++;
    }
    if (!this.final) return text.length;
    return this.quoted ? this.unclosed() : this.ended(text.length);
  }

  /** Whether a line break lies between `from` and `to` (the next LF and CR are remembered, so a line of quoted cells is searched once). */
  private lineBreakIn(from: number, to: number): boolean {
    if (this.nextLf < from) this.nextLf = this.find('\n', from);
    if (this.nextCr < from) this.nextCr = this.find('\r', from);
    return this.nextLf < to || this.nextCr < to;
  }

  /**
   * Counts the line breaks inside the quoted cell between `from` and `to`, and the whole lines
   * among them that look like rows. At the first break, how many cells a row has: as many as the
   * widest row so far or as the quote's own line would hold were its quote a character, whichever
   * is more (so a stray quote in the header row or a first row is judged too).
   */
  private takeIn(from: number, to: number): void {
    const text = this.text;
    for (let p = from; p < to; p++) {
      const cc = text.charCodeAt(p);
      if (cc !== LF && cc !== CR) continue;
      const afterCr = cc === LF && p > this.start && text.charCodeAt(p - 1) === CR;
      if (!afterCr) {
        if (this.lineStart < 0) this.width = Math.max(this.widest, this.row.length + this.separatorsIn(this.start, p).count + 1);
        else if (p > this.lineStart) {
          this.wholeLines++;
          if (this.looksLikeRow(this.lineStart, p)) this.rowLines++;
        }
        this.lines++;
        this.linesInQuotes++;
      }
      this.lineStart = p + 1;
    }
  }

  /** How many separators lie between `from` and `to`, and whether one is followed by a space, as in prose ("Met mother, father absent"). */
  private separatorsIn(from: number, to: number): { count: number; spaced: boolean } {
    const found = { count: 0, spaced: false };
    if (this.separatorText === undefined) return found;
    for (let at = this.text.indexOf(this.separatorText, from); at >= 0 && at < to; at = this.text.indexOf(this.separatorText, at + 1)) {
      found.count++;
      found.spaced ||= this.text.charCodeAt(at + 1) === SPACE;
    }
    return found;
  }

  /** A line holding as many separators as a row has between its cells; where a row has two cells, none of them followed by a space. */
  private looksLikeRow(from: number, to: number): boolean {
    const { count, spaced } = this.separatorsIn(from, to);
    return this.width >= 2 && count >= this.width - 1 && (this.width > 2 || !spaced);
  }

  /** The file ends inside the quoted cell: a stray quote if the cell took in any line after its own (a last empty line aside). */
  private unclosed(): number {
    this.endedInQuote = true;
    if (this.lineStart === this.text.length) this.lines--;
    return this.lines > 0 ? this.stray('never-closed') : this.text.length;
  }

  /**
   * The quoted cell ends at `end`: it stands, unless the lines it took in look like rows. Where a
   * row has three cells or more, one such line is enough; where it has two, a line of a note
   * often holds a comma too, so the quote must also be closed by text after it, or every whole
   * line taken in (two or more) must look like a row. A cell that stands in a file of two columns
   * is remembered (multiLineCells): one line taken in looks there just like a note.
   */
  private ended(end: number): number {
    const rows = this.rowLines > 0 && (this.width > 2 || this.textAfterClose || (this.rowLines >= 2 && this.rowLines === this.wholeLines));
    if (rows) return this.stray('takes-in-rows');
    if (this.lines > 0 && this.widest <= 2) this.multiLine.push({ row: this.rowsGiven + 1, column: this.row.length, lines: this.lines });
    this.forget();
    return end;
  }

  /** Reports the cell's quote as stray and sets the scan back to the cell's start, to be read as a plain cell. */
  private stray(reason: StrayQuote['reason']): number {
    this.strays.push({ row: this.rowsGiven + 1, column: this.row.length, lines: this.lines, reason, offset: this.offset + this.start });
    this.literalAt = this.scan = this.start;
    this.quoted = false;
    this.forget();
    this.nextSeparator = this.nextLf = this.nextCr = -1;
    return -1;
  }

  /** Forgets what was seen in the quoted cell just judged. */
  private forget(): void {
    this.lines = this.width = this.wholeLines = this.rowLines = 0;
    this.lineStart = -1;
    this.textAfterClose = false;
  }
}

/** The tokenizer for a file's first text: the separator named by a first line "sep=;", else guessed; the text after that line. */
function begin(text: string, strays: StrayQuote[], multiLine: MultiLineCell[]): { tokenizer: Tokenizer; text: string } {
  if (text.startsWith('sep=') && (text.charCodeAt(5) === CR || text.charCodeAt(5) === LF)) {
    return { tokenizer: new Tokenizer(text.charCodeAt(4), strays, multiLine), text: text.slice(text.charCodeAt(5) === CR && text.charCodeAt(6) === LF ? 7 : 6) };
  }
  return { tokenizer: new Tokenizer(guessSeparator(text.slice(0, GUESS_FROM)), strays, multiLine), text };
}

/**
 * Rows of a CSV file given as chunks of bytes, in order. An iterator object rather than a
 * generator: it hands out a million rows, and a generator's resumption on each would cost more
 * than finding the row.
 */
class CsvRows implements IterableIterator<RawCell[]> {
  private readonly chunks: Iterator<Uint8Array>;
  private decode: Utf8Decoder | undefined;
  private tokenizer: Tokenizer | undefined;
  /** Text read before there is enough to know the separator. */
  private early = '';
  private ended = false;
  /** Stray quotes found so far (all of them once every row has been read). */
  readonly strayQuotes: StrayQuote[] = [];
  /** In a file of two columns, the quoted cells that run across lines, read as one cell each. */
  readonly multiLineCells: MultiLineCell[] = [];

  constructor(
    chunks: Iterable<Uint8Array>,
    private readonly encoding: TextEncoding,
    private readonly utf8?: () => Utf8Decoder,
    private readonly given?: string,
  ) {
    this.chunks = headFirst(chunks, 3);
  }

  [Symbol.iterator](): this {
    return this;
  }

  get separator(): string | undefined {
    return this.tokenizer?.separatorChar;
  }

  get rowsRead(): number {
    return this.tokenizer?.rowsGiven ?? 0;
  }

  get linesInQuotes(): number {
    return this.tokenizer?.linesInQuotes ?? 0;
  }

  get endedInQuote(): boolean {
    return this.tokenizer?.endedInQuote ?? false;
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
    this.decode ??= textDecoder(bytes, this.encoding, this.utf8);
    let text = this.decode(bytes, this.ended);
    if (!this.tokenizer && this.given !== undefined) this.tokenizer = new Tokenizer(this.given.charCodeAt(0), this.strayQuotes, this.multiLineCells);
    if (!this.tokenizer) {
      text = this.early + text;
      if (!this.ended && text.length < GUESS_FROM + 7) {
        this.early = text;
        return;
      }
      ({ tokenizer: this.tokenizer, text } = begin(text, this.strayQuotes, this.multiLineCells));
    }
    this.tokenizer.feed(text, this.ended);
  }
}

/** Rows of a CSV file as they are read, the separator once known, and the stray quotes found (all of them once every row has been read). */
export type CsvRowReader = IterableIterator<RawCell[]> & {
  readonly strayQuotes: readonly StrayQuote[];
  readonly multiLineCells: readonly MultiLineCell[];
  readonly separator: string | undefined;
  /** Rows given so far. */
  readonly rowsRead: number;
  /** Line breaks so far taken into quoted cells (legal ones, and those of stray quotes). */
  readonly linesInQuotes: number;
  /** Whether the text ended inside a quoted cell. */
  readonly endedInQuote: boolean;
};

/**
 * Rows of a CSV file given as chunks of bytes, in order, taken as text in the given encoding
 * (Windows-1252 by default; UTF-8 by a decoder `utf8` makes, else TextDecoder's). With
 * `separator` (a range of a file's rows, which starts after the file's first line), that is the
 * separator, neither named by a first line nor guessed.
 */
export function csvRows(chunks: Iterable<Uint8Array>, encoding: TextEncoding = 'windows-1252', utf8?: () => Utf8Decoder, separator?: string): CsvRowReader {
  return new CsvRows(chunks, encoding, utf8, separator);
}
