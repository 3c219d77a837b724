/**
 * The page's own styles, inlined: system fonts only. On screen, a contents bar that stays in
 * view and a first screen that answers "how are we doing". In print (A4 landscape), no
 * controls, tables that wrap their text to the page width, header rows on every page, and a
 * page for each list and each team.
 */
export const PAGE_STYLE = `
:root { --ink: #1b1b1b; --muted: #595959; --line: #d0d0d0; --bar: #1d5a8a; --new: #b3541e; --open: #6b4fa0; --resolved: #2e7d32; --head: #f2f2f2; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); margin: 0 auto; padding: 0 1.25rem 1.5rem; max-width: 1400px; }
h1 { font-size: 1.45rem; margin: 0; }
h2 { font-size: 1.2rem; margin: 1.75rem 0 .5rem; border-bottom: 2px solid var(--ink); }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .2rem; }
.meta, figcaption, output, .muted { color: var(--muted); }
.headline { font-size: 1.05rem; margin: .15rem 0 0; }
header.top { padding-top: .6rem; display: flex; flex-wrap: wrap; align-items: baseline; gap: 0 1.25rem; }
nav.contents { position: sticky; top: 0; z-index: 2; background: #fff; border-bottom: 1px solid var(--line); display: flex; flex-wrap: wrap; gap: .25rem 1.1rem; align-items: baseline; padding: .35rem 0; margin-bottom: .4rem; font-size: .95rem; }
nav.contents a { color: var(--bar); text-decoration: none; font-weight: 600; }
nav.contents a:hover, nav.contents a:focus { text-decoration: underline; }
details.menu { position: relative; }
details.menu summary { cursor: pointer; color: var(--bar); font-weight: 600; }
details.menu > div { position: absolute; background: #fff; border: 1px solid var(--line); box-shadow: 0 4px 12px rgba(0,0,0,.15); padding: .4rem .6rem; max-height: 70vh; overflow-y: auto; width: 32rem; display: flex; flex-direction: column; gap: .15rem; }
details.menu > div a { font-weight: 400; }
:target { scroll-margin-top: 3rem; }
.overview { display: flex; gap: 1.25rem; align-items: flex-start; font-size: 13px; }
.overview h2 { margin-top: .2rem; font-size: 1.05rem; }
.ov-rules { flex: 0 0 660px; min-width: 0; }
.ov-grid { flex: 1 1 auto; min-width: 0; overflow-x: auto; }
table.rules { width: 100%; margin: 0 0 .5rem; }
table.rules th[scope="row"] { font-weight: 400; background: none; white-space: nowrap; max-width: 19rem; overflow: hidden; text-overflow: ellipsis; }
table.rules th, table.rules td { padding: .1rem .35rem; line-height: 1.3; }
table.rules thead th { vertical-align: bottom; }
table.rules a { color: var(--ink); }
.num { text-align: right; }
.sev { display: inline-block; border-radius: 3px; padding: 0 .35rem; font-size: .85em; line-height: 1.35; }
.sev.high { background: #b3261e; color: #fff; }
.sev.medium { background: #f0b429; color: #1b1b1b; }
.sev.low { background: #d9e7f5; color: #1b1b1b; }
.sev.info { background: #eee; color: #444; }
.within { white-space: nowrap; }
.within b { display: inline-block; min-width: 2.6em; font-weight: 400; }
.meter { display: inline-block; width: 40px; height: 8px; background: #e6e6e6; margin-right: .35rem; vertical-align: middle; }
.meter > span { display: block; height: 100%; background: var(--bar); }
.change.up { color: #b3261e; font-weight: 600; }
.change.down { color: var(--resolved); font-weight: 600; }
.overview .charts { gap: .25rem 1rem; flex-wrap: nowrap; }
.overview figcaption { font-size: 13px; }
table.grid { margin: 0; font-size: 12px; line-height: 1.3; }
table.grid th, table.grid td { padding: .05rem .25rem; }
table.grid th[scope="row"] { font-weight: 400; background: none; white-space: nowrap; max-width: 11rem; overflow: hidden; text-overflow: ellipsis; }
table.grid th.rot { vertical-align: bottom; padding: .2rem 0; width: 1.3rem; min-width: 1.3rem; }
table.grid th.rot span { writing-mode: vertical-rl; transform: rotate(180deg); display: block; margin: 0 auto; max-height: 9.5rem; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; font-weight: 600; }
table.grid th.corner { vertical-align: bottom; }
table.grid td.total { font-weight: 600; background: #f7f7f7; }
table.grid tbody tr:nth-child(even) { background: none; }
.s1 { background: #fbe9df; } .s2 { background: #f5c8ae; } .s3 { background: #ec9f75; } .s4 { background: #d8703f; color: #fff; } .s5 { background: #a8481c; color: #fff; }
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
table { border-collapse: collapse; margin: .25rem 0 .5rem; }
th, td { border: 1px solid var(--line); padding: .2rem .45rem; text-align: left; vertical-align: top; }
th { background: var(--head); }
.scroll > table { width: 100%; }
td { overflow-wrap: break-word; }
td.date, td.num { white-space: nowrap; }
.trace { font-size: 11px; color: var(--muted); }
td.trace { overflow-wrap: anywhere; min-width: 5rem; }
th.wide { min-width: 20rem; }
th.names { min-width: 11rem; }
th button { font: inherit; font-weight: 600; background: none; border: 0; padding: 0; cursor: pointer; color: inherit; text-align: left; }
th[aria-sort="ascending"] button::after { content: " \\25B2"; }
th[aria-sort="descending"] button::after { content: " \\25BC"; }
td.num { text-align: right; }
tbody tr:nth-child(even) { background: #fafafa; }
.controls { margin: .2rem 0; }
.controls input { font: inherit; padding: .2rem .4rem; min-width: 18rem; }
.more { margin: 0 0 1rem; color: var(--muted); }
.more button { font: inherit; color: var(--bar); background: none; border: 1px solid var(--bar); border-radius: 3px; padding: .1rem .6rem; cursor: pointer; }
th.write-in { min-width: 12rem; }
@page { size: A4 landscape; margin: 10mm; }
@media print {
  body { padding: 0; max-width: none; font-size: 8.5pt; }
  nav.contents, .controls, .more button, th button::after { display: none; }
  th.wide, th.names { min-width: 0; }
  th.trace { font-size: 6.5pt; }
  .scroll, .ov-grid { overflow: visible; }
  table { width: 100%; }
  .trace { font-size: 7pt; }
  table.grid { width: auto; }
  th, td { padding: 1px 3px; }
  td { overflow-wrap: anywhere; }
  th { overflow-wrap: break-word; hyphens: auto; }
  td.trace { min-width: 0; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  section.team, section.list, section.findings { break-before: page; }
  figure.chart { break-inside: avoid; }
  .overview { display: block; }
  .ov-grid { break-before: page; }
  table.grid th[scope="row"], table.rules th[scope="row"] { max-width: none; white-space: normal; }
  table.grid th.rot span { max-height: 15rem; }
  table.grid td, .sev, .meter, .meter > span, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  th.write-in { min-width: 10em; }
  td.date, td.num { white-space: nowrap; overflow-wrap: normal; }
  tbody td:first-child { white-space: nowrap; overflow-wrap: normal; }
}
`;
