import type { CheckResult } from '../../engine/run-check.js';
import { driftAges, percentWithin, ruleLines, teamGrid, totalStatus, type RuleLine } from '../counts.js';
import { barChart } from './bar-chart.js';
import { escapeHtml } from './escape.js';
import { ukIso } from '../../engine/format.js';
import { isDriftRule } from '../../rules/rule.js';

/** The anchor of a rule's list on the page. */
export const listAnchor = (ruleId: string): string => `list-${ruleId.replace(/[^A-Za-z0-9]+/g, '-')}`;

/** Shades of the team grid: a count's share of the largest count, in five steps. */
const SHADES = 5;
const shade = (n: number, max: number) => (n ? ` s${Math.max(1, Math.ceil((SHADES * n) / max))}` : '');

function withinCell(l: RuleLine): string {
  if (!l.rule.ran) return '<td class="num muted">not run</td>';
  const pct = percentWithin(l.rule.counts.passed, l.rule.counts.checked, 0);
  if (pct === null) return '<td class="num muted">nothing to check</td>';
  const of = `${l.rule.counts.passed} of ${l.rule.counts.checked} within timescale`;
  return `<td class="num within" data-v="${pct}" title="${of}"><span class="meter"><span style="width:${pct}%"></span></span><b>${pct}%</b></td>`;
}

function changeCell(l: RuleLine): string {
  if (l.change === undefined) return '';
  const sign = l.change > 0 ? `+${l.change}` : l.change < 0 ? `\u2212${-l.change}` : '0';
  const tone = l.change > 0 ? ' up' : l.change < 0 ? ' down' : '';
  return `<td class="num change${tone}" data-v="${l.change}" title="${l.status.new} new, ${l.status.resolved} resolved">${sign}</td>`;
}

/** Each rule by title (a link to its list when the page has lists): severity, exceptions, % within timescale and, with a baseline, the change since. */
function rulesHtml(result: CheckResult, since: string | undefined, linked: boolean): string {
  const rows = ruleLines(result).map((l) => {
    const title = linked && l.status.exceptions ? `<a href="#${listAnchor(l.rule.ruleId)}">${escapeHtml(l.rule.title)}</a>` : escapeHtml(l.rule.title);
    return (
      `<tr><th scope="row" title="${escapeHtml(`${l.rule.title} (${l.rule.ruleId})`)}">${title}</th><td><span class="sev ${l.rule.severity}">${l.rule.severity}</span></td>` +
      `<td class="num" data-v="${l.status.exceptions}">${l.status.exceptions}</td>${withinCell(l)}${changeCell(l)}</tr>`
    );
  });
  const sinceHead = since ? `<th scope="col" class="num" title="Exceptions now less exceptions on ${since}">Change since ${since.slice(0, 5)}</th>` : '';
  return (
    '<table class="rules" id="t-overview"><thead><tr><th scope="col">Rule</th><th scope="col">Severity</th><th scope="col" class="num">Exceptions</th>' +
    `<th scope="col" class="num">Within timescale</th>${sinceHead}</tr></thead><tbody>${rows.join('')}</tbody></table>`
  );
}

/** The team × rule grid: a row per team (most exceptions first), a column per rule by title, each cell shaded by its count. */
export function teamGridHtml(result: CheckResult): string {
  const grid = teamGrid(result);
  if (!grid.rows.length) return '<p>No exceptions.</p>';
  const max = Math.max(1, ...grid.rows.flatMap((r) => r.counts));
  const heads = grid.rules.map((r) => `<th scope="col" class="rot" title="${escapeHtml(r.title)}"><span>${escapeHtml(r.title)}</span></th>`).join('');
  const rows = grid.rows.map((row) => {
    const cells = row.counts.map((n, i) => `<td class="num${shade(n, max)}" title="${escapeHtml(`${row.team}: ${grid.rules[i]!.title}: ${n}`)}">${n || ''}</td>`).join('');
    return `<tr><th scope="row">${escapeHtml(row.team)}</th><td class="num total">${row.total}</td>${cells}</tr>`;
  });
  return `<table class="grid" id="t-team-grid"><thead><tr><th scope="col" class="corner">Team or service</th><th scope="col" class="rot"><span>All rules</span></th>${heads}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/**
 * The charts of the week: new, still open and resolved since the baseline (when there is one),
 * and how long the drift cases have been past their review point (when a drift rule ran).
 * `compact` for the overview, the drift chart then with a shorter caption.
 */
export function statusAndDriftCharts(result: CheckResult, options: { compact?: boolean } = {}): string[] {
  const charts: string[] = [];
  if (result.baseline) {
    const total = totalStatus(result);
    charts.push(barChart(`Since ${ukIso(result.baseline.asOf)}`, [
      { label: 'New', value: total.new, tone: 'new' },
      { label: 'Still open', value: total.open, tone: 'open' },
      { label: 'Resolved', value: total.resolved, tone: 'resolved' },
    ], options));
  }
  if (result.rules.some((r) => isDriftRule(r) && r.ran)) {
    const title = options.compact ? 'Drift: time since the review point' : 'Drift cases: time since they passed their review point';
    charts.push(barChart(title, driftAges(result).map(([label, value]) => ({ label, value })), options));
  }
  return charts;
}

/**
 * The first screen: how are we doing. Each rule by title with its exceptions, % within timescale
 * and change since the baseline; the drift ages; the team × rule grid beside them. `linked`:
 * each rule's title links to its list further down the page.
 */
export function overviewHtml(result: CheckResult, since: string | undefined, linked = true): string {
  return (
    '<section id="overview" class="overview">' +
    `<div class="ov-rules"><h2>Rules</h2>${rulesHtml(result, since, linked)}<div class="charts" id="drift">${statusAndDriftCharts(result, { compact: true }).join('')}</div></div>` +
    `<div class="ov-grid" id="teams"><h2>Exceptions by team and rule</h2>${teamGridHtml(result)}</div>` +
    '</section>'
  );
}
