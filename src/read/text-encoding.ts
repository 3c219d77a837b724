import type { Finding } from '../findings/finding.js';

/**
 * How a CSV file's bytes are taken as text. SheetJS reads a CSV without a byte order mark as
 * Latin-1, one byte per character, which garbles UTF-8 (what most systems now export): a header
 * with curly quotes would not be recognised and names would read "JosÃ©". So each file is
 * looked at whole, by one decision every reader asks (TextEncodingCheck): one that is UTF-8 (all
 * of it, or UTF-8 with damaged bytes) is read as UTF-8; any other as Windows-1252, the Western European encoding
 * Excel saves "CSV (Comma delimited)" in, which is Latin-1 but for ’, “, €, Œ and the like in
 * bytes 0x80 to 0x9F (TextDecoder's windows-1252 maps those as the WHATWG standard does).
 */
export type TextEncoding = 'utf-8' | 'windows-1252';

/** How a file's text is read, and how many byte sequences in it are not UTF-8 (each read as U+FFFD when it is read as UTF-8). */
export interface TextReading {
  encoding: TextEncoding;
  notUtf8: number;
}

/** What a run of bytes is: ASCII, UTF-8 beyond ASCII, or not UTF-8. */
export type Utf8Kind = 'ascii' | 'utf-8' | 'not-utf-8';

/** Utf8Kind by TextDecoder, which runs anywhere (at the edge Node's native checks, much faster, say the same). */
export function decodedUtf8Kind(bytes: Uint8Array): Utf8Kind {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).length === bytes.length ? 'ascii' : 'utf-8';
  } catch {
    return 'not-utf-8';
  }
}

/**
 * The one decision on how a CSV file's bytes are read as text, made over bytes given in order,
 * whole or chunk by chunk (the same wherever chunks end): every reader of a file (the command
 * line's streamed read, the whole-file read, the guess at its dataset from its first bytes, the
 * browser page) asks it. UTF-8 when every byte is; when not, still UTF-8 where UTF-8 beyond
 * ASCII comes before the first byte that is not (UTF-8 text damaged) or where UTF-8 characters
 * outnumber the byte sequences that are not; else Windows-1252. Chunks are checked whole, by
 * `kind` (Node's native check at the edge reads a million-row file in milliseconds), until one
 * is not UTF-8; the rest is decoded and tallied.
 */
export class TextEncodingCheck {
  /** A character cut short at the end of the bytes checked so far. */
  private tail = new Uint8Array(0);
  /** From the first chunk that is not UTF-8: a decoder, and the counts. */
  private decoder: TextDecoder | undefined;
  /** Whether UTF-8 beyond ASCII (a byte order mark among it: Excel reads the file as UTF-8) came before the first sequence that is not UTF-8. */
  private utf8Before = false;
  private seen = false;
  private utf8 = 0;
  private broken = 0;

  constructor(private readonly kind: (bytes: Uint8Array) => Utf8Kind = decodedUtf8Kind) {}

  update(chunk: Uint8Array): void {
    if (this.decoder) return this.tally(chunk, false);
    const bytes = this.tail.length ? concat(this.tail, chunk) : chunk;
    if (!this.seen) this.utf8Before = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    this.seen = true;
    const cut = completeLength(bytes);
    const kind = this.kind(bytes.subarray(0, cut));
    if (kind === 'not-utf-8') {
      this.decoder = new TextDecoder('utf-8');
      this.tail = new Uint8Array(0);
      return this.tally(bytes, false);
    }
    this.utf8Before ||= kind === 'utf-8';
    this.tail = bytes.slice(cut);
  }

  /** How the bytes seen so far are read, a character cut short at their end aside (a file's first bytes, not all of it). */
  readingSoFar(): TextReading {
    const utf8 = this.broken === 0 || this.utf8Before || this.utf8 > this.broken;
    return { encoding: utf8 ? 'utf-8' : 'windows-1252', notUtf8: this.broken };
  }

  /** How the bytes seen are read, once they are all of the file (bytes cut short at the end are not UTF-8). */
  reading(): TextReading {
    if (this.tail.length) {
      this.decoder ??= new TextDecoder('utf-8');
      this.tally(this.tail, true);
      this.tail = new Uint8Array(0);
    } else if (this.decoder) this.tally(new Uint8Array(0), true);
    return this.readingSoFar();
  }

