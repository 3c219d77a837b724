// The HTML pages (the check, the drift list) and their parts as a reader meets them: tables with
// sortable headers and filters, bar charts, the overview of rules and the team grid, headings.
import { describe, expect, it } from 'vitest';
import { barChart } from '../../src/report/html/bar-chart.js';
import { pageHtml } from '../../src/browser/shell.js';
import { driftAges } from '../../src/report/counts.js';
import { chartsHtml, checkHtml, headingHtml, LIST_PREVIEW } from '../../src/report/html/check-html.js';
import { driftHtml } from '../../src/report/html/drift-html.js';
import { escapeHtml } from '../../src/report/html/escape.js';
import { listAnchor, overviewHtml, statusAndDriftCharts, teamGridHtml } from '../../src/report/html/overview-html.js';
import { htmlPage } from '../../src/report/html/page.js';
import { htmlTable, tableId } from '../../src/report/html/table.js';
import type { OutTable } from '../../src/report/tabular.js';
import { checkResult, DRIFT, EXCEPTIONS, exception, rule, VISITS, weeklyResult } from './check-result.js';

/** The numbers of one attribute across an SVG, in document order. */
const attr = (svg: string, name: string) => [...svg.matchAll(new RegExp(` ${name}="(-?[\\d.]+)"`, 'g'))].map((m) => Number(m[1]));

describe('escaping', () => {
  it('each of & < > " and \' becomes its entity; other text stays', () => {
    expect(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;');
    expect(escapeHtml('plain £ text')).toBe('plain £ text');
  });

  it('a page: its title escaped, a policy that loads nothing, styles and script inline', () => {
    const page = htmlPage('A <b> & B', '<p>body</p>');
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n')).toBe(true);
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'">`);
    expect(page).toContain('<title>A &lt;b&gt; &amp; B</title>');
    expect(page).toContain('\n<body>\n<p>body</p>\n<script>');
    expect(page).toMatch(/<style>[^]*\.sev\.high[^]*<\/style>/);
    expect(page).toMatch(/<script>[^]*addEventListener[^]*<\/script>\n<\/body>\n<\/html>\n$/);
    expect(htmlPage('t', '', 'p.extra { color: red; }')).toContain('p.extra { color: red; }</style>');
  });

  it('one policy for every page: the browser page allows what a report does and a worker from a blob: URL, nothing more', () => {
    const policy = (html: string) => /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)![1]!;
    const report = policy(htmlPage('t', ''));
    const page = policy(pageHtml(''));
    expect(page).toBe("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; worker-src blob:; img-src data:; form-action 'none'; base-uri 'none'");
    expect(page.split('; ').filter((d) => d !== 'worker-src blob:')).toEqual(report.split('; '));
  });
});

const TABLE: OutTable = {
  name: "Children's visits",
  columns: [
    { header: 'Subject', kind: 'text', width: 16 },
    { header: 'Due Date', kind: 'date', width: 12 },
    { header: 'Days', kind: 'number' },
    { header: 'Team <b>', kind: 'text', width: 30 },
    { header: 'Message', kind: 'text', width: 48 },
    { header: 'Row', kind: 'number', trace: true },
    { header: 'Outcome', kind: 'text', width: 60, writeIn: true },
  ],
  rows: [
    ['C1', '2017-01-04', 14, 'North & <South>', 'Visit "due"', 4, null],
    ['C2', 'not a date', -2, null, null, null, null],
    ['C3', null, 0, 'West', 'ok', 8, null],
  ],
};

