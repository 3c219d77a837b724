/**
 * How a CSV file's bytes are taken as text. SheetJS reads a CSV without a byte order mark as
 * Latin-1, one byte per character, which garbles UTF-8 (what most systems now export): a header
 * with curly quotes would not be recognised and names would read "JosÃ©". So a file whose bytes
 * are all valid UTF-8 is read as UTF-8, and any other (Latin-1 or Windows-1252 bytes, which are
 * almost never valid UTF-8 by chance) as SheetJS reads it.
 */
export type TextEncoding = 'utf-8' | 'latin1';

/** The encoding of bytes held whole (the streamed reader at the edge checks chunk by chunk). */
export function textEncodingOf(bytes: Uint8Array): TextEncoding {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'latin1';
  }
}
