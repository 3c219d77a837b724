/** The page's own styles, inlined: system fonts only, and print rules (no controls, a page per team). */
export const PAGE_STYLE = `
:root { --ink: #1b1b1b; --muted: #595959; --line: #d0d0d0; --bar: #1d5a8a; --new: #b3541e; --open: #6b4fa0; --resolved: #2e7d32; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); margin: 0 auto; padding: 1.5rem; max-width: 1400px; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; border-bottom: 2px solid var(--ink); }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .4rem; }
.meta, figcaption, output { color: var(--muted); }
.headline { font-size: 1.1rem; margin: .25rem 0; }
.not-checked { font-size: 1.2rem; font-weight: 700; color: #fff; background: #a4262c; border: 3px solid #a4262c; padding: .6rem .8rem; margin: .75rem 0; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.charts { display: flex; flex-wrap: wrap; gap: 1rem 2rem; }
figure.chart { margin: 0; }
figcaption { font-weight: 600; margin-bottom: .25rem; }
svg text { font: 12px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: var(--ink); }
.bar rect { fill: var(--bar); }
.bar.new rect { fill: var(--new); }
.bar.open rect { fill: var(--open); }
.bar.resolved rect { fill: var(--resolved); }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; margin: .25rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .2rem .45rem; text-align: left; vertical-align: top; }
th { background: #f2f2f2; position: sticky; top: 0; }
th button { font: inherit; font-weight: 600; background: none; border: 0; padding: 0; cursor: pointer; color: inherit; text-align: left; }
th[aria-sort="ascending"] button::after { content: " \\25B2"; }
th[aria-sort="descending"] button::after { content: " \\25BC"; }
td.num { text-align: right; }
tbody tr:nth-child(even) { background: #fafafa; }
.controls input { font: inherit; padding: .2rem .4rem; min-width: 18rem; }
@media print {
  body { padding: 0; max-width: none; font-size: 10pt; }
  .controls, th button::after { display: none; }
  th { position: static; }
  .scroll { overflow: visible; }
  tr { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  section.team { break-before: page; }
  figure.chart { break-inside: avoid; }
}
`;
