// Runs the comply CLI in this process and captures what a user would see.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';
import { main } from '../../src/cli/run-cli.js';
import type { Finding } from '../../src/findings/finding.js';
import type { ExceptionRecord, RuleSummary } from '../../src/engine/outcome.js';
import type { InputSummary } from '../../src/engine/run-check.js';
import type { RowTotals } from '../../src/engine/reconcile.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CORPUS = path.join(ROOT, 'test', 'hostile', 'corpus');
export const corpus = (name: string) => path.join(CORPUS, name);
export const AS_OF = '2017-01-18';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(...args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  try {
    const code = await main(['node', 'comply', ...args]);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/** The JSON report, as `comply check --format json` prints it. */
export interface JsonReport {
  asOf: string;
  exceptions: ExceptionRecord[];
  findings: Finding[];
  summary: { totals: Record<string, number>; rows: RowTotals; rules: RuleSummary[]; inputs: InputSummary[] };
}

/** `comply check --format json` over these inputs; fails the test if the run did not complete. */
export async function checkJson(...data: string[]): Promise<JsonReport & { stderr: string }> {
  const run = await runCli('check', '--data', ...data, '--as-of', AS_OF, '--format', 'json');
  if (run.code !== 0) throw new Error(`comply exited ${run.code}: ${run.stderr}`);
  return { ...(JSON.parse(run.stdout) as JsonReport), stderr: run.stderr };
}

/** Findings other than the optional-column and rule-not-run notes every small sample produces. */
export const notable = (report: JsonReport) => report.findings.filter((f) => f.kind !== 'missing-column' && f.kind !== 'rule-not-run');
