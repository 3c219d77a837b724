import type { CheckResult } from '../engine/run-check.js';
import { allRecords, byTeam, countBy, teamOf, totalStatus } from './counts.js';
import type { FilledLater, RenderedExceptions } from './rendered.js';
import { findingCountsTable } from './tabular.js';

/** Against a baseline, how many exceptions are new, still open and resolved since (counted only then: a pass over half a million exceptions). */
function sinceBaseline(result: CheckResult) {
  if (!result.baseline) return {};
  const status = totalStatus(result);
  return { new: status.new, open: status.open, resolved: status.resolved };
}

function totalsOf(result: CheckResult, rendered?: RenderedExceptions) {
  return {
    rules: result.rules.length,
    rulesRun: result.rules.filter((r) => r.ran).length,
    exceptions: rendered?.count ?? result.exceptions.length,
    ...sinceBaseline(result),
    findings: result.findings.length,
    notEvaluable: result.rules.reduce((n, r) => n + r.counts.notEvaluable, 0),
  };
}

const teamsOf = (result: CheckResult, rendered?: RenderedExceptions) => (rendered ? byTeam(rendered.tally) : countBy(allRecords(result), teamOf)).map(([team, counts]) => ({ team, ...counts }));
const baselineOf = (result: CheckResult) => (result.baseline ? { file: result.baseline.file, asOf: result.baseline.asOf, ruleChanges: result.baseline.ruleChanges } : undefined);

/** The report's lists of records, written one record to a line. */
const LISTS = new Set(['exceptions', 'resolved', 'findings']);

/** A record's line in a list of the report, its comma and line end included (the list's last line has neither). */
export const jsonLine = (record: unknown): string => `    ${JSON.stringify(record)},\n`;

/** A list of records, one to a line, each line a piece of the report's text. */
function* listPieces(records: readonly unknown[]): Generator<string> {
  if (records.length === 0) {
    yield '[]';
    return;
  }
  yield '[\n';
  const last = records.length - 1;
  for (let i = 0; i < last; i++) yield jsonLine(records[i]);
  yield `    ${JSON.stringify(records[last])}\n  ]`;
}

/** The JSON report's list of exceptions, written by the threads that found them: as listing the records one to a line gives it. */
function* jsonList(rendered: RenderedExceptions): Generator<string | FilledLater> {
  if (rendered.format !== 'json') throw new Error(`Exceptions written as ${rendered.format} make no JSON report`);
  const size = rendered.blocks.reduce((n, b) => n + b.size, 0);
  if (size === 0) {
    yield '[]';
    return;
  }
  yield '[\n';
  // The last line's ",\n" (its last two bytes) is written over by the list's end.
  yield { size: size - 2, fill: (fd, at) => rendered.fill(fd, at) };
  yield '\n  ]';
}

/**
 * The machine-readable report, in pieces of text (a million exceptions make more text than one
 * string can hold): stable key order, two-space indent, trailing newline; in the lists of
 * records (exceptions, resolved, findings) each record on a line of its own. With
 * `aggregateOnly`, counts only: no exception and no finding that points at a row. `notChecked`
 * (a drift list whose rule did not run) comes second, after the as-of date, when there is any.
 * With `rendered`, the exceptions are written by the threads that found them (and
 * `result.exceptions` is empty): the report can then only be written to a file.
 */
export function* jsonReportPieces(result: CheckResult, aggregateOnly = false, notChecked: readonly { ruleId: string; message: string }[] = [], rendered?: RenderedExceptions): Generator<string | FilledLater> {
  const summary = { totals: totalsOf(result, rendered), rows: result.rowTotals, rules: result.rules, teams: teamsOf(result, rendered), inputs: result.inputs };
  const findingCounts = findingCountsTable(result.findings).rows.map(([level, kind, ruleId, count]) => ({ level, kind, ruleId, count }));
  const report = aggregateOnly
    ? { asOf: result.asOf, aggregateOnly: true, baseline: baselineOf(result), summary: { ...summary, findings: findingCounts }, manifest: result.manifest }
    : { asOf: result.asOf, notChecked: notChecked.length ? notChecked : undefined, baseline: baselineOf(result), exceptions: result.exceptions, resolved: result.baseline?.resolved, findings: result.findings, overviews: result.overviews, summary, manifest: result.manifest };
  const entries = Object.entries(report).filter(([, value]) => value !== undefined);
  yield '{\n';
  for (const [i, [key, value]] of entries.entries()) {
    yield `  ${JSON.stringify(key)}: `;
    if (key === 'exceptions' && rendered) yield* jsonList(rendered);
    else if (LISTS.has(key)) yield* listPieces(value as unknown[]);
    else yield JSON.stringify(value, null, 2).replace(/\n/g, '\n  ');
    yield i + 1 < entries.length ? ',\n' : '\n';
  }
  yield '}\n';
}

/** A piece of a report as text; one written by other threads (see FilledLater) has none here. */
export function pieceText(piece: string | FilledLater): string {
  if (typeof piece === 'string') return piece;
  throw new Error('Part of this report is written by the threads that checked it: write it to a file');
}

/** The machine-readable report as one text (see jsonReportPieces). */
export const jsonReport = (...args: Parameters<typeof jsonReportPieces>): string => [...jsonReportPieces(...args)].map(pieceText).join('');
