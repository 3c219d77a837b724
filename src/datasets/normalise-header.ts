/**
 * Header text as compared: case, spacing (zero-width spaces too), curly quotes, dashes and
 * stray punctuation at the ends do not matter ("Child’s  Category of Need " = "child's category
 * of need"), nor quotes around the whole name (`“Child Unique ID”`, `'CIN Start Date'`, as some
 * exports write every header), a trailing ':', '*' or full stop (`Date Child Was Last Seen.`),
 * nor a stray quote at either end, one with no other of its kind in the header (`"Supervision
 * Date`, as a CSV reader gives a stray quote: see src/read/stray-quotes.ts; `CIN Start Date’`).
 * An apostrophe inside a name is kept.
 */
export function normaliseHeader(text: unknown): string {
  if (text === null || text === undefined) return '';
  return String(text)
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032`]/g, "'")
    .replace(/[\u201C\u201D\u201E\u2033]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/[\s\u00A0]+/g, ' ')
    .trim()
    .replace(/^(["'])(.*)\1[\s:*.]*$/, '$2')
    .replace(/[\s:*.]+$/, '')
    .replace(/^"(?=[^"]*$)|(?<=^[^"]*)"$/, '')
    .replace(/^'(?=[^']*$)|(?<=^[^']*)'$/, '')
    .trim()
    .toLowerCase();
}