describe('an HTML table', () => {
  it('headers sort by kind; wide prose, names, trace and write-in columns marked; every cell escaped', () => {
    const html = htmlTable(TABLE);
    expect(html).toContain(
      '<thead><tr><th data-kind="text" scope="col"><button type="button">Subject</button></th>' +
        '<th data-kind="date" scope="col"><button type="button">Due Date</button></th>' +
        '<th data-kind="number" scope="col"><button type="button">Days</button></th>' +
        '<th data-kind="text" scope="col" class="names"><button type="button">Team &lt;b&gt;</button></th>' +
        '<th data-kind="text" scope="col" class="wide"><button type="button">Message</button></th>' +
        '<th data-kind="number" scope="col" class="trace"><button type="button">Row</button></th>' +
        '<th data-kind="text" scope="col" class="write-in"><button type="button">Outcome</button></th></tr></thead>',
    );
    expect(html).toContain('<tr><td>C1</td><td data-v="2017-01-04" class="date">04/01/2017</td><td data-v="14" class="num">14</td><td>North &amp; &lt;South&gt;</td><td>Visit &quot;due&quot;</td><td data-v="4" class="num trace">4</td><td></td></tr>');
    expect(html).toContain('<tr><td>C2</td><td>not a date</td><td data-v="-2" class="num">-2</td><td></td><td></td><td class="trace"></td><td></td></tr>');
    expect(html).toMatch(/^<div class="scroll"><table class="sortable" id="t-children-s-visits"><thead>/);
    expect(html).toContain('</tbody></table></div>');
    expect(html).not.toContain('hidden');
    expect(html).not.toContain('Filter');
  });

  it('a filter box over every row; a long list shows its first rows and says how many more', () => {
    const html = htmlTable(TABLE, { id: 't-x', filterable: true, limit: 2 });
    expect(html).toMatch(/^<p class="controls"><label>Filter <input type="search" data-filter="t-x" placeholder="type to filter rows"><\/label> <output data-count="t-x">3 of 3 rows<\/output><\/p>/);
    expect(html).toContain('<table class="sortable" id="t-x" data-limit="2">');
    expect(html.match(/<tr[^>]*>/g)).toEqual(['<tr>', '<tr>', '<tr>', '<tr hidden>']);
    expect(html).toMatch(/<p class="more" data-more="t-x"><span>The first 2 of 3 rows are shown \(show all to see or print the rest; the workbook lists every one\)\.<\/span> <button type="button" data-show-all="t-x">Show all 3 rows<\/button><\/p>$/);
    const fits = htmlTable(TABLE, { limit: 3 });
    expect(fits).not.toContain('hidden');
    expect(fits).not.toContain('data-limit');
    expect(fits).not.toContain('Show all');
  });

  it('ids from names: letters and digits, dashes between, lower case', () => {
    expect(tableId(' Team: North / CIN 1! ')).toBe('t-team-north-cin-1');
    expect(listAnchor('cin.visits/2 x')).toBe('list-cin-visits-2-x');
  });
});

describe('a bar chart', () => {
  it('says there is nothing to show when there are no bars', () => {
    expect(barChart('Exceptions <by> rule', [])).toBe('<figure class="chart"><figcaption>Exceptions &lt;by&gt; rule</figcaption><p>Nothing to show.</p></figure>');
  });

  it('one row per bar, lengths in proportion to the largest, each value at the end of its bar, labels to the left', () => {
    const svg = barChart('By team', [{ label: 'North & co', value: 40, tone: 'new' }, { label: 'South', value: 10 }, { label: 'West', value: 0 }]);
    expect(svg).toContain('<figcaption>By team</figcaption>');
    expect(svg).toContain('aria-label="By team"');
    expect(svg).toContain('<g class="bar new"><title>North &amp; co: 40</title>');
    expect(svg).toContain('<g class="bar "><title>South: 10</title>');
    const [width, height] = [attr(svg, 'width')[0]!, attr(svg, 'height')[0]!];
    expect(svg).toContain(`viewBox="0 0 ${width} ${height}"`);
    const bars = [...svg.matchAll(/<rect x="(\d+)" y="(\d+)" width="(\d+)" height="(\d+)"\/>/g)].map((m) => m.slice(1).map(Number));
    expect(bars.map(([, , w]) => w)).toEqual([bars[0]![2], bars[0]![2]! / 4, 0]);
    const texts = [...svg.matchAll(/<text x="(\d+)" y="(\d+)"( text-anchor="end")?>([^<]*)<\/text>/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), end: Boolean(m[3]), text: m[4] }));
    expect(texts.map((t) => t.text)).toEqual(['North &amp; co', '40', 'South', '10', 'West', '0']);
    bars.forEach(([x, y, w, h], i) => {
      const [label, value] = [texts[2 * i]!, texts[2 * i + 1]!];
      expect(label.end && label.x < x!).toBe(true);
      expect(value.x).toBeGreaterThan(x! + w!);
      expect(value.x).toBeLessThan(width);
      for (const t of [label, value]) expect(t.y > y! && t.y <= y! + h! + 4).toBe(true);
      if (i) expect(y).toBeGreaterThanOrEqual(bars[i - 1]![1]! + bars[i - 1]![3]!);
      expect(y! + h!).toBeLessThanOrEqual(height);
    });
  });

  it('long labels cut with an ellipsis, shorter in the compact chart', () => {
    const label = 'A very long name of a team in the north of the county';
    const normal = barChart('t', [{ label, value: 1 }]);
    const compact = barChart('t', [{ label, value: 1 }], { compact: true });
    expect(normal).toContain(`>${label.slice(0, 37)}…</text>`);
    expect(compact).toContain(`>${label.slice(0, 17)}…</text>`);
    expect(compact).toContain(`<title>${label}: 1</title>`);
    expect(attr(compact, 'width')[0]).toBeLessThan(attr(normal, 'width')[0]!);
    expect(barChart('t', [{ label: 'x'.repeat(38), value: 1 }])).toContain(`>${'x'.repeat(38)}</text>`);
  });
});

