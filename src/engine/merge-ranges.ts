import { compareFindings, type Finding } from '../findings/finding.js';
import { laterDatesFindings, type LaterDates } from './as-at.js';
import type { RuleCounts, RuleSummary } from './outcome.js';
import { rowTotalsOf } from './reconcile.js';
import type { CheckResult, InputSummary } from './run-check.js';

/**
 * One CSV file checked in two ranges of its rows, one to a thread (issue 28; the edge reads them,
 * node/read-range.ts): whether the ranges read what one pass over the file reads, and their
 * results merged into what that pass gives, byte for byte.
 */

/** What reading a range of a file's rows showed about how it lies in the file. */
export interface RangeRead {
  /** Its bytes, from the start of a line to the start of the next range's first. */
  start: number;
  end: number;
  /** Rows its reader gave (the header row it was given aside). */
  rows: number;
  /** Line ends (LF) before its start: the rows before it, if each line is one row. */
  rowsBefore: number;
  /** Line breaks taken into quoted cells, and whether it ended inside one. */
  linesInQuotes: number;
  endedInQuote: boolean;
  /** Its first and last ids, rising (see IdsInOrder); none in a dataset without unique ids. */
  firstId?: string;
  lastId?: string;
  /** Its dates after the as-of date, not yet findings. */
  laterDates: LaterDates[];
}

/**
 * Whether two consecutive ranges read what one pass reads: no line break in a quoted cell in
 * either (a range would start inside one, and a stray quote is judged by the lines after it), so
 * that every line is a row and the first range's rows are the line ends before the second; and
 * the first's ids all before the second's (the ids rise within each, or the check of it stopped),
 * so that no id is in both.
 */
export function rangesHeld(first: RangeRead, second: RangeRead): boolean {
  const quoteFree = (r: RangeRead) => r.linesInQuotes === 0 && !r.endedInQuote;
  const idsApart = first.lastId === undefined || second.firstId === undefined || first.lastId < second.firstId;
  return quoteFree(first) && quoteFree(second) && first.end === second.start && first.rows === second.rowsBefore && idsApart;
}

/** A key that tells findings apart, for comparing two lists of them. */
const asText = (findings: readonly Finding[]) => JSON.stringify([...findings].sort(compareFindings));

/**
 * The two ranges' inputs as one: the file's one sheet, its counts summed. Null unless each range
 * read the file as the same dataset with the same header row.
 */
function mergeInputs(first: readonly InputSummary[], second: readonly InputSummary[]): InputSummary[] | null {
  const [a, b] = [first[0], second[0]];
  if (first.length !== 1 || second.length !== 1 || !a || !b || a.dataset === null || a.dataset !== b.dataset || a.headerRow !== b.headerRow || a.file !== b.file) return null;
  return [{ ...a, rows: a.rows + b.rows, blankRows: a.blankRows + b.blankRows, evaluated: a.evaluated + b.evaluated, reported: a.reported + b.reported }];
}

const sumCounts = (a: RuleCounts, b: RuleCounts): RuleCounts => ({
  considered: a.considered + b.considered,
  notApplicable: a.notApplicable + b.notApplicable,
  checked: a.checked + b.checked,
  passed: a.passed + b.passed,
  exceptions: a.exceptions + b.exceptions,
  merged: a.merged + b.merged,
  notEvaluable: a.notEvaluable + b.notEvaluable,
});

/**
 * The result one pass over the file gives, from its two ranges' results (their exceptions kept on
 * their threads: see report/rendered.ts, which also makes sure no exception is in both), or null
 * where they cannot be merged into it: the same rules, the file read as the same dataset, and the
 * same findings on the file as a whole (its columns, its header row: a column shown month-first in
 * one range only, say), which are kept once; the findings on rows are each range's own, and the
 * dates after the as-of date are counted over both.
 */
export function mergeRanges(first: CheckResult, second: CheckResult, later: readonly LaterDates[], headerRow: number): CheckResult | null {
  const inputs = mergeInputs(first.inputs, second.inputs);
  const sameRules = first.rules.length === second.rules.length && first.rules.every((r, i) => r.ruleId === second.rules[i]!.ruleId && r.ran === second.rules[i]!.ran);
  const onRows = (f: Finding) => f.row !== undefined && f.row !== headerRow;
  if (!inputs || !sameRules || first.overviews.length > 0 || second.overviews.length > 0) return null;
  const whole = first.findings.filter((f) => !onRows(f));
  if (asText(whole) !== asText(second.findings.filter((f) => !onRows(f)))) return null;
  const findings = [...whole, ...first.findings.filter(onRows), ...second.findings.filter(onRows), ...laterDatesFindings(later)].sort(compareFindings);
  const rules = first.rules.map((a, i): RuleSummary => ({ ...a, counts: sumCounts(a.counts, second.rules[i]!.counts) }));
  return { ...first, rules, exceptions: [], findings, inputs, rowTotals: rowTotalsOf(inputs) };
}
