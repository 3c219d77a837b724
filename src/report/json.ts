import type { CheckResult } from '../engine/run-check.js';
import { allRecords, countBy, teamOf, totalStatus } from './counts.js';
import { findingCountsTable } from './tabular.js';

function totalsOf(result: CheckResult) {
  const status = totalStatus(result);
  return {
    rules: result.rules.length,
    rulesRun: result.rules.filter((r) => r.ran).length,
    exceptions: result.exceptions.length,
    ...(result.baseline ? { new: status.new, open: status.open, resolved: status.resolved } : {}),
    findings: result.findings.length,
    notEvaluable: result.rules.reduce((n, r) => n + r.counts.notEvaluable, 0),
  };
}

const teamsOf = (result: CheckResult) => countBy(allRecords(result), teamOf).map(([team, counts]) => ({ team, ...counts }));
const baselineOf = (result: CheckResult) => (result.baseline ? { file: result.baseline.file, asOf: result.baseline.asOf, ruleChanges: result.baseline.ruleChanges } : undefined);

/**
 * The machine-readable report: stable key order, two-space indent, trailing newline. With
 * `aggregateOnly`, counts only: no exception and no finding that points at a row. `notChecked`
 * (a drift list whose rule did not run) comes second, after the as-of date, when there is any.
 */
export function jsonReport(result: CheckResult, aggregateOnly = false, notChecked: readonly { ruleId: string; message: string }[] = []): string {
  const summary = { totals: totalsOf(result), rows: result.rowTotals, rules: result.rules, teams: teamsOf(result), inputs: result.inputs };
  const findingCounts = findingCountsTable(result.findings).rows.map(([level, kind, ruleId, count]) => ({ level, kind, ruleId, count }));
  const report = aggregateOnly
    ? { asOf: result.asOf, aggregateOnly: true, baseline: baselineOf(result), summary: { ...summary, findings: findingCounts }, manifest: result.manifest }
    : { asOf: result.asOf, notChecked: notChecked.length ? notChecked : undefined, baseline: baselineOf(result), exceptions: result.exceptions, resolved: result.baseline?.resolved, findings: result.findings, overviews: result.overviews, summary, manifest: result.manifest };
  return `${JSON.stringify(report, null, 2)}\n`;
}
