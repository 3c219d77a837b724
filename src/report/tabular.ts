import type { Finding } from '../findings/finding.js';
import type { CheckResult, InputSummary } from '../engine/run-check.js';
import type { ExceptionRecord, RuleSummary, ShownKind, ShownValue } from '../engine/outcome.js';
import type { OverviewTable } from '../engine/overview.js';
import type { RunManifest } from '../manifest/run-manifest.js';
import { allRecords, countBy, ruleStatus, teamOf, type StatusCounts } from './counts.js';

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

const STATUS_HEADERS = ['New', 'Still Open', 'Resolved'];
const statusCells = (c: StatusCounts) => [c.new, c.open, c.resolved];

/**
 * The Summary table: each rule, where it comes from and how its rows were judged; with a
 * baseline, how many exceptions are new, still open and resolved. For one team's workbook the
 * counts are that team's exceptions (rows judged are counted for the whole authority only).
 */
export function summaryTable(result: CheckResult, team?: string): OutTable {
  const weekly = result.baseline !== undefined;
  const rule = [text('Rule', 34), text('Title', 48), text('Severity', 10), text('Source', 48), text('Source Kind', 18)];
  const status = weekly ? STATUS_HEADERS.map(num) : [];
  const counts = team === undefined
    ? [num('Considered'), num('Not Applicable'), num('Checked'), num('Passed'), num('Exceptions'), num('Merged Duplicates'), num('Not Evaluable')]
    : [num('Team Exceptions')];
  return {
    name: 'Summary',
    columns: [...rule, ...counts, ...status, text('Ran', 8)],
    rows: result.rules.map((r) => {
      const s = ruleStatus(result, r.ruleId, team);
      const c = r.counts;
      return [
        r.ruleId, r.title, r.severity, r.source.title, r.source.kind,
        ...(team === undefined ? [c.considered, c.notApplicable, c.checked, c.passed, c.exceptions, c.merged, c.notEvaluable] : [s.exceptions]),
        ...(weekly ? statusCells(s) : []),
        r.ran ? 'yes' : 'no: input missing',
      ];
    }),
  };
}

/** Exceptions per team and rule (and new, still open, resolved against a baseline). */
export function teamTable(result: CheckResult): OutTable {
  const weekly = result.baseline !== undefined;
  const rows = countBy(allRecords(result), (e) => `${teamOf(e)}\u0000${e.ruleId}`);
  return {
    name: 'By Team',
    columns: [text('Team', 36), text('Rule', 34), num('Exceptions'), ...(weekly ? STATUS_HEADERS.map(num) : [])],
    rows: rows.map(([key, c]) => [...key.split('\u0000'), c.exceptions, ...(weekly ? statusCells(c) : [])]),
  };
}

