import type { CheckResult } from '../../engine/run-check.js';
import { teamOf } from '../counts.js';
import { CLINIC_OUTCOME, driftNotChecked, driftOrder, notCheckedText, notJudged, teamCounts } from '../drift.js';
import { findingsTable, ruleTable, withWriteInColumn } from '../tabular.js';
import { chartsHtml, headingHtml, manifestHtml } from './check-html.js';
import { escapeHtml } from './escape.js';
import { htmlPage } from './page.js';
import { htmlTable, tableId } from './table.js';

/** The clinic's drift list as a page: a banner when a drift rule did not run, charts, one section per team (a printed page each), worker by worker, the rows not judged, the findings. */
export function driftHtml(result: CheckResult): string {
  const ordered = driftOrder(result.exceptions);
  const counts = new Map(teamCounts(ordered));
  const teams = [...new Set(ordered.map(teamOf))].map((team) => {
    const lists = result.rules.map((r) => {
      const rows = ordered.filter((e) => e.ruleId === r.ruleId && teamOf(e) === team);
      if (!rows.length) return '';
      const table = withWriteInColumn(ruleTable(r, rows, r.title, { asOf: result.asOf, people: true }), CLINIC_OUTCOME);
      return `<h3>${escapeHtml(r.title)}</h3>${htmlTable(table, { id: tableId(`${team} ${r.ruleId}`), filterable: true })}`;
    });
    return `<section class="team"><h2>${escapeHtml(team)}: ${counts.get(team)} case(s)</h2>${lists.join('\n')}</section>`;
  });
  const notChecked = driftNotChecked(result);
  const note = notChecked.length ? 'Not checked: see below.' : `${ordered.length} case(s), grouped by team then worker, longest open first.`;
  const banner = notChecked.map((n) => `<p class="not-checked">NOT CHECKED: ${escapeHtml(notCheckedText(n))}</p>`);
  const unjudged = notJudged(result);
  const notJudgedHtml = unjudged.length ? [`<h2>Not judged (${unjudged.length})</h2>`, '<p class="meta">Rows the drift rule(s) could not judge: put the cell right and run again.</p>', htmlTable(findingsTable(unjudged), { filterable: true })] : [];
  const findings = [`<h2>Findings (${result.findings.length})</h2>`, htmlTable(findingsTable(result.findings), { filterable: true })];
  const body = [headingHtml('Drift list for case review clinics', result, note), ...banner, chartsHtml(result), ...teams, ...notJudgedHtml, ...findings, manifestHtml(result)];
  return htmlPage(`Drift list as of ${result.asOf}`, body.join('\n'));
}