describe('the overview of rules and the team grid', () => {
  it('each rule: its title (a link to its list when it has exceptions), severity, exceptions, % within timescale', () => {
    const html = overviewHtml(checkResult(), undefined);
    expect(html).toContain('<tr><th scope="row" title="CIN visits every 20 working days (cin.visits)"><a href="#list-cin-visits">CIN visits every 20 working days</a></th><td><span class="sev high">high</span></td><td class="num" data-v="2">2</td>');
    expect(html).toContain('<td class="num within" data-v="67" title="6 of 9 within timescale"><span class="meter"><span style="width:67%"></span></span><b>67%</b></td></tr>');
    expect(html).toContain('<th scope="row" title="Regulation 44 visits (homes.reg44)">Regulation 44 visits</th><td><span class="sev low">low</span></td><td class="num" data-v="0">0</td><td class="num muted">not run</td></tr>');
    expect(html).not.toContain('Change since');
    const unlinked = overviewHtml(checkResult(), undefined, false);
    expect(unlinked).not.toContain('<a href');
    const nothing = overviewHtml(checkResult({ rules: [rule('x')], exceptions: [] }), undefined);
    expect(nothing).toContain('<td class="num muted">nothing to check</td>');
    expect(nothing).toContain('<p>No exceptions.</p>');
  });

  it('against a baseline: the change since, signed, and new against resolved charted', () => {
    const week = weeklyResult();
    const html = overviewHtml({ ...week, baseline: { ...week.baseline!, resolved: [...week.baseline!.resolved, exception('cin.visits', 'C8', { status: 'resolved' })] } }, '11/01/2017');
    expect(html).toContain('<th scope="col" class="num" title="Exceptions now less exceptions on 11/01/2017">Change since 11/01</th>');
    expect(html).toContain('<td class="num change down" data-v="-1" title="1 new, 2 resolved">\u22121</td>');
    expect(html).toContain('<td class="num change up" data-v="2" title="2 new, 0 resolved">+2</td>');
    expect(html).toContain('<td class="num change" data-v="0" title="0 new, 0 resolved">0</td>');
    expect(html).toContain('<figcaption>Since 11/01/2017</figcaption>');
    expect(html).toContain('<title>New: 3</title>');
    expect(html).toContain('<title>Still open: 2</title>');
    expect(html).toContain('<title>Resolved: 2</title>');
    expect(html).toContain('<figcaption>Drift: time since the review point</figcaption>');
    expect(html).toContain('<title>6 to 12 months: 1</title>');
  });

  it('no drift chart when no drift rule ran', () => {
    expect(overviewHtml(checkResult({ rules: [VISITS, { ...DRIFT, ran: false }] }), undefined)).not.toContain('review point');
  });

  it('the team grid: a row per team, most first, each count shaded by its share of the largest', () => {
    const many = [...Array(5)].map((_, i) => exception('cin.visits', `N${i}`, { team: 'North' }));
    const html = teamGridHtml(checkResult({ exceptions: [...many, exception('cin.drift', 'S1', { team: 'South' }), exception('cin.visits', 'S2', { team: 'South' }), exception('cin.visits', 'S3', { team: 'South' })] }));
    expect(html).toContain('<th scope="col" class="rot" title="CIN visits every 20 working days"><span>CIN visits every 20 working days</span></th>');
    expect(html).toContain('<tr><th scope="row">North</th><td class="num total">5</td><td class="num s5" title="North: CIN visits every 20 working days: 5">5</td><td class="num" title="North: CIN open over 6 months: 0"></td></tr>');
    expect(html).toContain('<tr><th scope="row">South</th><td class="num total">3</td><td class="num s2" title="South: CIN visits every 20 working days: 2">2</td><td class="num s1" title="South: CIN open over 6 months: 1">1</td></tr>');
    expect(html.indexOf('North')).toBeLessThan(html.indexOf('South'));
  });
});

