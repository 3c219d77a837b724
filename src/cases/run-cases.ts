import { dayFromIso } from '../calendar/index.js';
import type { DatasetDef } from '../datasets/dataset.js';
import { runCheck, type CheckResult } from '../engine/run-check.js';
import type { RawCell, RawTable } from '../read/raw-table.js';
import type { RulePack } from '../rules/rule-pack.js';
import type { RuleCase } from '../rules/rule.js';

export interface Expected {
  subject: string;
  dueDate: string | null;
}

export interface CaseResult {
  ruleId: string;
  name: string;
  passed: boolean;
  expected: Expected[];
  actual: Expected[];
  /** Rows the rule could not judge: none unless the case says how many. */
  expectedNotEvaluable: number;
  actualNotEvaluable: number;
  expectedWarnings?: number;
  /** Suspicious-value findings the rule's warnWhen raised. */
  actualWarnings: number;
  /** Why the case could not run at all (an unknown dataset, a bad as-of date). */
  error?: string;
}

const key = (e: Expected) => `${e.subject}\u0000${e.dueDate ?? ''}`;
const sorted = (list: Expected[]) => [...list].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

/** A case's rows as a sheet: the dataset's required headers plus every header the rows use. */
export function caseTable(dataset: DatasetDef, rows: Record<string, RawCell>[]): RawTable {
  const headers = Object.entries(dataset.columns).filter(([, c]) => c.required).map(([name]) => name);
  for (const row of rows) for (const h of Object.keys(row)) if (!headers.includes(h)) headers.push(h);
  return { file: `case:${dataset.id}`, sheet: dataset.id, firstRow: 1, rows: [headers, ...rows.map((r) => headers.map((h) => r[h] ?? null))] };
}

/** Runs one rule on one case's rows, as a real check would. */
export function runCase(pack: RulePack, ruleId: string, c: RuleCase): { result?: CheckResult; outcome: CaseResult } {
  const base: CaseResult = { ruleId, name: c.name, passed: false, expected: sorted(c.expect), actual: [], expectedNotEvaluable: c.expectNotEvaluable ?? 0, actualNotEvaluable: 0, actualWarnings: 0 };
  if (c.expectWarnings !== undefined) base.expectedWarnings = c.expectWarnings;
  const asOf = dayFromIso(c.asOf);
  if (asOf === undefined) return { outcome: { ...base, error: `asOf "${c.asOf}" is not yyyy-mm-dd` } };
  const tables: RawTable[] = [];
  for (const [id, rows] of Object.entries(c.data)) {
    const dataset = pack.datasets.find((d) => d.id === id);
    if (!dataset) return { outcome: { ...base, error: `unknown dataset "${id}"` } };
    tables.push(caseTable(dataset, rows));
  }
  const result = runCheck(pack, tables, { asOf, select: (r) => r.id === ruleId });
  const rule = result.rules.find((r) => r.ruleId === ruleId);
  const actual = sorted(result.exceptions.map((e) => ({ subject: e.subject, dueDate: e.dueDate })));
  const actualNotEvaluable = rule?.counts.notEvaluable ?? 0;
  const actualWarnings = result.findings.filter((f) => f.kind === 'suspicious-value' && f.ruleId === ruleId).length;
  const passed =
    JSON.stringify(actual) === JSON.stringify(base.expected) &&
    base.expectedNotEvaluable === actualNotEvaluable &&
    (c.expectWarnings === undefined || c.expectWarnings === actualWarnings);
  return { result, outcome: { ...base, actual, actualNotEvaluable, actualWarnings, passed } };
}
