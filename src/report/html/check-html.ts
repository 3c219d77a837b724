import { ukDate } from '../../engine/format.js';
import type { CheckResult } from '../../engine/run-check.js';
import { dayFromIso } from '../../calendar/index.js';
import { allRecords, countBy, driftAges, teamOf, totalStatus, type StatusCounts } from '../counts.js';
import { checkTables, findingCountsTable, inputsTable, manifestTable, summaryTable, teamTable, type OutTable } from '../tabular.js';
import { barChart } from './bar-chart.js';
import { escapeHtml } from './escape.js';
import { htmlPage } from './page.js';
import { htmlTable } from './table.js';

const uk = (iso: string) => ukDate(dayFromIso(iso) ?? 0);

/** The charts: exceptions by rule and by team, new / open / resolved, and how long drift cases have been open. */
export function chartsHtml(result: CheckResult): string {
  const records = allRecords(result);
  const largestFirst = (counts: [string, StatusCounts][]) => counts.map(([label, c]) => ({ label, value: c.exceptions })).sort((a, b) => b.value - a.value);
  const byRule = largestFirst(countBy(records, (e) => e.ruleId));
  const byTeam = largestFirst(countBy(records, teamOf));
  const total = totalStatus(result);
  const charts: string[] = [];
  if (result.baseline) {
    charts.push(barChart(`Since ${uk(result.baseline.asOf)}`, [
      { label: 'New', value: total.new, tone: 'new' },
      { label: 'Still open', value: total.open, tone: 'open' },
      { label: 'Resolved', value: total.resolved, tone: 'resolved' },
    ]));
  }
  if (result.rules.some((r) => r.tags.includes('drift') && r.ran)) {
    charts.push(barChart('Drift cases: time since they passed their review point', driftAges(result).map(([label, value]) => ({ label, value }))));
  }
  charts.push(barChart('Exceptions by rule', byRule), barChart('Exceptions by team', byTeam));
  return `<div class="charts">${charts.join('\n')}</div>`;
}

/** The heading: as-of date, the totals (new, still open and resolved against a baseline), and what the page holds. */
export function headingHtml(title: string, result: CheckResult, note: string): string {
  const total = totalStatus(result);
  const weekly = result.baseline
    ? `: ${total.new} new, ${total.open} still open, and ${total.resolved} resolved since ${uk(result.baseline.asOf)} (${escapeHtml(result.baseline.file)})`
    : '';
  return `<h1>${escapeHtml(title)}</h1><p class="headline">${result.exceptions.length} exception(s) as of ${uk(result.asOf)}${weekly}.</p><p class="meta">${escapeHtml(note)}</p>`;
}

const section = (heading: string, table: OutTable, filterable = false) => `<h3>${escapeHtml(heading)}</h3>${htmlTable(table, { filterable })}`;

/** The manifest section: what was run, on which files (size, SHA-256). */
export const manifestHtml = (result: CheckResult) => (result.manifest ? `<h2 id="manifest">Run manifest</h2>${htmlTable(manifestTable(result.manifest))}` : '');

/**
 * The check as one self-contained page: counts per rule and team, charts, then every list,
 * sortable and filterable. With `aggregateOnly`, counts and charts only: no row about a child.
 */
export function checkHtml(result: CheckResult, aggregateOnly = false): string {
  const parts = [
    headingHtml('Compliance check', result, aggregateOnly ? 'Counts only: this report holds no case records.' : 'Click a column heading to sort; type in a filter box to narrow a list.'),
    '<h2>At a glance</h2>',
    chartsHtml(result),
    '<h2>Counts</h2>',
    section('By rule', summaryTable(result)),
    section('By team', teamTable(result)),
  ];
  if (aggregateOnly) {
    parts.push('<h2>Findings</h2>', section('Findings by kind', findingCountsTable(result.findings)));
  } else {
    const lists = checkTables(result).filter((t) => !['Summary', 'By Team', 'Inputs', 'Manifest'].includes(t.name));
    parts.push('<h2>Lists</h2>', ...lists.map((t) => section(`${t.name} (${t.rows.length})`, t, true)));
  }
  parts.push('<h2>Inputs</h2>', htmlTable(inputsTable(result.inputs)), manifestHtml(result));
  return htmlPage(`csc-comply check as of ${uk(result.asOf)}`, parts.join('\n'));
}
