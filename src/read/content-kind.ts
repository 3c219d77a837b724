/** What a file's bytes look like, whatever its name says. */
export type ContentKind = 'empty' | 'zip' | 'compound' | 'pdf' | 'binary' | 'utf16-no-bom' | 'text';

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

/**
 * Whether bytes with NULs in them look like UTF-16 text with no byte order mark: Latin letters
 * and digits in UTF-16 are each a NUL and a byte of text, so nearly every other byte (the even
 * ones, or the odd ones) is NUL and the others are not.
 */
function looksUtf16(head: Uint8Array): boolean {
  const nuls = [0, 0];
  for (let i = 0; i < head.length; i++) if (head[i] === 0) nuls[i % 2]!++;
  const half = head.length / 2;
  return Math.max(nuls[0]!, nuls[1]!) >= 0.8 * half && Math.min(nuls[0]!, nuls[1]!) <= 0.05 * half;
}

/** Classifies bytes by their signature; text is anything else without NUL bytes (or UTF-16 with a BOM). */
export function contentKind(bytes: Uint8Array): ContentKind {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP)) return 'zip';
  if (startsWith(bytes, COMPOUND)) return 'compound';
  if (startsWith(bytes, PDF)) return 'pdf';
  if (startsWith(bytes, UTF16_LE) || startsWith(bytes, UTF16_BE)) return 'text';
  const head = bytes.subarray(0, SNIFF_BYTES);
  if (!head.includes(0)) return 'text';
  return looksUtf16(head) ? 'utf16-no-bom' : 'binary';
}
