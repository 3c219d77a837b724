// The JSON report's layout (issue 28): the top readable, each exception and finding on a line of
// its own, and the text made in pieces, so that a million exceptions never have to be one string.
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/engine/run-check.js';
import type { ExceptionRecord } from '../../src/engine/outcome.js';
import type { Finding } from '../../src/findings/finding.js';
import { jsonReport, jsonReportPieces, pieceText } from '../../src/report/json.js';

const exception = (i: number): ExceptionRecord => ({
  id: `drift.cin-open-over-6-months:C${i}:2016-07-01`,
  ruleId: 'drift.cin-open-over-6-months',
  severity: 'medium',
  subject: `C${i}`,
  dueDate: '2016-07-01',
  message: `Open "${i}" months — since 01/01/2016 😀`,
  team: i % 2 ? 'North' : null,
  worker: null,
  columns: { 'Days Open': i, 'CIN Start Date': '2016-01-01' },
  source: { file: 'list6.csv', row: i + 1 },
});

const finding: Finding = { file: 'list6.csv', row: 9, column: 'CIN Start Date', kind: 'unreadable-value', level: 'warning', value: '31/02/2016', message: 'CIN Start Date is not a date' };

const resultWith = (exceptions: number, findings: Finding[] = [finding]): CheckResult => ({
  asOf: '2017-01-18',
  rules: [],
  exceptions: Array.from({ length: exceptions }, (_, i) => exception(i)),
  findings,
  inputs: [],
  overviews: [],
  rowTotals: { read: exceptions, evaluated: exceptions, reported: 0, blank: 0 },
});

describe('the JSON report', () => {
  it('keeps the contract: the same keys in the same order, every exception and finding whole', () => {
    const result = resultWith(3);
    const report = JSON.parse(jsonReport(result)) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(['asOf', 'exceptions', 'findings', 'overviews', 'summary']);
    expect(report['exceptions']).toEqual(result.exceptions);
    expect(report['findings']).toEqual(result.findings);
    expect((report['summary'] as { totals: { exceptions: number } }).totals.exceptions).toBe(3);
  });

  it('puts each exception and each finding on a line of its own, the rest indented by two spaces', () => {
    const result = resultWith(2);
    const lines = jsonReport(result).split('\n');
    expect(lines.slice(0, 3)).toEqual(['{', '  "asOf": "2017-01-18",', '  "exceptions": [']);
    expect(lines[3]).toBe(`    ${JSON.stringify(result.exceptions[0])},`);
    expect(lines[4]).toBe(`    ${JSON.stringify(result.exceptions[1])}`);
    expect(lines.slice(5, 8)).toEqual(['  ],', '  "findings": [', `    ${JSON.stringify(finding)}`]);
    expect(lines.slice(8, 13)).toEqual(['  ],', '  "overviews": [],', '  "summary": {', '    "totals": {', '      "rules": 0,']);
    expect(lines.at(-2)).toBe('}');
    expect(lines.at(-1)).toBe('');
  });

  it('writes an empty list as []', () => {
    expect(jsonReport(resultWith(0, []))).toContain('\n  "exceptions": [],\n  "findings": [],\n');
  });

  it('comes in pieces of one exception each, which make up the whole report', () => {
    const result = resultWith(2500);
    const pieces = [...jsonReportPieces(result)].map(pieceText);
    const perPiece = pieces.map((p) => p.split('"ruleId":').length - 1);
    expect(Math.max(...perPiece)).toBe(1);
    expect(perPiece.reduce((a, b) => a + b, 0)).toBe(result.exceptions.length);
    expect(pieces.join('')).toBe(jsonReport(result));
    expect((JSON.parse(pieces.join('')) as { exceptions: unknown[] }).exceptions).toEqual(result.exceptions);
  });

  it('with --aggregate-only, has no exception and no finding', () => {
    const report = JSON.parse(jsonReport(resultWith(3), true)) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(['asOf', 'aggregateOnly', 'summary']);
  });
});
