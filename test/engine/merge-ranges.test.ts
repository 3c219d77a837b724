// One CSV file checked in two ranges of its rows (issue 28): whether the ranges read what one pass
// reads, and their results merged into what that pass gives. Plain results built here; the ranges
// read on threads, end to end, are test/node/row-ranges.test.ts.
import { describe, expect, it } from 'vitest';
import type { LaterDates } from '../../src/engine/as-at.js';
import { mergeRanges, rangesHeld, type RangeRead } from '../../src/engine/merge-ranges.js';
import type { RuleCounts, RuleSummary } from '../../src/engine/outcome.js';
import type { CheckResult, InputSummary } from '../../src/engine/run-check.js';
import type { Finding } from '../../src/findings/finding.js';
import { rule as summary } from '../report/check-result.js';

const first: RangeRead = { start: 0, end: 100, rows: 10, rowsBefore: 0, linesInQuotes: 0, endedInQuote: false, firstId: 'C01', lastId: 'C10', laterDates: [] };
const second: RangeRead = { start: 100, end: 210, rows: 11, rowsBefore: 10, linesInQuotes: 0, endedInQuote: false, firstId: 'C11', lastId: 'C21', laterDates: [] };

describe('rangesHeld', () => {
  it('holds for two ranges that meet, the first one\'s rows the line ends before the second, no quoted line break and ids apart', () => {
    expect(rangesHeld(first, second)).toBe(true);
  });

  it.each<[string, Partial<RangeRead>, Partial<RangeRead>]>([
    ['a line break in a quoted cell of the first', { linesInQuotes: 1 }, {}],
    ['the first ending inside a quoted cell', { endedInQuote: true }, {}],
    ['a line break in a quoted cell of the second', {}, { linesInQuotes: 2 }],
    ['the second ending inside a quoted cell', {}, { endedInQuote: true }],
    ['a gap between them', {}, { start: 101 }],
    ['an overlap', { end: 101 }, {}],
    ['more rows in the first than line ends before the second', { rows: 11 }, {}],
    ['fewer rows in the first than line ends before the second', {}, { rowsBefore: 11 }],
    ['the same id last in the first and first in the second', {}, { firstId: 'C10' }],
    ['the first\'s last id after the second\'s first', { lastId: 'C12' }, {}],
  ])('fails on %s', (_what, a, b) => {
    expect(rangesHeld({ ...first, ...a }, { ...second, ...b })).toBe(false);
  });

  it('holds without ids in either range (a dataset whose ids need not be unique)', () => {
    const { firstId: _f, lastId: _l, ...noIds } = first;
    expect(rangesHeld({ ...noIds }, second)).toBe(true);
    expect(rangesHeld(first, { ...second, firstId: undefined, lastId: undefined })).toBe(true);
  });
});

const counts = (n: number): RuleCounts => ({ considered: n, notApplicable: 2 * n, checked: 3 * n, passed: 4 * n, exceptions: 5 * n, merged: 6 * n, notEvaluable: 7 * n });
const rule = (ruleId: string, n: number, ran = true): RuleSummary => summary(ruleId, { counts: counts(n), ran });
const input = (rows: number, over: Partial<InputSummary> = {}): InputSummary => ({ file: 'big.csv', dataset: 'cin', headerRow: 1, rows, blankRows: rows % 3, evaluated: rows - 5, reported: 5 - (rows % 3), ...over });

const wholeFile: Finding = { file: 'big.csv', column: 'Start Date', kind: 'unreadable-value', level: 'warning', message: 'Start Date looks month-first' };
const onHeader: Finding = { file: 'big.csv', row: 1, column: 'Start Date', kind: 'suspicious-value', level: 'info', message: 'Start Date is named twice in the header row' };
const onRow = (row: number): Finding => ({ file: 'big.csv', row, column: 'Start Date', kind: 'unreadable-value', level: 'warning', value: 'x', message: `Start Date on row ${row} is not a date` });

const resultOf = (over: Partial<CheckResult>): CheckResult => ({
  asOf: '2017-01-18',
  rules: [rule('cin.a', 1), rule('cin.b', 10, false)],
  exceptions: [],
  findings: [],
  inputs: [input(10)],
  overviews: [],
  rowTotals: { read: 0, evaluated: 0, reported: 0, blank: 0 },
  ...over,
});

const later = (count: number, named: number[]): LaterDates => ({ source: { file: 'big.csv' }, dataset: 'cin', column: 'Start Date', dateIs: 'start', dependents: [], count, named });

