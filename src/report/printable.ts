/**
 * Characters a terminal acts on rather than shows: C0 controls (escape, backspace, carriage
 * return, newline, ...), DEL, C1 controls (0x9B alone starts an escape sequence on some
 * terminals), line and paragraph separators, and the bidirectional overrides that reorder text.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

const escaped = (c: string) => NAMED[c] ?? (c.charCodeAt(0) <= 0xff ? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}` : `\\u${c.charCodeAt(0).toString(16)}`);

/**
 * One line of text safe to print: every control character written as an escape (`\x1b`, `\n`),
 * so that a file name or a cell can neither drive the terminal nor forge a second line.
 */
export const printable = (text: string): string => text.replace(CONTROL, escaped);

/** Text of several lines safe to print: each line as printable makes it, the line breaks kept. */
export const printableLines = (text: string): string => text.split('\n').map(printable).join('\n');
