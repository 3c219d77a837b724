import type { CheckResult } from '../../engine/run-check.js';
import { allRecords, countBy, percentWithin, ruleLines, teamOf, totalStatus, type StatusCounts } from '../counts.js';
import { findingCountsTable, findingGroupsTable, inputsTable, manifestTable, overviewOutTable, resolvedTable, ruleTable, type OutTable } from '../tabular.js';
import { ukIso } from '../../engine/format.js';
import { barChart } from './bar-chart.js';
import { escapeHtml } from './escape.js';
import { listAnchor, overviewHtml, statusAndDriftCharts } from './overview-html.js';
import { htmlPage } from './page.js';
import { htmlTable, tableId } from './table.js';

/** How many rows of a long list the page shows before "Show all". */
export const LIST_PREVIEW = 15;

/** Exceptions by rule (labelled by title) and by team, largest first. */
function ruleAndTeamCharts(result: CheckResult): string[] {
  const records = allRecords(result);
  const titles = new Map(result.rules.map((r) => [r.ruleId, r.title]));
  const largestFirst = (counts: [string, StatusCounts][]) => counts.map(([label, c]) => ({ label, value: c.exceptions })).sort((a, b) => b.value - a.value);
  return [barChart('Exceptions by rule', largestFirst(countBy(records, (e) => titles.get(e.ruleId) ?? e.ruleId))), barChart('Exceptions by team', largestFirst(countBy(records, teamOf)))];
}

/** The charts: new / open / resolved, how long drift cases have been open, and exceptions by rule and by team. */
export function chartsHtml(result: CheckResult): string {
  return `<div class="charts">${[...statusAndDriftCharts(result), ...ruleAndTeamCharts(result)].join('\n')}</div>`;
}

/** The heading: as-of date, the totals (new, still open and resolved against a baseline), and what the page holds. */
export function headingHtml(title: string, result: CheckResult, note: string): string {
  const total = totalStatus(result);
  const weekly = result.baseline
    ? `: ${total.new} new, ${total.open} still open, and ${total.resolved} resolved since ${ukIso(result.baseline.asOf)} (${escapeHtml(result.baseline.file)})`
    : '';
  return `<h1>${escapeHtml(title)}</h1><p class="headline">${result.exceptions.length} exception(s) as of ${ukIso(result.asOf)}${weekly}.</p><p class="meta">${escapeHtml(note)}</p>`;
}

/** The manifest section: what was run, on which files (size, SHA-256). */
export const manifestHtml = (result: CheckResult) => (result.manifest ? `<h2 id="manifest">Run manifest</h2>${htmlTable(manifestTable(result.manifest))}` : '');

interface Section {
  id: string;
  label: string;
}

/** The contents bar: a link to each section, and the lists in a menu of their own. */
function contentsHtml(sections: readonly Section[], lists: readonly Section[]): string {
  const links = sections.map((s) => `<a href="#${s.id}">${escapeHtml(s.label)}</a>`);
  const menu = lists.length
    ? `<details class="menu"><summary>Lists (${lists.length})</summary><div>${lists.map((s) => `<a href="#${s.id}">${escapeHtml(s.label)}</a>`).join('')}</div></details>`
    : '';
  return `<nav class="contents" aria-label="Contents">${links.join('')}${menu}</nav>`;
}

/** A list section: a rule's exceptions (first rows shown, the rest a click away), starting a printed page. */
function listHtml(id: string, heading: string, note: string, table: OutTable): string {
  return `<section class="list" id="${id}"><h3>${escapeHtml(heading)}</h3><p class="meta">${escapeHtml(note)}</p>${htmlTable(table, { id: tableId(table.name), filterable: true, limit: LIST_PREVIEW })}</section>`;
}

/**
 * The check as one self-contained page. Its first screen answers "how are we doing": each rule
 * with its exceptions, % within timescale and change since the baseline, the team × rule grid
 * and the drift ages. Then every list, the findings grouped, the inputs and the manifest; a
 * contents bar links them all. With `aggregateOnly`, counts and charts only: no row about a child.
 */