describe('mergeRanges', () => {
  it('sums the inputs\' counts and each rule\'s counts, and takes the row totals from the inputs', () => {
    const a = resultOf({ inputs: [input(10)] });
    const b = resultOf({ inputs: [input(20)], rules: [rule('cin.a', 100), rule('cin.b', 1000, false)] });
    const merged = mergeRanges(a, b, [], 1)!;
    expect(merged.inputs).toEqual([{ file: 'big.csv', dataset: 'cin', headerRow: 1, rows: 30, blankRows: 1 + 2, evaluated: 5 + 15, reported: 4 + 3 }]);
    expect(merged.rowTotals).toEqual({ read: 30, evaluated: 20, reported: 7, blank: 3 });
    expect(merged.rules).toEqual([rule('cin.a', 101), rule('cin.b', 1010, false)]);
    expect(merged.exceptions).toEqual([]);
    expect(merged.asOf).toBe('2017-01-18');
    expect(merged.overviews).toEqual([]);
  });

  it('keeps the findings on the whole file (and its header row) once, and each range\'s findings on rows, in finding order', () => {
    const a = resultOf({ findings: [onRow(7), wholeFile, onHeader, onRow(3)] });
    const b = resultOf({ findings: [onHeader, onRow(12), wholeFile] });
    expect(mergeRanges(a, b, [], 1)!.findings).toEqual([wholeFile, onHeader, onRow(3), onRow(7), onRow(12)]);
  });

  it('compares the findings on the whole file whatever their order', () => {
    const a = resultOf({ findings: [wholeFile, onHeader] });
    const b = resultOf({ findings: [onHeader, wholeFile] });
    expect(mergeRanges(a, b, [], 1)!.findings).toEqual([wholeFile, onHeader]);
  });

  it('reads a finding as on a row by the header row given, not the inputs\'', () => {
    const a = resultOf({ findings: [onHeader] });
    const b = resultOf({ findings: [] });
    expect(mergeRanges(a, b, [], 1)).toBeNull();
    expect(mergeRanges(a, b, [], 2)!.findings).toEqual([onHeader]);
  });

  it('makes the dates after the as-of date found in both ranges one finding, among the rest in finding order', () => {
    const a = resultOf({ findings: [onRow(3), wholeFile] });
    const b = resultOf({ findings: [wholeFile] });
    const findings = mergeRanges(a, b, [later(2, [4, 5]), later(1, [20])], 1)!.findings;
    expect(findings).toEqual([
      {
        file: 'big.csv',
        kind: 'future-date',
        level: 'info',
        column: 'Start Date',
        dataset: 'cin',
        message: '3 dates after the as-of date in "Start Date" (rows 4, 5, 20): those rows had not started at the as-of date, so they are out of scope. A date in the future is often a keying error worth correcting',
      },
      wholeFile,
      onRow(3),
    ]);
  });

  it.each<[string, Partial<CheckResult>, Partial<CheckResult>]>([
    ['the whole file\'s findings differ', { findings: [wholeFile] }, { findings: [] }],
    ['the second has a whole-file finding the first has not', {}, { findings: [wholeFile] }],
    ['a rule differs', {}, { rules: [rule('cin.a', 1), rule('cin.c', 1, false)] }],
    ['a rule ran in one range only', {}, { rules: [rule('cin.a', 1), rule('cin.b', 1, true)] }],
    ['the second has a rule more', {}, { rules: [rule('cin.a', 1), rule('cin.b', 1, false), rule('cin.c', 1)] }],
    ['the first has an overview', { overviews: [{} as CheckResult['overviews'][number]] }, {}],
    ['the second has an overview', {}, { overviews: [{} as CheckResult['overviews'][number]] }],
    ['the first read no input', { inputs: [] }, {}],
    ['the second read no input', {}, { inputs: [] }],
    ['the first read two inputs', { inputs: [input(10), input(10)] }, {}],
    ['the second read two inputs', {}, { inputs: [input(10), input(10)] }],
    ['neither range recognised the file', { inputs: [input(10, { dataset: null })] }, { inputs: [input(10, { dataset: null })] }],
    ['the ranges read it as two datasets', {}, { inputs: [input(10, { dataset: 'cla' })] }],
    ['the header rows differ', {}, { inputs: [input(10, { headerRow: 2 })] }],
    ['the files differ', {}, { inputs: [input(10, { file: 'other.csv' })] }],
  ])('is null where %s', (_what, a, b) => {
    expect(mergeRanges(resultOf(a), resultOf(b), [], 1)).toBeNull();
  });
});
