import { AGE_BAND_LABELS } from '../counts.js';
import { ukIso } from '../../engine/format.js';
import type { Trend } from '../trend.js';
import { escapeHtml } from './escape.js';
import { htmlPage } from './page.js';

const short = (iso: string) => ukIso(iso).slice(0, 5);

/** Plot area of a chart, in pixels: its size and the margins for the axis labels. */
interface Frame {
  width: number;
  height: number;
  left: number;
  bottom: number;
  top: number;
  right: number;
}

const SMALL: Frame = { width: 300, height: 130, left: 34, bottom: 20, top: 10, right: 12 };
const WIDE: Frame = { width: 620, height: 210, left: 40, bottom: 24, top: 12, right: 16 };

/** A round maximum for the y axis, at least 1. */
const axisMax = (values: readonly (number | null)[]) => {
  const max = Math.max(1, ...values.filter((v): v is number => v !== null));
  const step = 10 ** Math.floor(Math.log10(max));
  return Math.ceil(max / step) * step;
};

function scale(f: Frame, weeks: number, max: number) {
  const plotW = f.width - f.left - f.right;
  const plotH = f.height - f.top - f.bottom;
  return {
    x: (i: number) => Math.round(f.left + (weeks > 1 ? (plotW * i) / (weeks - 1) : plotW / 2)),
    y: (v: number) => Math.round(f.top + plotH - (plotH * v) / max),
    slot: plotW / Math.max(weeks, 1),
  };
}

/** The axes: zero and the maximum on the y axis, the first and last weeks (and every week when there is room) on the x axis. */
function axes(f: Frame, weeks: readonly string[], max: number, x: (i: number) => number): string {
  const base = f.height - f.bottom;
  const every = f.width >= WIDE.width || weeks.length <= 4;
  const labels = weeks
    .map((w, i) => {
      const anchor = every || weeks.length === 1 ? 'middle' : i === 0 ? 'start' : 'end';
      return every || i === 0 || i === weeks.length - 1 ? `<text x="${x(i)}" y="${base + 14}" text-anchor="${anchor}">${short(w)}</text>` : '';
    })
    .join('');
  return (
    `<line class="axis" x1="${f.left}" y1="${base}" x2="${f.width - f.right}" y2="${base}"/>` +
    `<line class="grid" x1="${f.left}" y1="${f.top}" x2="${f.width - f.right}" y2="${f.top}"/>` +
    `<text x="${f.left - 5}" y="${base + 4}" text-anchor="end">0</text><text x="${f.left - 5}" y="${f.top + 4}" text-anchor="end">${max}</text>${labels}`
  );
}

const svg = (label: string, f: Frame, body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(label)}" viewBox="0 0 ${f.width} ${f.height}" width="${f.width}" height="${f.height}">${body}</svg>`;

interface Series {
  label: string;
  values: readonly (number | null)[];
  tone?: string;
  ruleId?: string;
}

/** One line per series over the weeks (a gap where a week has no value), a dot per week with its value, and dashed marks at the given weeks. */
function lineChart(f: Frame, weeks: readonly string[], series: readonly Series[], marks: readonly { week: number; note: string }[] = []): string {
  const max = axisMax(series.flatMap((s) => s.values));
  const { x, y } = scale(f, weeks.length, max);
  const lines = series.map((s) => {
    const points = s.values.flatMap((v, i) => (v === null ? [] : [`${x(i)},${y(v)}`]));
    const dots = s.values
      .map((v, i) => (v === null ? '' : `<circle cx="${x(i)}" cy="${y(v)}" r="2.5"><title>${escapeHtml(`${s.label}, ${ukIso(weeks[i]!)}: ${v}`)}</title></circle>`))
      .join('');
    const rule = s.ruleId ? ` data-rule="${escapeHtml(s.ruleId)}"` : '';
    return `<g class="series ${s.tone ?? ''}"><polyline class="line"${rule} points="${points.join(' ')}"/>${dots}</g>`;
  });
  const marked = marks
    .map((m) => `<g class="changed"><title>${escapeHtml(m.note)}</title><line x1="${x(m.week)}" y1="${f.top}" x2="${x(m.week)}" y2="${f.height - f.bottom}"/><text x="${x(m.week) + 3}" y="${f.top + 9}">changed</text></g>`)
    .join('');
  return svg(series.map((s) => s.label).join(', '), f, `${axes(f, weeks, max, x)}${marked}${lines.join('')}`);
}