/** The exceptions of one rule, with the rule's own columns between the standard ones. */
export function ruleTable(rule: RuleSummary, exceptions: readonly ExceptionRecord[], name: string): OutTable {
  const own = Object.entries(rule.columnKinds);
  const hasPeople = exceptions.some((e) => e.team !== null || e.worker !== null);
  const tracked = exceptions.some((e) => e.status !== undefined);
  return {
    name,
    columns: [
      text('Subject', 16),
      { header: 'Due Date', kind: 'date', width: 12 },
      ...(tracked ? [text('Status', 10), { header: 'First Seen', kind: 'date' as const, width: 12 }, num('Weeks Open')] : []),
      ...(hasPeople ? [text('Team', 34), text('Worker', 22)] : []),
      ...own.map(([header, kind]) => ({ header, kind, width: kind === 'text' ? 24 : 14 })),
      text('Message', 70), text('Severity', 10), text('File', 28), text('Sheet', 14), num('Row'), text('Exception ID', 48),
    ],
    rows: exceptions.map((e) => [
      e.subject,
      e.dueDate,
      ...(tracked ? [e.status ?? null, e.firstSeen ?? null, e.weeksOpen ?? null] : []),
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

/** Exceptions of the baseline that are gone this week, as they were when last seen. */
export function resolvedTable(resolved: readonly ExceptionRecord[]): OutTable {
  return {
    name: 'Resolved',
    columns: [
      text('Rule', 34), text('Subject', 16), { header: 'Due Date', kind: 'date', width: 12 }, { header: 'First Seen', kind: 'date', width: 12 },
      num('Weeks Open'), text('Team', 28), text('Worker', 22), text('Message', 70), text('Exception ID', 48),
    ],
    rows: resolved.map((e) => [e.ruleId, e.subject, e.dueDate, e.firstSeen ?? null, e.weeksOpen ?? null, e.team, e.worker, e.message, e.id]),
  };
}

/** Findings counted by level, kind and rule: what an aggregate report says about its inputs. */
export function findingCountsTable(findings: readonly Finding[]): OutTable {
  const counts = new Map<string, number>();
  for (const f of findings) {
    const key = [f.level, f.kind, f.ruleId ?? ''].join('\u0000');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return {
    name: 'Findings',
    columns: [text('Level', 9), text('Kind', 18), text('Rule', 30), num('Count')],
    rows: [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, n]) => [...key.split('\u0000').map((v) => v || null), n]),
  };
}

/** The run manifest as rows: the tool, the as-of date, the rule set and each rule, each input file. */
export function manifestTable(manifest: RunManifest): OutTable {
  const rules = manifest.ruleSet.rules;
  const baseline = manifest.baseline;
  return {
    name: 'Manifest',
    columns: [text('Item', 12), text('Name', 44), text('Value', 34), num('Size (bytes)'), text('SHA-256', 66)],
    rows: [
      ['tool', manifest.tool.name, manifest.tool.version, null, null],
      ['command', manifest.command, null, null, null],
      ['as of', null, manifest.asOf, null, null],
      ['rule set', null, `${rules.length} rule(s)`, null, manifest.ruleSet.sha256],
      ...rules.map((r): ShownValue[] => ['rule', r.id, `version ${r.version}: ${r.counts.exceptions} exception(s)`, null, r.sha256]),
      ...manifest.inputs.map((i): ShownValue[] => ['input', i.file, null, i.size, i.sha256]),
      ...(baseline ? [['baseline', baseline.file, `as of ${baseline.asOf}`, baseline.size, baseline.sha256]] : []),
    ],
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

/** Every table of a check, in workbook order: Summary, the overviews, By Team, one per rule, Resolved, Findings, Inputs, Manifest. */
export function checkTables(result: CheckResult): OutTable[] {
  const names = ruleSheetNames(result.rules, ['Summary', 'By Team', 'Resolved', 'Findings', 'Inputs', 'Manifest', ...result.overviews.map((o) => o.sheetName)]);
  return [
    summaryTable(result),
    ...result.overviews.map(overviewOutTable),
    teamTable(result),
    ...result.rules.map((r) => ruleTable(r, result.exceptions.filter((e) => e.ruleId === r.ruleId), names.get(r.ruleId)!)),
    ...(result.baseline ? [resolvedTable(result.baseline.resolved)] : []),
    findingsTable(result.findings),
    inputsTable(result.inputs),
    ...(result.manifest ? [manifestTable(result.manifest)] : []),
  ];
}

/** Counts only, no row about a child: Summary, By Team, findings counted, Inputs, Manifest. */
export function aggregateTables(result: CheckResult): OutTable[] {
  return [
    summaryTable(result),
    teamTable(result),
    findingCountsTable(result.findings),
    inputsTable(result.inputs),
    ...(result.manifest ? [manifestTable(result.manifest)] : []),
  ];
}

/** One team's workbook: the Summary filtered to the team, its exceptions per rule, its resolved ones, Inputs, Manifest. */
export function teamTables(result: CheckResult, team: string): OutTable[] {
  const names = ruleSheetNames(result.rules, ['Summary', 'Resolved', 'Inputs', 'Manifest']);
  const mine = (e: ExceptionRecord) => teamOf(e) === team;
  return [
    summaryTable(result, team),
    ...result.rules.map((r) => ruleTable(r, result.exceptions.filter((e) => e.ruleId === r.ruleId && mine(e)), names.get(r.ruleId)!)),
    ...(result.baseline ? [resolvedTable(result.baseline.resolved.filter(mine))] : []),
    inputsTable(result.inputs),
    ...(result.manifest ? [manifestTable(result.manifest)] : []),
  ];
}