describe('the charts of the week: new, still open and resolved, and the drift ages', () => {
  const week = weeklyResult();
  const captions = (charts: readonly string[]) => charts.map((c) => /<figcaption>([^<]*)<\/figcaption>/.exec(c)![1]);
  const bars = (chart: string) => [...chart.matchAll(/<g class="bar ([a-z]*)"><title>([^<]*)<\/title>/g)].map((m) => `${m[1]} ${m[2]}`);

  it('against a baseline with a drift rule run: both charts, the same bars full size and compact, the compact drift chart with a shorter caption', () => {
    const full = statusAndDriftCharts(week);
    const compact = statusAndDriftCharts(week, { compact: true });
    expect(captions(full)).toEqual(['Since 11/01/2017', 'Drift cases: time since they passed their review point']);
    expect(captions(compact)).toEqual(['Since 11/01/2017', 'Drift: time since the review point']);
    expect(bars(full[0]!)).toEqual(['new New: 3', 'open Still open: 2', 'resolved Resolved: 1']);
    expect(bars(full[1]!)).toEqual(driftAges(week).map(([label, n]) => ` ${label}: ${n}`));
    expect(compact.map(bars)).toEqual(full.map(bars));
    full.forEach((chart, i) => expect(attr(compact[i]!, 'width')[0]).toBeLessThan(attr(chart, 'width')[0]!));
  });

  it('no status chart without a baseline, no drift chart when no drift rule ran', () => {
    expect(captions(statusAndDriftCharts(checkResult()))).toEqual(['Drift cases: time since they passed their review point']);
    expect(statusAndDriftCharts({ ...week, rules: [VISITS, { ...DRIFT, ran: false }] })).toEqual([statusAndDriftCharts(week)[0]]);
    expect(statusAndDriftCharts(checkResult({ rules: [VISITS] }), { compact: true })).toEqual([]);
  });

  it('the overview draws them compact beside its rules; the drift page full size before its other charts', () => {
    expect(overviewHtml(week, '11/01/2017')).toContain(`<div class="charts" id="drift">${statusAndDriftCharts(week, { compact: true }).join('')}</div></div>`);
    expect(chartsHtml(week).startsWith(`<div class="charts">${statusAndDriftCharts(week).join('\n')}\n<figure class="chart"><figcaption>Exceptions by rule</figcaption>`)).toBe(true);
  });
});