/** Bars per week, side by side (stacked when `stacked`), one colour per series. */
function weekBars(f: Frame, weeks: readonly string[], series: readonly Series[], stacked: boolean): string {
  const totals = weeks.map((_, i) => (stacked ? series.reduce((n, s) => n + (s.values[i] ?? 0), 0) : Math.max(0, ...series.map((s) => s.values[i] ?? 0))));
  const max = axisMax(totals);
  const plotW = f.width - f.left - f.right;
  const slot = plotW / Math.max(weeks.length, 1);
  const centre = (i: number) => Math.round(f.left + slot * (i + 0.5));
  const { y } = scale(f, weeks.length, max);
  const barW = Math.max(4, Math.floor((slot * 0.7) / (stacked ? 1 : series.length)));
  const bars = weeks.map((w, i) => {
    let top = f.height - f.bottom;
    return series
      .map((s, k) => {
        const v = s.values[i];
        if (v === null || v === undefined) return '';
        const h = f.height - f.bottom - y(v);
        const left = stacked ? centre(i) - barW / 2 : centre(i) - (barW * series.length) / 2 + k * barW;
        top -= stacked ? h : 0;
        const yTop = stacked ? top : y(v);
        return `<rect class="${s.tone ?? ''}" x="${left}" y="${yTop}" width="${barW - 1}" height="${h}"><title>${escapeHtml(`${s.label}, ${ukIso(w)}: ${v}`)}</title></rect>`;
      })
      .join('');
  });
  const base = f.height - f.bottom;
  const labels = weeks.map((w, i) => `<text x="${centre(i)}" y="${base + 14}" text-anchor="middle">${short(w)}</text>`).join('');
  const axis = `<line class="axis" x1="${f.left}" y1="${base}" x2="${f.width - f.right}" y2="${base}"/><text x="${f.left - 5}" y="${base + 4}" text-anchor="end">0</text><text x="${f.left - 5}" y="${f.top + 4}" text-anchor="end">${max}</text>${labels}`;
  return svg(series.map((s) => s.label).join(', '), f, `${axis}${bars.join('')}`);
}

const legend = (series: readonly Series[]) => `<p class="legend">${series.map((s) => `<span class="key ${s.tone ?? ''}"></span>${escapeHtml(s.label)}`).join(' ')}</p>`;

const TREND_STYLE = `
.multiples { display: grid; grid-template-columns: repeat(auto-fill, minmax(310px, 1fr)); gap: .75rem 1rem; }
.multiples figure { margin: 0; border: 1px solid var(--line); padding: .35rem .5rem; break-inside: avoid; }
.multiples figcaption { font-size: 13px; min-height: 2.6em; }
.multiples figcaption b { float: right; font-size: 15px; color: var(--ink); margin-left: .5rem; }
svg .axis { stroke: #888; } svg .grid { stroke: #e4e4e4; }
svg .line { fill: none; stroke: var(--bar); stroke-width: 2; }
svg .series circle { fill: var(--bar); }
svg .series.new .line { stroke: var(--new); } svg .series.new circle { fill: var(--new); }
svg .changed line { stroke: #b3261e; stroke-dasharray: 3 3; } svg .changed text { fill: #b3261e; font-size: 10px; }
svg rect.new, .key.new { fill: var(--new); background: var(--new); }
svg rect.resolved, .key.resolved { fill: var(--resolved); background: var(--resolved); }
${AGE_BAND_LABELS.map((_, i) => `svg rect.band${i}, .key.band${i} { fill: hsl(205, 60%, ${82 - i * 11}%); background: hsl(205, 60%, ${82 - i * 11}%); }`).join('\n')}
.key { display: inline-block; width: .8em; height: .8em; margin: 0 .3em 0 .8em; vertical-align: middle; }
.pair { display: flex; flex-wrap: wrap; gap: 1rem 2rem; }
.pair figure { margin: 0; }
@media print { .pair, .multiples { break-inside: auto; } }
`;

