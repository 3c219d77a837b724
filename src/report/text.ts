import { dayFromIso } from '../calendar/index.js';
import type { CheckResult } from '../engine/run-check.js';
import { ukDate } from '../engine/format.js';

const pad = (s: string | number, n: number) => String(s).padEnd(n);
const lpad = (s: string | number, n: number) => String(s).padStart(n);
export const ukIso = (iso: string | null) => (iso === null ? 'none' : ukDate(dayFromIso(iso) ?? 0));

/** A plain-text summary for a terminal or CI log: no colour, fixed-width columns. */
export function textReport(result: CheckResult, perRule = 20): string {
  const out: string[] = [`csc-comply check as of ${ukIso(result.asOf)}`, ''];
  const recognised = result.inputs.filter((i) => i.dataset !== null);
  out.push(`Inputs: ${recognised.length} sheet(s) recognised, ${result.inputs.length - recognised.length} not recognised`);
  for (const i of result.inputs) {
    out.push(`  ${i.file}${i.sheet ? ` [${i.sheet}]` : ''}${i.hidden ? ' (hidden sheet)' : ''}: ${i.dataset ?? 'not recognised'}${i.dataset ? `, ${i.rows} rows` : ''}`);
  }
  const rows = result.rowTotals;
  out.push(`Rows: ${rows.read} read = ${rows.evaluated} evaluated + ${rows.reported} reported in findings (${rows.blank} blank rows skipped)`);
  out.push('', `${pad('Rule', 40)}${lpad('Checked', 9)}${lpad('Exceptions', 12)}${lpad('Not evaluable', 15)}`);
  for (const r of result.rules) {
    const c = r.counts;
    out.push(r.ran ? `${pad(r.ruleId, 40)}${lpad(c.checked, 9)}${lpad(c.exceptions, 12)}${lpad(c.notEvaluable, 15)}` : `${pad(r.ruleId, 40)}  not run: input missing`);
  }
  for (const r of result.rules) {
    const list = result.exceptions.filter((e) => e.ruleId === r.ruleId);
    if (!list.length) continue;
    out.push('', `${r.title} (${r.ruleId}): ${list.length}`);
    for (const e of list.slice(0, perRule)) {
      const who = [e.team, e.worker].filter(Boolean).join(' / ');
      out.push(`  ${pad(e.subject, 14)} due ${ukIso(e.dueDate)}  ${who ? `${who}  ` : ''}${e.message}`);
    }
    if (list.length > perRule) out.push(`  ... and ${list.length - perRule} more (the xlsx, csv and json formats list them all)`);
  }
  const levels = ['error', 'warning', 'info'].map((l) => `${result.findings.filter((f) => f.level === l).length} ${l}`);
  out.push('', `Findings: ${levels.join(', ')}`);
  for (const f of result.findings.filter((f) => f.level !== 'info').slice(0, perRule)) {
    out.push(`  ${f.file}${f.sheet ? ` [${f.sheet}]` : ''}${f.row ? ` row ${f.row}` : ''}${f.column ? ` "${f.column}"` : ''}: ${f.message}`);
  }
  const shown = result.findings.filter((f) => f.level !== 'info').length;
  if (shown > perRule) out.push(`  ... and ${shown - perRule} more`);
  return `${out.join('\n')}\n`;
}
