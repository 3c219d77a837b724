import type { Finding } from '../findings/finding.js';
import type { CheckResult, InputSummary } from '../engine/run-check.js';
import type { ExceptionRecord, RuleSummary, ShownKind, ShownValue } from '../engine/outcome.js';
import type { OverviewTable } from '../engine/overview.js';

/** A column of an output table: its header and how its values are to be shown. */
export interface OutColumn {
  header: string;
  kind: ShownKind;
  width?: number;
}

/** One sheet or CSV file of the report, before it is written in any format. */
export interface OutTable {
  name: string;
  columns: OutColumn[];
  rows: ShownValue[][];
  /** Print only this many leading columns (the rest are for filtering and tracing). */
  printColumns?: number;
}

const text = (header: string, width = 16): OutColumn => ({ header, kind: 'text', width });
const num = (header: string): OutColumn => ({ header, kind: 'number', width: 12 });

/** The Summary table: each rule, where it comes from and how its rows were judged. */
export function summaryTable(result: CheckResult): OutTable {
  return {
    name: 'Summary',
    columns: [
      text('Rule', 34), text('Title', 48), text('Severity', 10), text('Source', 48), text('Source Kind', 18),
      num('Considered'), num('Not Applicable'), num('Checked'), num('Passed'), num('Exceptions'), num('Merged Duplicates'), num('Not Evaluable'), text('Ran', 8),
    ],
    rows: result.rules.map((r) => [
      r.ruleId, r.title, r.severity, r.source.title, r.source.kind,
      r.counts.considered, r.counts.notApplicable, r.counts.checked, r.counts.passed, r.counts.exceptions, r.counts.merged, r.counts.notEvaluable,
      r.ran ? 'yes' : 'no: input missing',
    ]),
  };
}

/** The exceptions of one rule, with the rule's own columns between the standard ones. */
export function ruleTable(rule: RuleSummary, exceptions: readonly ExceptionRecord[], name: string): OutTable {
  const own = Object.entries(rule.columnKinds);
  const hasPeople = exceptions.some((e) => e.team !== null || e.worker !== null);
  return {
    name,
    columns: [
      text('Subject', 16),
      { header: 'Due Date', kind: 'date', width: 12 },
      ...(hasPeople ? [text('Team', 34), text('Worker', 22)] : []),
      ...own.map(([header, kind]) => ({ header, kind, width: kind === 'text' ? 24 : 14 })),
      text('Message', 70), text('Severity', 10), text('File', 28), text('Sheet', 14), num('Row'), text('Exception ID', 48),
    ],
    rows: exceptions.map((e) => [
      e.subject,
      e.dueDate,
      ...(hasPeople ? [e.team, e.worker] : []),
      ...own.map(([label]) => e.columns[label] ?? null),
      e.message, e.severity, e.source.file, e.source.sheet ?? null, e.source.row, e.id,
    ]),
    printColumns: 2 + (hasPeople ? 2 : 0) + own.length,
  };
}

/** An overview (e.g. one row per children's home), as its own sheet. */
export function overviewOutTable(overview: OverviewTable): OutTable {
  return {
    name: overview.sheetName,
    columns: overview.columns.map((c) => ({ header: c.label, kind: c.kind, width: c.kind === 'text' ? 24 : 14 })),
    rows: overview.rows,
  };
}

export function findingsTable(findings: readonly Finding[]): OutTable {
  return {
    name: 'Findings',
    columns: [text('Level', 9), text('Kind', 18), text('File', 30), text('Sheet', 14), num('Row'), text('Column', 26), text('Value', 20), text('Rule', 30), text('Message', 80)],
    rows: findings.map((f) => [f.level, f.kind, f.file, f.sheet ?? null, f.row ?? null, f.column ?? null, f.value ?? null, f.ruleId ?? null, f.message]),
  };
}

export function inputsTable(inputs: readonly InputSummary[]): OutTable {
  return {
    name: 'Inputs',
    columns: [text('File', 40), text('Sheet', 20), text('Dataset', 26), num('Header Row'), num('Rows'), num('Evaluated'), num('Reported'), num('Blank Rows')],
    rows: inputs.map((i) => [i.file, i.sheet === undefined ? null : `${i.sheet}${i.hidden ? ' (hidden)' : ''}`, i.dataset ?? 'not recognised', i.headerRow, i.rows, i.evaluated, i.reported, i.blankRows]),
  };
}

/** Unique sheet names of at most 31 characters, from each rule's sheetName or id. */
export function ruleSheetNames(rules: readonly RuleSummary[], reserved: readonly string[]): Map<string, string> {
  const used = new Set(reserved.map((n) => n.toLowerCase()));
  const names = new Map<string, string>();
  for (const r of rules) {
    const base = (r.sheetName ?? r.ruleId).replace(/[[\]:*?/\\]/g, '-').slice(0, 31);
    let name = base;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base.slice(0, 31 - String(k).length - 1)}~${k}`;
    used.add(name.toLowerCase());
    names.set(r.ruleId, name);
  }
  return names;
}

/** Every table of a check, in workbook order: Summary, the overviews, one per rule, Findings, Inputs. */
export function checkTables(result: CheckResult): OutTable[] {
  const names = ruleSheetNames(result.rules, ['Summary', 'Findings', 'Inputs', ...result.overviews.map((o) => o.sheetName)]);
  return [
    summaryTable(result),
    ...result.overviews.map(overviewOutTable),
    ...result.rules.map((r) => ruleTable(r, result.exceptions.filter((e) => e.ruleId === r.ruleId), names.get(r.ruleId)!)),
    findingsTable(result.findings),
    inputsTable(result.inputs),
  ];
}
