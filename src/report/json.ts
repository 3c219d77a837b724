import type { CheckResult } from '../engine/run-check.js';
import { allRecords, countBy, teamOf, totalStatus } from './counts.js';
import { findingCountsTable } from './tabular.js';

/** Against a baseline, how many exceptions are new, still open and resolved since (counted only then: a pass over half a million exceptions). */
function sinceBaseline(result: CheckResult) {
  if (!result.baseline) return {};
  const status = totalStatus(result);
  return { new: status.new, open: status.open, resolved: status.resolved };
}

function totalsOf(result: CheckResult) {
  return {
    rules: result.rules.length,
    rulesRun: result.rules.filter((r) => r.ran).length,
    exceptions: result.exceptions.length,
    ...sinceBaseline(result),
    findings: result.findings.length,
    notEvaluable: result.rules.reduce((n, r) => n + r.counts.notEvaluable, 0),
  };
}

const teamsOf = (result: CheckResult) => countBy(allRecords(result), teamOf).map(([team, counts]) => ({ team, ...counts }));
const baselineOf = (result: CheckResult) => (result.baseline ? { file: result.baseline.file, asOf: result.baseline.asOf, ruleChanges: result.baseline.ruleChanges } : undefined);

/** The report's lists of records, written one record to a line. */
const LISTS = new Set(['exceptions', 'resolved', 'findings']);

/** A list of records, one to a line, each line a piece of the report's text. */
function* listPieces(records: readonly unknown[]): Generator<string> {
  if (records.length === 0) {
    yield '[]';
    return;
  }
  yield '[\n';
  const last = records.length - 1;
  for (let i = 0; i < last; i++) yield `    ${JSON.stringify(records[i])},\n`;
  yield `    ${JSON.stringify(records[last])}\n  ]`;
}

/**
 * The machine-readable report, in pieces of text (a million exceptions make more text than one
 * string can hold): stable key order, two-space indent, trailing newline; in the lists of
 * records (exceptions, resolved, findings) each record on a line of its own. With
 * `aggregateOnly`, counts only: no exception and no finding that points at a row. `notChecked`
 * (a drift list whose rule did not run) comes second, after the as-of date, when there is any.
 */
export function* jsonReportPieces(result: CheckResult, aggregateOnly = false, notChecked: readonly { ruleId: string; message: string }[] = []): Generator<string> {
  const summary = { totals: totalsOf(result), rows: result.rowTotals, rules: result.rules, teams: teamsOf(result), inputs: result.inputs };
  const findingCounts = findingCountsTable(result.findings).rows.map(([level, kind, ruleId, count]) => ({ level, kind, ruleId, count }));
  const report = aggregateOnly
    ? { asOf: result.asOf, aggregateOnly: true, baseline: baselineOf(result), summary: { ...summary, findings: findingCounts }, manifest: result.manifest }
    : { asOf: result.asOf, notChecked: notChecked.length ? notChecked : undefined, baseline: baselineOf(result), exceptions: result.exceptions, resolved: result.baseline?.resolved, findings: result.findings, overviews: result.overviews, summary, manifest: result.manifest };
  const entries = Object.entries(report).filter(([, value]) => value !== undefined);
  yield '{\n';
  for (const [i, [key, value]] of entries.entries()) {
    yield `  ${JSON.stringify(key)}: `;
    if (LISTS.has(key)) yield* listPieces(value as unknown[]);
    else yield JSON.stringify(value, null, 2).replace(/\n/g, '\n  ');
    yield i + 1 < entries.length ? ',\n' : '\n';
  }
  yield '}\n';
}

/** The machine-readable report as one text (see jsonReportPieces). */
export const jsonReport = (...args: Parameters<typeof jsonReportPieces>): string => [...jsonReportPieces(...args)].join('');
