import type { CheckResult } from '../engine/run-check.js';

/** The machine-readable report: stable key order, two-space indent, trailing newline. */
export function jsonReport(result: CheckResult): string {
  const totals = {
    rules: result.rules.length,
    rulesRun: result.rules.filter((r) => r.ran).length,
    exceptions: result.exceptions.length,
    findings: result.findings.length,
    notEvaluable: result.rules.reduce((n, r) => n + r.counts.notEvaluable, 0),
  };
  const rows = result.rowTotals;
  const report = {
    asOf: result.asOf,
    exceptions: result.exceptions,
    findings: result.findings,
    overviews: result.overviews,
    summary: { totals, rows, rules: result.rules, inputs: result.inputs },
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
