import type { CheckResult } from '../engine/run-check.js';
import type { ExceptionRecord } from '../engine/outcome.js';
import { manifestTable, ruleTable, type OutTable } from './tabular.js';
import { manifestText, ukIso } from './text.js';
import { countBy, teamOf, UNALLOCATED } from './counts.js';

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Drift exceptions in clinic order: team, then worker, then longest open (earliest due) first. */
export function driftOrder(exceptions: readonly ExceptionRecord[]): ExceptionRecord[] {
  return [...exceptions].sort(
    (a, b) =>
      byText(a.team ?? '\uffff', b.team ?? '\uffff') ||
      byText(a.worker ?? '\uffff', b.worker ?? '\uffff') ||
      byText(a.dueDate ?? '', b.dueDate ?? '') ||
      byText(a.id, b.id),
  );
}

/** Cases per team, teams in name order. */
export function teamCounts(exceptions: readonly ExceptionRecord[]): [string, number][] {
  return countBy(exceptions, teamOf).map(([team, c]) => [team, c.exceptions]);
}

/** The clinic's workbook: counts per team, then the list grouped by team and worker, then the manifest. */
export function driftTables(result: CheckResult): OutTable[] {
  const ordered = driftOrder(result.exceptions);
  const byTeam: OutTable = {
    name: 'By team',
    columns: [{ header: 'Team', kind: 'text', width: 36 }, { header: 'Cases', kind: 'number', width: 10 }],
    rows: [...teamCounts(ordered), ['Total', ordered.length] as [string, number]],
  };
  const lists = result.rules.map((r) => ruleTable(r, ordered.filter((e) => e.ruleId === r.ruleId), (r.sheetName ?? r.ruleId).slice(0, 31)));
  return [byTeam, ...lists, ...(result.manifest ? [manifestTable(result.manifest)] : [])];
}

/** The drift list as text, for a terminal or to print: a heading per team and worker. */
export function driftText(result: CheckResult): string {
  const out = [`Drift list as of ${ukIso(result.asOf)}: ${result.exceptions.length} case(s)`, ''];
  let team: string | undefined;
  let worker: string | undefined;
  const counts = new Map(teamCounts(result.exceptions));
  for (const e of driftOrder(result.exceptions)) {
    const t = e.team ?? UNALLOCATED;
    if (t !== team) {
      team = t;
      worker = undefined;
      out.push(`${t}: ${counts.get(t)} case(s)`);
    }
    const w = e.worker ?? '(no worker recorded)';
    if (w !== worker) {
      worker = w;
      out.push(`  ${w}`);
    }
    out.push(`    ${e.subject.padEnd(14)} ${e.message}`);
  }
  const manifest = result.manifest ? ['', ...manifestText(result.manifest)] : [];
  return `${[...out, ...manifest].join('\n')}\n`;
}