export function checkHtml(result: CheckResult, aggregateOnly = false): string {
  const since = result.baseline ? ukIso(result.baseline.asOf) : undefined;
  const total = totalStatus(result);
  const weekly = result.baseline ? ` ${total.new} new, ${total.open} still open and ${total.resolved} resolved since ${since}.` : '';
  const ran = result.rules.filter((r) => r.ran).length;
  const header =
    `<header class="top"><h1>Compliance check as of ${ukIso(result.asOf)}</h1>` +
    `<p class="headline"><strong>${result.exceptions.length}</strong> exception(s) from ${ran} of ${result.rules.length} rules.${weekly}` +
    `${aggregateOnly ? ' <span class="meta">Counts only: this report holds no case records.</span>' : ''}</p></header>`;
  const lists: { section: Section; html: string }[] = [];
  if (!aggregateOnly) {
    for (const o of result.overviews) {
      const table = overviewOutTable(o);
      lists.push({ section: { id: tableId(`list ${o.sheetName}`), label: o.title }, html: listHtml(tableId(`list ${o.sheetName}`), `${o.title} (${o.rows.length})`, 'One row per item, as it stands.', table) });
    }
    for (const l of ruleLines(result).filter((x) => x.status.exceptions > 0)) {
      const rows = result.exceptions.filter((e) => e.ruleId === l.rule.ruleId);
      const table = ruleTable(l.rule, rows, l.rule.sheetName ?? l.rule.ruleId, { asOf: result.asOf });
      const pct = percentWithin(l.rule.counts.passed, l.rule.counts.checked, 0);
      const within = pct === null ? '' : `; ${pct}% of the ${l.rule.counts.checked} checked were within timescale`;
      lists.push({ section: { id: listAnchor(l.rule.ruleId), label: `${l.rule.title} (${rows.length})` }, html: listHtml(listAnchor(l.rule.ruleId), `${l.rule.title} (${rows.length})`, `${l.rule.severity} severity${within}. ${l.rule.description}`, table) });
    }
    if (result.baseline?.resolved.length) {
      const table = resolvedTable(result.baseline.resolved);
      lists.push({ section: { id: 'list-resolved', label: `Resolved (${table.rows.length})` }, html: listHtml('list-resolved', `Resolved since ${since} (${table.rows.length})`, 'In last week\'s report, gone now.', table) });
    }
  }
  const findings = aggregateOnly ? findingCountsTable(result.findings) : findingGroupsTable(result.findings);
  const sections: Section[] = [
    { id: 'overview', label: 'Overview' },
    { id: 'teams', label: 'Teams' },
    { id: 'charts', label: 'Charts' },
    ...(lists.length ? [{ id: 'lists', label: 'Lists' }] : []),
    { id: 'findings', label: `Findings (${result.findings.length})` },
    { id: 'inputs', label: 'Inputs' },
    ...(result.manifest ? [{ id: 'manifest', label: 'Manifest' }] : []),
  ];
  const findingsNote = aggregateOnly ? 'Findings counted by level, kind and rule.' : 'One row per kind of finding, rule, file and column, naming the first rows; the workbook and JSON report list every one.';
  const parts = [
    header,
    contentsHtml(sections, lists.map((l) => l.section)),
    overviewHtml(result, since, !aggregateOnly),
    `<h2 id="charts">Charts</h2><div class="charts">${ruleAndTeamCharts(result).join('\n')}</div>`,
    ...(lists.length ? ['<h2 id="lists">Lists</h2><p class="meta">Each list shows its first rows; "Show all" opens the rest. Click a column heading to sort; type in a filter box to find rows among all of them.</p>', ...lists.map((l) => l.html)] : []),
    `<section class="findings"><h2 id="findings">Findings</h2><p class="meta">${findingsNote}</p>${htmlTable(findings)}</section>`,
    `<h2 id="inputs">Inputs</h2>${htmlTable(inputsTable(result.inputs))}`,
    manifestHtml(result),
  ];
  return htmlPage(`csc-comply check as of ${ukIso(result.asOf)}`, parts.join('\n'));
}
