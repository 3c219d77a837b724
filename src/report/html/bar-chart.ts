import { escapeHtml } from './escape.js';

export interface Bar {
  label: string;
  value: number;
  /** A CSS class for the bar's colour (e.g. new, open, resolved). */
  tone?: string;
}

/** Sizes of a chart: its label column, bar area and row height, in pixels. */
const NORMAL = { label: 250, area: 280, row: 24, maxLabel: 38 };
const COMPACT = { label: 110, area: 125, row: 19, maxLabel: 18 };

/** A horizontal bar chart as inline SVG: one row per bar, its value at the end of the bar. `compact` for the overview. */
export function barChart(title: string, bars: readonly Bar[], options: { compact?: boolean } = {}): string {
  if (!bars.length) return `<figure class="chart"><figcaption>${escapeHtml(title)}</figcaption><p>Nothing to show.</p></figure>`;
  const size = options.compact ? COMPACT : NORMAL;
  const short = (label: string) => (label.length > size.maxLabel ? `${label.slice(0, size.maxLabel - 1)}…` : label);
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = bars.length * size.row + 8;
  const width = size.label + size.area + 50;
  const rows = bars.map((b, i) => {
    const y = i * size.row + 4;
    const length = Math.round((size.area * b.value) / max);
    const text = y + size.row - 9;
    return (
      `<g class="bar ${b.tone ?? ''}"><title>${escapeHtml(`${b.label}: ${b.value}`)}</title>` +
      `<text x="${size.label - 8}" y="${text}" text-anchor="end">${escapeHtml(short(b.label))}</text>` +
      `<rect x="${size.label}" y="${y + 2}" width="${length}" height="${size.row - 6}"/>` +
      `<text x="${size.label + length + 6}" y="${text}">${b.value}</text></g>`
    );
  });
  return (
    `<figure class="chart"><figcaption>${escapeHtml(title)}</figcaption>` +
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">` +
    `${rows.join('')}</svg></figure>`
  );
}
