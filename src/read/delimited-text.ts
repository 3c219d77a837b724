// Which files the streaming CSV reader (csv-rows.ts) takes, told from their first bytes, and the separator it reads them with.
import { decodedUtf8Kind } from './text-encoding.js';

/** What text may start with before its first row: a tab, a line break or a space. */
const LEADING_SPACE = new Set([0x09, 0x0a, 0x0d, 0x20]);

/** Whether the bytes start with one whole UTF-8 character of two to four bytes. */
function startsWithUtf8Character(head: Uint8Array): boolean {
  const a = head[0]!;
  const length = a >= 0xf0 ? 4 : a >= 0xe0 ? 3 : a >= 0xc0 ? 2 : 0;
  return length > 0 && head.length >= length && decodedUtf8Kind(head.subarray(0, length)) === 'utf-8';
}

/**
 * Whether these first bytes are delimited text this reader takes: not a zip, an OLE file,
 * XML/HTML, SYLK, DIF, RTF, UTF-16 or a dBASE file, which SheetJS reads. Taken too, though
 * SheetJS would read them by other routes: text led by a blank line, a space or a tab (SheetJS's
 * route has no check for stray quotes, which let one quote swallow every row after it), and
 * text led by a character beyond ASCII written whole in UTF-8 (a header in curly quotes,
 * `“Child Unique ID”`, which SheetJS reads as Latin-1, breaking that character and every other;
 * an OLE file, dBASE and UTF-16 start with bytes that are not a whole UTF-8 character).
 */
export function isDelimitedText(head: Uint8Array): boolean {
  const [a = 0, b = 0, c = 0, d = 0] = head;
  if (a === 0xef) return b === 0xbb && c === 0xbf && d !== 0x3c;
  if (LEADING_SPACE.has(a)) return true;
  if (a > 0x7f) return startsWithUtf8Character(head);
  if (a < 0x21 || a > 0x7e || a === 0x3c) return false;
  if (a === 0x49 && b === 0x44 && c === 0x3b) return false;
  if (a === 0x50 && b === 0x4b && c < 0x09 && d < 0x09) return false;
  if (a === 0x54 && b === 0x41 && c === 0x42 && d === 0x4c) return false;
  if (a === 0x7b && b === 0x5c && c === 0x72 && d === 0x74) return false;
  return true;
}

const SEPARATORS: Record<number, string> = { 0x2c: ',', 0x09: '\t', 0x3b: ';', 0x7c: '|' };
const SEPARATOR_WEIGHTS: Record<number, number> = { 0x2c: 3, 0x09: 2, 0x3b: 1, 0x7c: 0 };

/** How many characters of a file's first text its separator is guessed from. */
export const GUESS_FROM = 1024;

/** SheetJS's separator guess: the commonest of , tab ; | outside quotes, ties to the heavier. */
export function guessSeparator(text: string): number {
  const counts = new Map<number, number>();
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const cc = text.charCodeAt(i);
    if (cc === 0x22) quoted = !quoted;
    else if (!quoted && cc in SEPARATORS) counts.set(cc, (counts.get(cc) ?? 0) + 1);
  }
  const ranked = counts.size ? [...counts] : Object.entries(SEPARATOR_WEIGHTS).map(([k, w]) => [Number(k), w] as [number, number]);
  ranked.sort((x, y) => x[1] - y[1] || SEPARATOR_WEIGHTS[x[0]]! - SEPARATOR_WEIGHTS[y[0]]!);
  return ranked[ranked.length - 1]![0];
}
