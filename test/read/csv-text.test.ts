// How a CSV file's bytes are taken as text, as a user meets it: the names in its rows, and what
// the findings say of how it was read (bytes in, rows and findings out).
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/findings/finding.js';
import { parseWorkbook } from '../../src/read/workbook-tables.js';

const HEADER = 'Child Unique ID,Allocated Worker\r\n';

/** The rows and read findings of these bytes as one CSV file. */
function read(bytes: Uint8Array) {
  const [table] = parseWorkbook(bytes, 'list6.csv');
  return { rows: table!.rows, findings: table!.readFindings?.() ?? [] };
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const concat = (...parts: (Uint8Array | number[])[]) => Uint8Array.from(parts.flatMap((p) => [...p]));
const summary = (findings: readonly Finding[]) => findings.map((f) => [f.file, f.kind, f.level, f.row]);

describe('the text of a CSV file', () => {
  it('is UTF-8 when its bytes are, with nothing to say', () => {
    const { rows, findings } = read(utf8(`${HEADER}C1,Zo\u00eb \u0152uvre\r\nC2,\u2018Jo\u2019\r\n`));
    expect(rows.slice(1)).toEqual([
      ['C1', 'Zo\u00eb \u0152uvre'],
      ['C2', '\u2018Jo\u2019'],
    ]);
    expect(findings).toEqual([]);
  });

  it('is UTF-8 with a damaged byte among many UTF-8 characters, each damaged byte counted in a warning', () => {
    const { rows, findings } = read(concat(utf8(`${HEADER}C1,Zo\u00eb\r\nC2,Jos\u00e9\r\nC3,Ren`), [0xe9], utf8('e\r\n')));
    expect(rows.slice(1)).toEqual([
      ['C1', 'Zo\u00eb'],
      ['C2', 'Jos\u00e9'],
      ['C3', 'Ren\ufffde'],
    ]);
    expect(summary(findings)).toEqual([['list6.csv', 'suspicious-value', 'warning', undefined]]);
    expect(findings[0]!.message).toMatch(/^UTF-8 text with 1 damaged character/);
  });

  it('is Windows-1252 when its bytes are not UTF-8 (as Excel saves "CSV (Comma delimited)"), said in a note', () => {
    const { rows, findings } = read(concat(utf8(`${HEADER}C1,Jos`), [0xe9], utf8(' O'), [0x92], utf8('Neill\r\nC2,Zo'), [0xeb], utf8('\r\n')));
    expect(rows.slice(1)).toEqual([
      ['C1', 'Jos\u00e9 O\u2019Neill'],
      ['C2', 'Zo\u00eb'],
    ]);
    expect(summary(findings)).toEqual([['list6.csv', 'suspicious-value', 'info', undefined]]);
    expect(findings[0]!.message).toContain('Windows-1252');
  });

  it('is Windows-1252 when a byte that is not UTF-8 comes first and as many sequences are not UTF-8 as are', () => {
    const { rows } = read(concat(utf8(`${HEADER}C1,Jos`), [0xe9], utf8(' Zo\u00eb\r\n')));
    expect(rows[1]).toEqual(['C1', 'Jos\u00e9 Zo\u00c3\u00ab']);
  });

  it('is UTF-8 with a warning when a UTF-8 character comes before the first byte that is not', () => {
    const { rows, findings } = read(concat(utf8(`${HEADER}C1,Zo\u00eb `), [0xe9], utf8('\r\n')));
    expect(rows[1]).toEqual(['C1', 'Zo\u00eb \ufffd']);
    expect(summary(findings)).toEqual([['list6.csv', 'suspicious-value', 'warning', undefined]]);
  });

  it('warns of bytes that are neither UTF-8 nor Windows-1252, counting them', () => {
    const { findings } = read(concat(utf8(`${HEADER}C1,Jos`), [0xe9, 0x81], utf8('\r\nC2,'), [0x8d, 0x8f, 0x90, 0x9d], utf8('\r\n')));
    expect(summary(findings)).toEqual([
      ['list6.csv', 'suspicious-value', 'info', undefined],
      ['list6.csv', 'suspicious-value', 'warning', undefined],
    ]);
    expect(findings[1]!.message).toMatch(/^5 byte\(s\)/);
  });

  it('is read by the same reader when its header starts "ID" (only "ID;" opens a SYLK file)', () => {
    const { rows, findings } = read(utf8('ID,Allocated Worker\r\nC1,Jos\u00e9\r\nC2,"O\'Brien\r\nC3,Zo\u00eb\r\nC4,Ann\r\n'));
    expect(rows.slice(1).map((r) => r[0])).toEqual(['C1', 'C2', 'C3', 'C4']);
    expect(rows[1]).toEqual(['C1', 'Jos\u00e9']);
    expect(findings.map((f) => f.kind)).toContain('suspicious-value');
  });

  it('is UTF-8 after a byte order mark, bytes that are not UTF-8 then counted as damaged, not said to be Windows-1252', () => {
    const { rows, findings } = read(concat([0xef, 0xbb, 0xbf], utf8(`${HEADER}C1,Jos`), [0xe9], utf8(' Ann\r\n')));
    expect(rows[1]).toEqual(['C1', 'Jos\ufffd Ann']);
    expect(summary(findings)).toEqual([['list6.csv', 'suspicious-value', 'warning', undefined]]);
    expect(findings[0]!.message).toMatch(/^UTF-8 text with 1 damaged character/);
  });
});
