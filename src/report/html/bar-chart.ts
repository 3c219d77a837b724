import { escapeHtml } from './escape.js';

export interface Bar {
  label: string;
  value: number;
  /** A CSS class for the bar's colour (e.g. new, open, resolved). */
  tone?: string;
}

const LABEL_WIDTH = 250;
const BAR_AREA = 280;
const ROW = 24;
const MAX_LABEL = 38;

const short = (label: string) => (label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label);

/** A horizontal bar chart as inline SVG: one row per bar, its value at the end of the bar. */
export function barChart(title: string, bars: readonly Bar[]): string {
  if (!bars.length) return `<figure class="chart"><figcaption>${escapeHtml(title)}</figcaption><p>Nothing to show.</p></figure>`;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = bars.length * ROW + 8;
  const rows = bars.map((b, i) => {
    const y = i * ROW + 4;
    const width = Math.round((BAR_AREA * b.value) / max);
    return (
      `<g class="bar ${b.tone ?? ''}"><title>${escapeHtml(`${b.label}: ${b.value}`)}</title>` +
      `<text x="${LABEL_WIDTH - 8}" y="${y + 15}" text-anchor="end">${escapeHtml(short(b.label))}</text>` +
      `<rect x="${LABEL_WIDTH}" y="${y + 2}" width="${width}" height="${ROW - 6}"/>` +
      `<text x="${LABEL_WIDTH + width + 6}" y="${y + 15}">${b.value}</text></g>`
    );
  });
  return (
    `<figure class="chart"><figcaption>${escapeHtml(title)}</figcaption>` +
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${LABEL_WIDTH + BAR_AREA + 50} ${height}" width="${LABEL_WIDTH + BAR_AREA + 50}" height="${height}">` +
    `${rows.join('')}</svg></figure>`
  );
}
