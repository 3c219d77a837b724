// The hostile-input corpus and the JSON report a check over it gives.
import path from 'node:path';
import type { ExceptionRecord, RuleSummary } from '../../src/engine/outcome.js';
import type { RowTotals } from '../../src/engine/reconcile.js';
import type { InputSummary } from '../../src/engine/run-check.js';
import type { Finding } from '../../src/findings/finding.js';
import { complyHere, ROOT } from './cli.js';

export const CORPUS = path.join(ROOT, 'test', 'hostile', 'corpus');
export const corpus = (name: string) => path.join(CORPUS, name);
export const AS_OF = '2017-01-18';

/** The JSON report, as `comply check --format json` prints it. */
export interface JsonReport {
  asOf: string;
  exceptions: ExceptionRecord[];
  findings: Finding[];
  summary: { totals: Record<string, number>; rows: RowTotals; rules: RuleSummary[]; inputs: InputSummary[] };
}

/**
 * `comply check --format json` over these inputs; fails the test if the run did not complete
 * (exit 0, or 3 when no rule could run: the report is written all the same).
 */
export async function checkJson(...data: string[]): Promise<JsonReport> {
  const run = await complyHere('check', '--data', ...data, '--as-of', AS_OF, '--format', 'json');
  if (run.status !== 0 && run.status !== 3) throw new Error(`comply exited ${run.status}: ${run.stderr}`);
  return JSON.parse(run.stdout) as JsonReport;
}

/** Findings other than the optional-column and rule-not-run notes every small sample produces. */
export const notable = (report: JsonReport) => report.findings.filter((f) => f.kind !== 'missing-column' && f.kind !== 'rule-not-run');
