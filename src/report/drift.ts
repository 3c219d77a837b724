import type { CheckResult } from '../engine/run-check.js';
import type { ExceptionRecord } from '../engine/outcome.js';
import type { Finding } from '../findings/finding.js';
import { findingsTable, manifestTable, ruleTable, withWriteInColumn, type OutTable } from './tabular.js';
import { ukIso } from '../engine/format.js';
import { findingLine, findingsByLevel, manifestText } from './text.js';
import { countBy, teamOf, UNALLOCATED } from './counts.js';

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A team's name as the list sorts it: none recorded last. */
const teamOrder = (team: string) => (team === UNALLOCATED ? '\uffff' : team);

/** The team a case is listed under, as the list sorts it. */
const teamKey = (e: ExceptionRecord) => teamOrder(teamOf(e));

/** Drift exceptions in clinic order: team (else service), then worker, then longest open (earliest due) first. */
export function driftOrder(exceptions: readonly ExceptionRecord[]): ExceptionRecord[] {
  return [...exceptions].sort(
    (a, b) =>
      byText(teamKey(a), teamKey(b)) ||
      byText(a.worker ?? '\uffff', b.worker ?? '\uffff') ||
      byText(a.dueDate ?? '', b.dueDate ?? '') ||
      byText(a.id, b.id),
  );
}

/** The blank column the clinic's chair writes each decision in. */
export const CLINIC_OUTCOME = 'Clinic Outcome';

/** Rows of the clinic's workbook this tall (points, two lines): fitted to a landscape page's width, still room to write an outcome by hand. */
const OUTCOME_ROW_HEIGHT = 30;

/** Cases per team, teams in name order and none recorded last, as the list has them. */
export function teamCounts(exceptions: readonly ExceptionRecord[]): [string, number][] {
  return countBy(exceptions, teamOf)
    .map(([team, c]): [string, number] => [team, c.exceptions])
    .sort(([a], [b]) => byText(teamOrder(a), teamOrder(b)));
}

/** A drift rule that did not run, and why: its list is empty because nothing was checked, not because no case drifted. */
export interface NotChecked {
  ruleId: string;
  message: string;
}

/** Each drift rule of the run that did not run (its input missing), or that there was none to run. */
export function driftNotChecked(result: CheckResult): NotChecked[] {
  if (result.rules.length === 0) return [{ ruleId: '(none)', message: 'No rule in the pack is tagged "drift"' }];
  return result.rules
    .filter((r) => !r.ran)
    .map((r) => ({ ruleId: r.ruleId, message: result.findings.find((f) => f.kind === 'rule-not-run' && f.ruleId === r.ruleId)?.message ?? `${r.ruleId} was not run` }));
}

/** What every format says about a drift rule that did not run. */
export const notCheckedText = (n: NotChecked): string => `${n.message}. This is not a clean list: no case was checked by this rule.`;

/** The rows the drift rules could not judge (a start date that cannot be read): children who would otherwise vanish from the list. */
export const notJudged = (result: CheckResult): Finding[] => result.findings.filter((f) => f.kind === 'not-evaluable');

/**
 * The clinic's workbook: a NOT CHECKED sheet first when a drift rule did not run, counts per
 * team, the rows not judged, the list grouped by team and worker, every finding, the manifest.
 */
export function driftTables(result: CheckResult): OutTable[] {
  const ordered = driftOrder(result.exceptions);
  const notChecked = driftNotChecked(result);
  const banner: OutTable[] = notChecked.length
    ? [{ name: 'NOT CHECKED', columns: [{ header: 'Rule', kind: 'text', width: 34 }, { header: 'Why', kind: 'text', width: 110 }], rows: notChecked.map((n) => [n.ruleId, notCheckedText(n)]) }]
    : [];
  const byTeam: OutTable = {
    name: 'By team',
    columns: [{ header: 'Team', kind: 'text', width: 36 }, { header: 'Cases', kind: 'number', width: 10 }],
    rows: [...teamCounts(ordered), ['Total', ordered.length] as [string, number]],
  };
  const lists = result.rules.map((r) => {
    const list = ruleTable(r, ordered.filter((e) => e.ruleId === r.ruleId), (r.sheetName ?? r.ruleId).slice(0, 31), { asOf: result.asOf, people: true });
    return { ...withWriteInColumn(list, CLINIC_OUTCOME, list.printColumns), rowHeight: OUTCOME_ROW_HEIGHT };
  });
  return [...banner, byTeam, { ...findingsTable(notJudged(result)), name: 'Not judged' }, ...lists, findingsTable(result.findings), ...(result.manifest ? [manifestTable(result.manifest)] : [])];
}

/** The drift list as text, for a terminal or to print: a heading per team and worker, a line under each case to write the clinic's outcome on, then the rows not judged. */
export function driftText(result: CheckResult): string {
  const notChecked = driftNotChecked(result);
  const out = [`Drift list as of ${ukIso(result.asOf)}: ${notChecked.length ? 'NOT CHECKED' : `${result.exceptions.length} case(s)`}`, ''];
  if (notChecked.length) out.push(...notChecked.map((n) => `NOT CHECKED: ${notCheckedText(n)}`), '');
  let team: string | undefined;
  let worker: string | undefined;
  const counts = new Map(teamCounts(result.exceptions));
  for (const e of driftOrder(result.exceptions)) {
    const t = teamOf(e);
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
    out.push(`    ${e.subject.padEnd(14)} ${e.message}`, `${' '.repeat(19)}${CLINIC_OUTCOME}: ${'_'.repeat(40)}`);
  }
  const unjudged = notJudged(result);
  if (unjudged.length) out.push('', `Not judged: ${unjudged.length} row(s) the drift rule(s) could not judge (put the cell right and run again)`, ...unjudged.map((f) => `  ${findingLine(f)}`));
  out.push('', `Findings: ${findingsByLevel(result.findings)} (the xlsx, csv, json and html formats list them all)`);
  const manifest = result.manifest ? ['', ...manifestText(result.manifest)] : [];
  return `${[...out, ...manifest].join('\n')}\n`;
}