  private tally(bytes: Uint8Array, final: boolean): void {
    const text = this.decoder!.decode(bytes, { stream: !final });
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0xfffd) {
        this.utf8Before ||= this.broken === 0 && this.utf8 > 0;
        this.broken++;
      } else if (c > 0x7f && (c < 0xdc00 || c > 0xdfff)) this.utf8++;
    }
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
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

/** How bytes held whole are read. */
export function textReadingOf(bytes: Uint8Array): TextReading {
  const check = new TextEncodingCheck();
  check.update(bytes);
  return check.reading();
}

/**
 * Windows-1252's characters for bytes 0x80 to 0x9F, as the WHATWG encoding standard maps them
 * (the five it leaves undefined map to the control character of the same number).
 */
const C1_AS_1252 = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Windows-1252 bytes to text. TextDecoder('windows-1252') does this in a browser, but Node 20's
 * reads bytes 0x80 to 0x9F as Latin-1's control characters, so those are mapped after it (a
 * no-op where TextDecoder is right). One byte per character: chunks need no carrying over.
 */
export function decodeWindows1252(): (bytes: Uint8Array) => string {
  const decoder = new TextDecoder('windows-1252');
  return (bytes) => decoder.decode(bytes).replace(/[\u0080-\u009f]/g, (c) => C1_AS_1252[c.charCodeAt(0) - 0x80]!);
}

/** The bytes Windows-1252 leaves undefined: TextDecoder reads them as control characters. */
const UNDEFINED_IN_1252 = [0x81, 0x8d, 0x8f, 0x90, 0x9d];

/** How many bytes of these Windows-1252 leaves undefined. */
export function undefinedIn1252(bytes: Uint8Array): number {
  let n = 0;
  for (const b of UNDEFINED_IN_1252) for (let i = bytes.indexOf(b); i !== -1; i = bytes.indexOf(b, i + 1)) n++;
  return n;
}

const SAVE_AS = 'save it as "CSV UTF-8 (Comma delimited)"';

/** What a person should know about how a file's text was read: read as Windows-1252, damaged UTF-8, bytes that fit neither. */
export function encodingFindings(file: string, reading: TextReading, undefinedBytes: number): Finding[] {
  const about = { file, kind: 'suspicious-value' as const };
  if (reading.encoding === 'utf-8') {
    if (reading.notUtf8 === 0) return [];
    return [{ ...about, level: 'warning', message: `UTF-8 text with ${reading.notUtf8} damaged character(s), byte(s) that are not UTF-8, each read as "\uFFFD": find and correct them in the file` }];
  }
  const read: Finding = { ...about, level: 'info', message: `Not UTF-8, so read as Windows-1252 (Western European, as Excel saves "CSV (Comma delimited)"); if a name reads wrongly, ${SAVE_AS}` };
  if (undefinedBytes === 0) return [read];
  return [read, { ...about, level: 'warning', message: `${undefinedBytes} byte(s) are neither UTF-8 nor Windows-1252 (0x81, 0x8D, 0x8F, 0x90 or 0x9D, read as unprintable characters): the file may be in another encoding; ${SAVE_AS}` }];
}

/**
 * Decodes UTF-8 given in chunks, in order, the last one `final`: a leading byte order mark
 * dropped, each byte sequence that is not UTF-8 read as one U+FFFD, as TextDecoder reads it.
 */
export type Utf8Decoder = (bytes: Uint8Array, final: boolean) => string;

/** A Utf8Decoder by TextDecoder, which runs anywhere (at the edge, Node's native decoder reads a million-row file several times faster). */
export function textDecoderUtf8(): Utf8Decoder {
  const utf8 = new TextDecoder('utf-8', { ignoreBOM: false });
  return (bytes, final) => utf8.decode(bytes, { stream: !final });
}

/**
 * Bytes to text: UTF-8 after a byte order mark or when so told (by a decoder `utf8` makes), else
 * Windows-1252 (one byte per character; SheetJS reads Latin-1, which breaks ’, “ and Œ). ASCII
 * bytes are the same either way.
 */
export function textDecoder(first: Uint8Array, encoding: TextEncoding, utf8: () => Utf8Decoder = textDecoderUtf8): Utf8Decoder {
  if (encoding === 'utf-8' || (first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf)) return utf8();
  return decodeWindows1252();
}

/** The same bytes, the first chunk at least `n` bytes long (so a byte order mark is seen whole). */
export function* headFirst(chunks: Iterable<Uint8Array>, n: number): Generator<Uint8Array> {
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
