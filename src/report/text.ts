import type { CheckResult } from '../engine/run-check.js';
import { ukIso } from '../engine/format.js';
import type { ExceptionRecord, ShownKind, ShownValue } from '../engine/outcome.js';
import type { OverviewTable } from '../engine/overview.js';
import { FINDING_LEVELS, type Finding } from '../findings/finding.js';
import type { RunManifest } from '../manifest/run-manifest.js';
import { ruleStatuses } from './counts.js';
import { printable } from './printable.js';
import { findingGroupsTable } from './tabular.js';

const pad = (s: string | number, n: number) => String(s).padEnd(n);
const lpad = (s: string | number, n: number) => String(s).padStart(n);

const statusTag = (e: ExceptionRecord) =>
  e.status === undefined ? '' : e.status === 'new' ? '[new] ' : `[${e.status} ${e.weeksOpen}w] `;

/** A finding on one line: where (file, sheet, row, column) and what. */
export const findingLine = (f: Finding): string => `${f.file}${f.sheet ? ` [${f.sheet}]` : ''}${f.row ? ` row ${f.row}` : ''}${f.column ? ` "${f.column}"` : ''}: ${f.message}`;

/** How many findings there are of each level, most serious first: "1 error, 2 warning, 0 info". */
export const findingsByLevel = (findings: readonly Finding[]): string => FINDING_LEVELS.map((l) => `${findings.filter((f) => f.level === l).length} ${l}`).join(', ');

/** The manifest in a few lines: enough to tell two runs apart. */
export function manifestText(m: RunManifest): string[] {
  return [
    `Run manifest: ${m.tool.name} ${m.tool.version}, ${m.command} as of ${m.asOf}, rule set ${m.ruleSet.sha256}`,
    ...m.ruleSet.rules.map((r) => `  rule ${r.id} v${r.version} ${r.sha256}`),
    ...m.inputs.map((i) => `  input ${i.file} ${i.size} bytes ${i.sha256}`),
    ...(m.baseline ? [`  baseline ${m.baseline.file} as of ${m.baseline.asOf} ${m.baseline.size} bytes ${m.baseline.sha256}`] : []),
  ];
}

const shownText = (value: ShownValue, kind: ShownKind) => (value === null ? '' : kind === 'date' && typeof value === 'string' ? ukIso(value) : String(value));

/** An overview (one row per home, say) as a fixed-width table, dates as dd/mm/yyyy. */
export function overviewText(o: OverviewTable): string[] {
  const cells = o.rows.map((row) => row.map((v, i) => shownText(v, o.columns[i]!.kind)));
  const widths = o.columns.map((c) => c.label.length);
  for (const row of cells) row.forEach((text, i) => (widths[i] = Math.max(widths[i]!, text.length)));
  const line = (texts: string[]) => `  ${texts.map((t, i) => pad(t, widths[i]!)).join('  ')}`.trimEnd();
  return ['', `${o.title} (${o.rows.length})`, line(o.columns.map((c) => c.label)), ...cells.map(line)];
}

/** The report's lines as text, each with its control characters escaped: a cell or a file name cannot break a line or drive the terminal. */
const lines = (all: readonly string[]) => `${all.map(printable).join('\n')}\n`;

/**
 * A plain-text summary for a terminal or CI log: no colour, fixed-width columns. With
 * `aggregateOnly`, counts only: no exception or finding lines.
 */
export function textReport(result: CheckResult, perRule = 20, aggregateOnly = false): string {
  const out: string[] = [`csc-comply check as of ${ukIso(result.asOf)}`, ''];
  const recognised = result.inputs.filter((i) => i.dataset !== null);
  out.push(`Inputs: ${recognised.length} sheet(s) recognised, ${result.inputs.length - recognised.length} not recognised`);
  for (const i of result.inputs) {
    out.push(`  ${i.file}${i.sheet ? ` [${i.sheet}]` : ''}${i.hidden ? ' (hidden sheet)' : ''}: ${i.dataset ?? 'not recognised'}${i.dataset ? `, ${i.rows} rows` : ''}`);
  }
  const rows = result.rowTotals;
  out.push(`Rows: ${rows.read} read = ${rows.evaluated} evaluated + ${rows.reported} reported in findings (${rows.blank} blank rows skipped)`);
  const weekly = result.baseline !== undefined;
  const statusHead = weekly ? `${lpad('New', 6)}${lpad('Open', 6)}${lpad('Resolved', 10)}` : '';
  if (result.baseline) out.push('', `Compared with ${result.baseline.file} (as of ${ukIso(result.baseline.asOf)})`);
  out.push('', `${pad('Rule', 40)}${lpad('Checked', 9)}${lpad('Exceptions', 12)}${lpad('Not evaluable', 15)}${statusHead}`);
  const statusOf = ruleStatuses(result);
  for (const r of result.rules) {
    const c = r.counts;
    const s = statusOf(r.ruleId);
    const status = weekly ? `${lpad(s.new, 6)}${lpad(s.open, 6)}${lpad(s.resolved, 10)}` : '';
    out.push(r.ran ? `${pad(r.ruleId, 40)}${lpad(c.checked, 9)}${lpad(c.exceptions, 12)}${lpad(c.notEvaluable, 15)}${status}` : `${pad(r.ruleId, 40)}  not run: input missing`);
  }
  const manifest = result.manifest ? ['', ...manifestText(result.manifest)] : [];
  if (aggregateOnly) return lines([...out, '', `Findings: ${findingsByLevel(result.findings)}`, ...manifest]);
  for (const o of result.overviews) out.push(...overviewText(o));
  for (const r of result.rules) {
    const list = result.exceptions.filter((e) => e.ruleId === r.ruleId);
    if (!list.length) continue;
    out.push('', `${r.title} (${r.ruleId}): ${list.length}`);
    for (const e of list.slice(0, perRule)) {
      const who = [e.team, e.worker].filter(Boolean).join(' / ');
      out.push(`  ${statusTag(e)}${pad(e.subject, 14)} due ${ukIso(e.dueDate)}  ${who ? `${who}  ` : ''}${e.message}`);
    }
    if (list.length > perRule) out.push(`  ... and ${list.length - perRule} more (the xlsx, csv, json and html formats list them all)`);
  }
  const resolved = result.baseline?.resolved ?? [];
  if (resolved.length) out.push('', `Resolved since ${ukIso(result.baseline!.asOf)}: ${resolved.length}`);
  for (const e of resolved.slice(0, perRule)) out.push(`  ${pad(e.subject, 14)} ${e.ruleId}, first seen ${ukIso(e.firstSeen ?? null)}`);
  if (resolved.length > perRule) out.push(`  ... and ${resolved.length - perRule} more`);
  out.push('', `Findings: ${findingsByLevel(result.findings)}`);
  const groups = findingGroupsTable(result.findings.filter((f) => f.level !== 'info')).rows;
  for (const [, kind, rule, count, file, sheet, column, rows, message] of groups.slice(0, perRule)) {
    const where = `${file ?? ''}${sheet ? ` [${sheet}]` : ''}${column ? ` "${column}"` : ''}`;
    out.push(`  ${count} x ${kind}${rule ? ` (${rule})` : ''}${where ? ` in ${where}` : ''}${rows ? `, row${String(rows).includes(',') ? 's' : ''} ${rows}` : ''}: ${message}`);
  }
  if (groups.length > perRule) out.push(`  ... and ${groups.length - perRule} more kinds (the xlsx and json formats list every finding)`);
  return lines([...out, ...manifest]);
}
