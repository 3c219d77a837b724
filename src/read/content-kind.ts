/** What a file's bytes look like, whatever its name says. */
export type ContentKind = 'empty' | 'zip' | 'compound' | 'pdf' | 'binary' | 'text';

const startsWith = (bytes: Uint8Array, signature: readonly number[]) => signature.every((b, i) => bytes[i] === b);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
/** OLE compound file: old .xls, and any password-protected Office file. */
const COMPOUND = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];
const UTF16_LE = [0xff, 0xfe];
const UTF16_BE = [0xfe, 0xff];

/** How far into a text file to look for the NUL bytes that betray binary content. */
const SNIFF_BYTES = 4096;

/** Classifies bytes by their signature; text is anything else without NUL bytes (or UTF-16 with a BOM). */
export function contentKind(bytes: Uint8Array): ContentKind {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP)) return 'zip';
  if (startsWith(bytes, COMPOUND)) return 'compound';
  if (startsWith(bytes, PDF)) return 'pdf';
  if (startsWith(bytes, UTF16_LE) || startsWith(bytes, UTF16_BE)) return 'text';
  return bytes.subarray(0, SNIFF_BYTES).includes(0) ? 'binary' : 'text';
}