describe('the check page', () => {
  it('the headline, contents, every list with its note, the findings grouped, the inputs and the manifest', () => {
    const html = checkHtml(checkResult());
    expect(html).toContain('<title>csc-comply check as of 18/01/2017</title>');
    expect(html).toContain('<header class="top"><h1>Compliance check as of 18/01/2017</h1><p class="headline"><strong>5</strong> exception(s) from 2 of 3 rules.</p></header>');
    expect(html).toContain(
      '<nav class="contents" aria-label="Contents"><a href="#overview">Overview</a><a href="#teams">Teams</a><a href="#charts">Charts</a><a href="#lists">Lists</a><a href="#findings">Findings (4)</a><a href="#inputs">Inputs</a><a href="#manifest">Manifest</a>' +
        '<details class="menu"><summary>Lists (2)</summary><div><a href="#list-cin-visits">CIN visits every 20 working days (2)</a><a href="#list-cin-drift">CIN open over 6 months (3)</a></div></details></nav>',
    );
    expect(html).toContain('<section class="list" id="list-cin-visits"><h3>CIN visits every 20 working days (2)</h3><p class="meta">high severity; 67% of the 9 checked were within timescale. What cin.visits checks.</p><p class="controls"><label>Filter <input type="search" data-filter="t-cin-visits"');
    expect(html).toContain('<section class="list" id="list-cin-drift"><h3>CIN open over 6 months (3)</h3><p class="meta">medium severity; 20% of the 5 checked were within timescale. What cin.drift checks.</p>');
    expect(html).toContain('<td data-v="14" class="num">14</td>');
    expect(html).toContain('<h2 id="charts">Charts</h2><div class="charts"><figure class="chart"><figcaption>Exceptions by rule</figcaption>');
    expect(html).toContain('<title>CIN open over 6 months: 3</title>');
    expect(html.indexOf('<title>CIN open over 6 months: 3</title>')).toBeLessThan(html.indexOf('<title>CIN visits every 20 working days: 2</title>'));
    expect(html).toContain('<figcaption>Exceptions by team</figcaption>');
    expect(html).toContain('<title>North: 3</title>');
    expect(html).toContain('<section class="findings"><h2 id="findings">Findings</h2><p class="meta">One row per kind of finding, rule, file and column, naming the first rows; the workbook and JSON report list every one.</p>');
    expect(html).toContain('<th data-kind="text" scope="col" class="wide"><button type="button">First Message</button></th>');
    expect(html).toContain('<h2 id="inputs">Inputs</h2><div class="scroll"><table class="sortable" id="t-inputs">');
    expect(html).toContain('<h2 id="manifest">Run manifest</h2><div class="scroll"><table class="sortable" id="t-manifest">');
    expect(html).toContain('<h2 id="lists">Lists</h2>');
  });

  it('a list longer than the preview shows its first rows; a rule with nothing checked gives no share', () => {
    const many = [...Array(LIST_PREVIEW + 1)].map((_, i) => exception('x', `S${String(i).padStart(2, '0')}`));
    const html = checkHtml(checkResult({ rules: [rule('x', { title: 'X' })], exceptions: many }));
    expect(LIST_PREVIEW).toBe(15);
    expect(html).toContain('<p class="meta">medium severity. What x checks.</p>');
    expect(html).toContain(`data-limit="${LIST_PREVIEW}"`);
    expect(html).toContain('Show all 16 rows');
  });

  it('against a baseline: new, still open and resolved in the headline, and the resolved listed', () => {
    const html = checkHtml(weeklyResult());
    expect(html).toContain('<strong>5</strong> exception(s) from 2 of 3 rules. 3 new, 2 still open and 1 resolved since 11/01/2017.</p>');
    expect(html).toContain('<a href="#list-resolved">Resolved (1)</a>');
    expect(html).toContain('<section class="list" id="list-resolved"><h3>Resolved since 11/01/2017 (1)</h3><p class="meta">In last week&#39;s report, gone now.</p>');
    expect(html).toContain('Change since 11/01');
  });

  it('an overview (one row per home) is a list of its own', () => {
    const overview = { id: 'homes', title: 'Homes', sheetName: 'Homes', columns: [{ label: 'Home', kind: 'text' as const }], rows: [['Oak House'], ['Ash']] };
    const html = checkHtml(checkResult({ overviews: [overview] }));
    expect(html).toContain('<a href="#t-list-homes">Homes</a>');
    expect(html).toContain('<section class="list" id="t-list-homes"><h3>Homes (2)</h3><p class="meta">One row per item, as it stands.</p>');
    expect(html).toContain('<td>Oak House</td>');
  });

  it('counts only: no list, no row about a child, the findings counted', () => {
    const html = checkHtml(weeklyResult(), true);
    expect(html).toContain(' <span class="meta">Counts only: this report holds no case records.</span></p></header>');
    expect(html).not.toContain('class="list"');
    expect(html).not.toContain('href="#lists"');
    expect(html).not.toContain('<details');
    expect(html).not.toContain('<a href="#list-');
    for (const subject of ['C1', 'C2', 'C9', '31/02/2016']) expect(html).not.toContain(subject);
    expect(html).toContain('<p class="meta">Findings counted by level, kind and rule.</p>');
    expect(html).toContain('<button type="button">Count</button>');
  });

  it('without a manifest, no manifest section', () => {
    const html = checkHtml(checkResult({ manifest: undefined }));
    expect(html).not.toContain('manifest');
  });
});

