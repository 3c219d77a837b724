/**
 * How a CSV file's bytes are taken as text. SheetJS reads a CSV without a byte order mark as
 * Latin-1, one byte per character, which garbles UTF-8 (what most systems now export): a header
 * with curly quotes would not be recognised and names would read "JosÃ©". So a file whose bytes
 * are all valid UTF-8 is read as UTF-8, and any other (Latin-1 or Windows-1252 bytes, which are
 * almost never valid UTF-8 by chance) as SheetJS reads it.
 */
export type TextEncoding = 'utf-8' | 'latin1';

/** Told a file's bytes chunk by chunk, says at the end whether they are all valid UTF-8. */
export class Utf8Check {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private valid = true;

  update(bytes: Uint8Array): void {
    if (!this.valid) return;
    try {
      this.decoder.decode(bytes, { stream: true });
    } catch {
      this.valid = false;
    }
  }

  /** The encoding to read the bytes seen with (call once, after the last chunk). */
  encoding(): TextEncoding {
    this.update(new Uint8Array(0));
    if (this.valid) {
      try {
        this.decoder.decode();
      } catch {
        this.valid = false;
      }
    }
    return this.valid ? 'utf-8' : 'latin1';
  }
}

/** The encoding of bytes held whole. */
export function textEncodingOf(bytes: Uint8Array): TextEncoding {
  const check = new Utf8Check();
  check.update(bytes);
  return check.encoding();
}
