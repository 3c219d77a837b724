import type { Finding } from '../findings/finding.js';

/**
 * How a CSV file's bytes are taken as text. SheetJS reads a CSV without a byte order mark as
 * Latin-1, one byte per character, which garbles UTF-8 (what most systems now export): a header
 * with curly quotes would not be recognised and names would read "JosÃ©". So each file is
 * looked at whole: one that is UTF-8 (all of it, or all but a few damaged bytes among many
 * UTF-8 characters) is read as UTF-8; any other as Windows-1252, the Western European encoding
 * Excel saves "CSV (Comma delimited)" in, which is Latin-1 but for ’, “, €, Œ and the like in
 * bytes 0x80 to 0x9F (TextDecoder's windows-1252 maps those as the WHATWG standard does).
 */
export type TextEncoding = 'utf-8' | 'windows-1252';

/** How a file's text is read, and how many byte sequences in it are not UTF-8 (each read as U+FFFD when it is read as UTF-8). */
export interface TextReading {
  encoding: TextEncoding;
  notUtf8: number;
}

/**
 * Counts, over bytes given in order, the characters beyond ASCII that are UTF-8 and the byte
 * sequences that are not: run only on a file found not to be all UTF-8. UTF-8 text with a stray
 * byte has many of the first and few of the second; Windows-1252 text has almost none of the first.
 */
export class Utf8Tally {
  private readonly decoder = new TextDecoder('utf-8');
  private utf8 = 0;
  private broken = 0;

  /** `utf8Before`: whether bytes before these held UTF-8 beyond ASCII, which settles that the file is UTF-8. */
  constructor(private readonly utf8Before = false) {}

  update(bytes: Uint8Array, final = false): void {
    const text = this.decoder.decode(bytes, { stream: !final });
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0xfffd) this.broken++;
      else if (c > 0x7f && (c < 0xdc00 || c > 0xdfff)) this.utf8++;
    }
  }

  /** UTF-8 when its characters outnumber the sequences that are not (or came before them), else Windows-1252 (after the last bytes). */
  reading(): TextReading {
    this.update(new Uint8Array(0), true);
    return this.utf8Before || this.broken === 0 || this.utf8 > this.broken ? { encoding: 'utf-8', notUtf8: this.broken } : { encoding: 'windows-1252', notUtf8: this.broken };
  }
}

/** How bytes held whole are read (the streamed reader at the edge looks at them chunk by chunk). */
export function textReadingOf(bytes: Uint8Array): TextReading {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { encoding: 'utf-8', notUtf8: 0 };
  } catch {
    const tally = new Utf8Tally();
    tally.update(bytes);
    return tally.reading();
  }
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