describe('the drift page', () => {
  const C6 = exception('cin.drift', 'C6', { dueDate: '2016-05-01', team: 'North', worker: 'Ann' });
  const drift = (over = {}) => checkResult({ rules: [DRIFT], exceptions: [...EXCEPTIONS.slice(2), C6], ...over });

  it('a section per team with its cases, worker by worker, a column to write the outcome in; the rows not judged; every finding', () => {
    const html = driftHtml(drift());
    expect(html).toContain('<title>Drift list as of 2017-01-18</title>');
    expect(html).toContain('<h1>Drift list for case review clinics</h1><p class="headline">4 exception(s) as of 18/01/2017.</p><p class="meta">4 case(s), grouped by team then worker, longest open first.</p>');
    const north = html.indexOf('<section class="team"><h2>North: 3 case(s)</h2><h3>CIN open over 6 months</h3>');
    const none = html.indexOf('<section class="team"><h2>(no team recorded): 1 case(s)</h2>');
    expect(north).toBeGreaterThan(0);
    expect(none).toBeGreaterThan(north);
    expect(html).toContain('id="t-north-cin-drift"');
    expect(html).toContain('<th data-kind="text" scope="col" class="write-in"><button type="button">Clinic Outcome</button></th>');
    expect(html).toContain('<th data-kind="date" scope="col"><button type="button">Due Date</button></th><th data-kind="number" scope="col"><button type="button">Days Overdue</button></th>');
    expect(html).toContain('<tr><td>C6</td><td data-v="2016-05-01" class="date">01/05/2016</td><td data-v="262" class="num">262</td><td>North</td>');
    expect(html.slice(none)).toContain('<tr><td>C5</td><td data-v="2016-12-25" class="date">25/12/2016</td><td data-v="24" class="num">24</td><td></td><td></td>');
    expect(html.slice(north, none).match(/<tr><td>(C\d)<\/td>/g)).toEqual(['<tr><td>C6</td>', '<tr><td>C3</td>', '<tr><td>C4</td>']);
    expect(html).toContain('<h2>Not judged (1)</h2>\n<p class="meta">Rows the drift rule(s) could not judge: put the cell right and run again.</p>');
    expect(html).toContain('<h2>Findings (4)</h2>');
    expect(html).toContain('<figcaption>Drift cases: time since they passed their review point</figcaption>');
    expect(html).toContain('<title>2 years or more: 1</title>');
    expect(html).toContain('<h2 id="manifest">Run manifest</h2>');
    expect(html).not.toContain('NOT CHECKED');
  });

  it('against a baseline, new, still open and resolved in the heading and a chart', () => {
    const html = headingHtml('Drift <list>', weeklyResult(), 'a & b');
    expect(html).toBe('<h1>Drift &lt;list&gt;</h1><p class="headline">5 exception(s) as of 18/01/2017: 3 new, 2 still open, and 1 resolved since 11/01/2017 (last-week.json).</p><p class="meta">a &amp; b</p>');
    const page = driftHtml(weeklyResult());
    expect(page).toContain('<figcaption>Since 11/01/2017</figcaption>');
    expect(page).toContain('<title>Resolved: 1</title>');
  });

  it('a drift rule that did not run: NOT CHECKED in a banner, no team, no rows not judged', () => {
    const html = driftHtml(drift({ rules: [{ ...DRIFT, ran: false }], exceptions: [], findings: [] }));
    expect(html).toContain('<p class="meta">Not checked: see below.</p>');
    expect(html).toContain('<p class="not-checked">NOT CHECKED: cin.drift was not run. This is not a clean list: no case was checked by this rule.</p>');
    expect(html).not.toContain('class="team"');
    expect(html).not.toContain('Not judged');
    expect(html).not.toContain('review point');
    expect(html).toContain('<h2>Findings (0)</h2>');
  });
});
