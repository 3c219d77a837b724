import type { CheckResult } from '../../engine/run-check.js';
import { teamOf } from '../counts.js';
import { driftOrder, teamCounts } from '../drift.js';
import { ruleTable, withWriteInColumn } from '../tabular.js';
import { chartsHtml, headingHtml, manifestHtml } from './check-html.js';
import { escapeHtml } from './escape.js';
import { htmlPage } from './page.js';
import { htmlTable, tableId } from './table.js';

/** The clinic's drift list as a page: charts, then one section per team (a printed page each), worker by worker. */
export function driftHtml(result: CheckResult): string {
  const ordered = driftOrder(result.exceptions);
  const counts = new Map(teamCounts(ordered));
  const teams = [...new Set(ordered.map(teamOf))].map((team) => {
    const lists = result.rules.map((r) => {
      const rows = ordered.filter((e) => e.ruleId === r.ruleId && teamOf(e) === team);
      if (!rows.length) return '';
      const table = withWriteInColumn(ruleTable(r, rows, r.title), 'Clinic Outcome');
      return `<h3>${escapeHtml(r.title)}</h3>${htmlTable(table, { id: tableId(`${team} ${r.ruleId}`), filterable: true })}`;
    });
    return `<section class="team"><h2>${escapeHtml(team)}: ${counts.get(team)} case(s)</h2>${lists.join('\n')}</section>`;
  });
  const body = [headingHtml('Drift list for case review clinics', result, `${ordered.length} case(s), grouped by team then worker, longest open first.`), chartsHtml(result), ...teams, manifestHtml(result)];
  return htmlPage(`Drift list as of ${result.asOf}`, body.join('\n'));
}