const sign = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `\u2212${-n}` : '0');

/**
 * The trend over the weekly reports as one self-contained page (inline SVG, nothing fetched): open
 * exceptions per rule week by week, with the weeks its definition changed marked; new against
 * resolved; median weeks open; drift cases by age band.
 */
export function trendHtml(trend: Trend): string {
  const { weeks } = trend;
  const first = weeks[0]!;
  const last = weeks.at(-1)!;
  const byLatest = [...trend.rules].filter((r) => r.open.some((v) => v !== null)).sort((a, b) => (b.open.at(-1) ?? -1) - (a.open.at(-1) ?? -1) || (a.title < b.title ? -1 : 1));
  const multiples = byLatest.map((r) => {
    const values = r.open.filter((v): v is number => v !== null);
    const change = values.length > 1 ? ` <span class="meta">(${sign(values.at(-1)! - values[0]!)} since ${short(first)})</span>` : '';
    const marks = r.changedAt.map((c) => ({ week: c.week, note: `Rule definition changed on ${ukIso(weeks[c.week]!)}: SHA-256 ${c.from.slice(0, 12)}… to ${c.to.slice(0, 12)}…` }));
    return `<figure id="rule-${escapeHtml(r.ruleId)}"><figcaption><b>${values.at(-1) ?? ''}</b>${escapeHtml(r.title)}${change}</figcaption>${lineChart(SMALL, weeks, [{ label: r.title, values: r.open, ruleId: r.ruleId }], marks)}</figure>`;
  });
  const openNow = byLatest.reduce((n, r) => n + (r.open.at(-1) ?? 0), 0);
  const openThen = byLatest.reduce((n, r) => n + (r.open[0] ?? 0), 0);
  const flows: Series[] = [{ label: 'New', values: trend.fresh, tone: 'new' }, { label: 'Resolved', values: trend.resolved, tone: 'resolved' }];
  const bands: Series[] = AGE_BAND_LABELS.map((label, i) => ({ label, values: trend.driftBands.map((b) => (b ? b[i]! : null)), tone: `band${i}` }));
  const changes = trend.rules.flatMap((r) => r.changedAt.map((c) => `<li>${ukIso(weeks[c.week]!)}: ${escapeHtml(r.title)} (${escapeHtml(r.ruleId)})</li>`));
  const body = [
    `<header class="top"><h1>Compliance trend, ${ukIso(first)} to ${ukIso(last)}</h1><p class="headline"><strong>${openNow}</strong> open exception(s) on ${ukIso(last)} against ${openThen} on ${ukIso(first)} (${sign(openNow - openThen)}), over ${weeks.length} weekly report(s).</p></header>`,
    '<nav class="contents" aria-label="Contents"><a href="#rules">Open by rule</a><a href="#flow">New and resolved</a><a href="#age">Weeks open</a><a href="#drift">Drift ages</a><a href="#changes">Rule changes</a></nav>',
    `<h2 id="rules">Open exceptions per rule, week by week</h2><p class="meta">Largest first. A dashed red line marks a week when the rule's definition changed (its SHA-256 in the run manifest), so a step there may be the rule, not the practice.</p><div class="multiples">${multiples.join('')}</div>`,
    '<div class="pair">',
    `<figure id="flow"><h2>New and resolved each week</h2>${legend(flows)}${weekBars(WIDE, weeks, flows, false)}</figure>`,
    `<figure id="age"><h2>Median weeks open</h2><p class="meta">Of the exceptions open each week, counted from the week each was first seen.</p>${lineChart(WIDE, weeks, [{ label: 'Median weeks open', values: trend.medianWeeksOpen, tone: 'new' }])}</figure>`,
    `<figure id="drift"><h2>Drift cases by time past their review point</h2>${legend(bands)}${weekBars(WIDE, weeks, bands, true)}</figure>`,
    '</div>',
    `<h2 id="changes">Rule changes</h2>${changes.length ? `<ul>${changes.join('')}</ul>` : '<p>No rule changed its definition over these weeks.</p>'}`,
  ];
  return htmlPage(`csc-comply trend ${ukIso(first)} to ${ukIso(last)}`, body.join('\n'), TREND_STYLE);
}
