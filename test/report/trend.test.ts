// The trend model from weekly reports: weeks in date order, a gap where a rule did not run,
// medians of weeks open, and a rule's definition change found from its SHA-256.
import { describe, expect, it } from 'vitest';
import { buildTrend, parseWeek, TrendError, trendTables } from '../../src/report/trend.js';
import { trendHtml } from '../../src/report/html/trend-html.js';

const week = (asOf: string, rules: [string, number, boolean?][], extra: Record<string, unknown> = {}) =>
  parseWeek({
    asOf,
    summary: { rules: rules.map(([ruleId, exceptions, ran]) => ({ ruleId, title: `Title of ${ruleId}`, tags: [], ran: ran ?? true, counts: { exceptions } })), totals: {} },
    ...extra,
  }, `${asOf}.json`);
const hashes = (sha: Record<string, string>) => ({ manifest: { ruleSet: { rules: Object.entries(sha).map(([id, sha256]) => ({ id, sha256 })) } } });

describe('buildTrend', () => {
  it('puts the weeks in date order and leaves a gap where a rule did not run or was not in the pack', () => {
    const trend = buildTrend([week('2017-01-25', [['a.x', 3], ['b.y', 1, false]]), week('2017-01-18', [['a.x', 5]]), week('2017-02-01', [['a.x', 2], ['b.y', 4]])]);
    expect(trend.weeks).toEqual(['2017-01-18', '2017-01-25', '2017-02-01']);
    expect(trend.rules.map((r) => [r.ruleId, r.title, r.open])).toEqual([['a.x', 'Title of a.x', [5, 3, 2]], ['b.y', 'Title of b.y', [null, null, 4]]]);
  });

  it('takes the median of the weeks open of each week\'s exceptions, and new and resolved from its totals', () => {
    const open = (weeksOpen: number[]) => ({ exceptions: weeksOpen.map((w) => ({ ruleId: 'a.x', dueDate: null, weeksOpen: w })) });
    const trend = buildTrend([
      week('2017-01-18', [['a.x', 0]], { exceptions: [{ ruleId: 'a.x', dueDate: null }] }),
      week('2017-01-25', [['a.x', 3]], { ...open([0, 4, 1]), summary: { rules: [], totals: { new: 2, resolved: 1 } } }),
      week('2017-02-01', [['a.x', 4]], open([0, 1, 2, 5])),
    ]);
    expect(trend.medianWeeksOpen).toEqual([null, 1, 1.5]);
    expect([trend.fresh, trend.resolved]).toEqual([[null, 2, null], [null, 1, null]]);
  });

  it("marks the week a rule's SHA-256 differs from the week before, and no other", () => {
    const trend = buildTrend([
      week('2017-01-18', [['a.x', 1], ['b.y', 1]], hashes({ 'a.x': 'aaa', 'b.y': 'bbb' })),
      week('2017-01-25', [['a.x', 1], ['b.y', 1]], hashes({ 'a.x': 'aaa', 'b.y': 'ccc' })),
      week('2017-02-01', [['a.x', 1], ['b.y', 1]], hashes({ 'a.x': 'aaa', 'b.y': 'ccc' })),
    ]);
    expect(trend.rules.map((r) => [r.ruleId, r.changedAt])).toEqual([['a.x', []], ['b.y', [{ week: 1, from: 'bbb', to: 'ccc' }]]]);
  });

  it('refuses two reports of the same week, and a file that is not a report', () => {
    expect(() => buildTrend([week('2017-01-18', []), week('2017-01-18', [])])).toThrow(new TrendError('Two reports are as of 18/01/2017: give one report per week'));
    expect(() => parseWeek({ asOf: '18/01/2017', summary: { rules: [] } }, 'x.json')).toThrow(/x\.json is not a csc-comply JSON report/);
  });
});

describe('parseWeek', () => {
  it('reads what it can: a title falls back to the id, a rule runs unless it says not, counts default to none', () => {
    const w = parseWeek({
      asOf: '2017-01-18',
      summary: { rules: [{ ruleId: 'a.x', tags: ['drift', 3], counts: {} }, { title: 'No id' }, 'not a rule', { ruleId: 'c.z', ran: false, counts: { exceptions: 2 } }] },
      manifest: { ruleSet: { rules: [{ id: 'a.x', sha256: 'aaa' }, { id: 'b.y' }, { sha256: 'ccc' }] } },
      exceptions: [{ ruleId: 'a.x', dueDate: '2016-01-01', weeksOpen: 2 }, { weeksOpen: '3' }, 'x'],
    }, 'w.json');
    expect(w.rules).toEqual([
      { ruleId: 'a.x', title: 'a.x', tags: ['drift'], ran: true, exceptions: 0 },
      { ruleId: '', title: 'No id', tags: [], ran: true, exceptions: 0 },
      { ruleId: 'c.z', title: 'c.z', tags: [], ran: false, exceptions: 2 },
    ]);
    expect([...w.hashes]).toEqual([['a.x', 'aaa']]);
    expect([w.fresh, w.resolved]).toEqual([null, null]);
    expect(w.weeksOpen).toEqual([2]);
    expect(w.exceptions).toEqual([{ ruleId: 'a.x', dueDate: '2016-01-01' }, { ruleId: '', dueDate: null }]);
    expect(parseWeek({ asOf: '2017-01-18', summary: { rules: [] } }, 'w.json').exceptions).toBeNull();
  });

  it.each([
    ['not an object', []],
    ['no as-of date', { summary: { rules: [] } }],
    ['an as-of date that is not a date', { asOf: '2017-02-30', summary: { rules: [] } }],
    ['no summary', { asOf: '2017-01-18' }],
    ['a summary without rules', { asOf: '2017-01-18', summary: { rules: {} } }],
  ])('refuses %s, naming the file', (_why, json) => {
    expect(() => parseWeek(json, 'week.json')).toThrow(new TrendError('week.json is not a csc-comply JSON report (no "asOf" and "summary.rules"): give the .json reports of the weekly check'));
  });
});

/** Three weeks: a.x falls 5, 3, 2; the drift rule d.r runs from the second week, its definition changed in the third. */
const drift = (asOf: string, count: number, sha: string, dueDates: string[]) => week(asOf, [['a.x', count], ['d.r', dueDates.length]], {
  ...hashes({ 'd.r': sha }),
  exceptions: dueDates.map((dueDate) => ({ ruleId: 'd.r', dueDate, weeksOpen: 1 })),
  summary: { rules: [{ ruleId: 'a.x', title: 'Visits <late>', counts: { exceptions: count } }, { ruleId: 'd.r', title: 'Drift', tags: ['drift'], counts: { exceptions: dueDates.length } }], totals: { new: count, resolved: 1 } },
});
const TREND = () => buildTrend([
  week('2017-01-04', [['a.x', 5]], { summary: { rules: [{ ruleId: 'a.x', title: 'Old title', counts: { exceptions: 5 } }], totals: {} } }),
  drift('2017-01-11', 3, 'aaaaaaaaaaaaaaaa', ['2016-12-01', '2015-01-01']),
  drift('2017-01-18', 2, 'bbbbbbbbbbbbbbbb', ['2016-12-01']),
]);

describe('the trend', () => {
  it("takes each rule's latest title, drift ages only in weeks a drift rule ran, medians of odd and even counts", () => {
    const trend = TREND();
    expect(trend.rules.map((r) => [r.ruleId, r.title, r.open])).toEqual([['a.x', 'Visits <late>', [5, 3, 2]], ['d.r', 'Drift', [null, 2, 1]]]);
    expect(trend.driftBands).toEqual([null, [0, 1, 0, 0, 0, 1], [0, 1, 0, 0, 0, 0]]);
    expect(trend.medianWeeksOpen).toEqual([null, 1, 1]);
    expect(buildTrend([week('2017-01-18', [['a.x', 1]], { exceptions: [3, 1, 2].map((w) => ({ ruleId: 'a.x', weeksOpen: w })) })]).medianWeeksOpen).toEqual([2]);
  });

  it('lists the rules by id whatever order the weeks give them in', () => {
    const trend = buildTrend([week('2017-01-18', [['c.z', 1], ['a.x', 2]]), week('2017-01-11', [['b.y', 3]])]);
    expect(trend.rules.map((r) => r.ruleId)).toEqual(['a.x', 'b.y', 'c.z']);
  });

  it('as sheets: open by rule, new and resolved with the median, drift ages, rule changes', () => {
    const tables = trendTables(TREND());
    expect(tables.map((t) => t.name)).toEqual(['Open by rule', 'New and resolved', 'Drift ages', 'Rule changes']);
    expect(tables.map((t) => t.columns.map((c) => c.header))).toEqual([
      ['Week (as of)', 'Visits <late>', 'Drift'],
      ['Week (as of)', 'New', 'Resolved', 'Median Weeks Open'],
      ['Week (as of)', 'under 1 month', '1 to 3 months', '3 to 6 months', '6 to 12 months', '1 to 2 years', '2 years or more'],
      ['Week (as of)', 'Rule', 'Rule ID', 'SHA-256 Before', 'SHA-256 After'],
    ]);
    expect(tables[0]!.columns[0]).toEqual({ header: 'Week (as of)', kind: 'date', width: 14 });
    expect(tables.map((t) => t.rows)).toEqual([
      [['2017-01-04', 5, null], ['2017-01-11', 3, 2], ['2017-01-18', 2, 1]],
      [['2017-01-04', null, null, null], ['2017-01-11', 3, 1, 1], ['2017-01-18', 2, 1, 1]],
      [['2017-01-04', null, null, null, null, null, null], ['2017-01-11', 0, 1, 0, 0, 0, 1], ['2017-01-18', 0, 1, 0, 0, 0, 0]],
      [['2017-01-18', 'Drift', 'd.r', 'aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb']],
    ]);
  });

  it('as a page: open now against the first week, a chart per rule (largest now first) with its change marked, new and resolved, the rule changes', () => {
    const html = trendHtml(TREND());
    expect(html).toContain('<title>csc-comply trend 04/01/2017 to 18/01/2017</title>');
    expect(html).toContain('<h1>Compliance trend, 04/01/2017 to 18/01/2017</h1><p class="headline"><strong>3</strong> open exception(s) on 18/01/2017 against 5 on 04/01/2017 (\u22122), over 3 weekly report(s).</p>');
    const [visits, driftRule] = [html.indexOf('<figure id="rule-a.x">'), html.indexOf('<figure id="rule-d.r">')];
    expect(visits).toBeGreaterThan(0);
    expect(driftRule).toBeGreaterThan(visits);
    expect(html).toContain('<figcaption><b>2</b>Visits &lt;late&gt; <span class="meta">(\u22123 since 04/01)</span></figcaption>');
    expect(html).toContain('<figcaption><b>1</b>Drift <span class="meta">(\u22121 since 04/01)</span></figcaption>');
    expect(html).toContain('<title>Rule definition changed on 18/01/2017: SHA-256 aaaaaaaaaaaa… to bbbbbbbbbbbb…</title>');
    expect(html).toContain('<title>Visits &lt;late&gt;, 11/01/2017: 3</title>');
    expect(html).toContain('<title>New, 18/01/2017: 2</title>');
    expect(html).toContain('<title>Resolved, 11/01/2017: 1</title>');
    expect(html).toContain('<title>2 years or more, 11/01/2017: 1</title>');
    expect(html).toContain('<title>Median weeks open, 18/01/2017: 1</title>');
    expect(html).toContain('<h2 id="changes">Rule changes</h2><ul><li>18/01/2017: Drift (d.r)</li></ul>');
    expect(html).toContain('<p class="legend"><span class="key new"></span>New <span class="key resolved"></span>Resolved</p>');
  });

  it('a rule rising shows +, a steady one 0, a single week no change; no rule changed says so', () => {
    const html = trendHtml(buildTrend([week('2017-01-11', [['a.x', 1], ['b.y', 4]]), week('2017-01-18', [['a.x', 3], ['b.y', 4], ['c.z', 7]])]));
    expect(html).toContain('<b>3</b>Title of a.x <span class="meta">(+2 since 11/01)</span>');
    expect(html).toContain('<b>4</b>Title of b.y <span class="meta">(0 since 11/01)</span>');
    expect(html).toContain('<b>7</b>Title of c.z</figcaption>');
    expect(html).toContain('<strong>14</strong> open exception(s) on 18/01/2017 against 5 on 11/01/2017 (+9)');
    expect(html.indexOf('rule-c.z')).toBeLessThan(html.indexOf('rule-b.y'));
    expect(html.indexOf('rule-b.y')).toBeLessThan(html.indexOf('rule-a.x'));
    expect(html).toContain('<p>No rule changed its definition over these weeks.</p>');
    expect(trendHtml(buildTrend([week('2017-01-18', [['a.x', 0]])]))).toContain('(0), over 1 weekly report(s)');
  });
});

describe('the trend charts', () => {
  const figure = (html: string, id: string) => html.slice(html.indexOf(`<figure id="${id}">`), html.indexOf('</figure>', html.indexOf(`<figure id="${id}">`)));
  const numbers = (svg: string, pattern: RegExp) => [...svg.matchAll(pattern)].map((m) => m.slice(1).map(Number));
  const frame = (svg: string) => numbers(svg, /viewBox="0 0 (\d+) (\d+)"/g)[0]!;

  it('a line per rule: a point per week it ran, left to right, higher for more, inside the chart; the axis from 0 to a round maximum', () => {
    const html = trendHtml(TREND());
    const visits = figure(html, 'rule-a.x');
    const [width, height] = frame(visits);
    const points = visits.match(/points="([^"]*)"/)![1]!.split(' ').map((p) => p.split(',').map(Number));
    expect(points).toHaveLength(3);
    expect(numbers(visits, /<circle cx="(\d+)" cy="(\d+)"/g)).toEqual(points);
    const [xs, ys] = [points.map((p) => p[0]!), points.map((p) => p[1]!)];
    expect(xs[0]! < xs[1]! && xs[1]! < xs[2]!).toBe(true);
    expect(ys[0]! < ys[1]! && ys[1]! < ys[2]!).toBe(true);
    for (const [x, y] of points) expect(x! > 0 && x! < width! && y! > 0 && y! < height!).toBe(true);
    const [[base]] = numbers(visits, /<line class="axis" x1="\d+" y1="(\d+)"/g) as [[number]];
    const [[top]] = numbers(visits, /<line class="grid" x1="\d+" y1="(\d+)"/g) as [[number]];
    expect(ys[0]).toBe(top);
    expect(base - ys[2]!).toBe(Math.round((2 / 5) * (base - top)));
    expect(visits).toMatch(/text-anchor="end">0<\/text><text [^>]*text-anchor="end">5<\/text>/);
    const driftLine = figure(html, 'rule-d.r').match(/points="([^"]*)"/)![1]!.split(' ');
    expect(driftLine).toHaveLength(2);
    expect(Number(driftLine[0]!.split(',')[0])).toBe(xs[1]);
    expect(figure(html, 'rule-d.r')).toMatch(/<g class="changed"><title>[^<]*<\/title><line x1="(\d+)" y1="\d+" x2="\1" y2="\d+"\/><text [^>]*>changed<\/text><\/g>/);
    expect(figure(html, 'rule-d.r')).toContain(`<line x1="${points[2]![0]}" `);
  });

  it('the axis maximum is the largest value rounded up to its leading digit', () => {
    const max = (n: number) => figure(trendHtml(buildTrend([week('2017-01-18', [['a.x', n]])])), 'rule-a.x').match(/text-anchor="end">(\d+)<\/text>(?!.*text-anchor="end">\d+<\/text>)/)![1];
    expect([0, 1, 7, 12, 100, 101, 2300].map(max)).toEqual(['1', '1', '7', '20', '100', '200', '3000']);
  });

  it('each week labelled on a wide chart, the first and last only on a small chart of many weeks', () => {
    const weeks = ['2017-01-04', '2017-01-11', '2017-01-18', '2017-01-25', '2017-02-01', '2017-02-08'];
    const html = trendHtml(buildTrend(weeks.map((w, i) => week(w, [['a.x', i]]))));
    const labels = (svg: string) => numbers(svg, /<text x="(\d+)" y="\d+" text-anchor="(?:start|end|middle)">\d\d\/\d\d<\/text>/g).length;
    expect(labels(figure(html, 'rule-a.x'))).toBe(2);
    expect(figure(html, 'rule-a.x')).toMatch(/text-anchor="start">04\/01<\/text>.*text-anchor="end">08\/02<\/text>/);
    expect(labels(figure(html, 'age'))).toBe(6);
    const four = trendHtml(buildTrend(weeks.slice(0, 4).map((w, i) => week(w, [['a.x', i]]))));
    expect(labels(figure(four, 'rule-a.x'))).toBe(4);
    const one = figure(trendHtml(buildTrend([week('2017-01-18', [['a.x', 3]])])), 'rule-a.x');
    expect(one).toContain('text-anchor="middle">18/01</text>');
    const [width] = frame(one);
    const [[x]] = numbers(one, /<circle cx="(\d+)"/g) as [[number]];
    expect(Math.abs(x - width! / 2)).toBeLessThan(width! / 8);
  });

  it('new and resolved side by side each week, from the axis up, in proportion; drift ages stacked', () => {
    const html = trendHtml(TREND());
    const flow = figure(html, 'flow');
    const rects = numbers(flow, /<rect class="(?:new|resolved)" x="([\d.-]+)" y="([\d.-]+)" width="(\d+)" height="([\d.-]+)">/g);
    expect(rects).toHaveLength(4);
    const [[base]] = numbers(flow, /<line class="axis" x1="\d+" y1="(\d+)"/g) as [[number]];
    for (const [, y, , h] of rects) expect(y! + h!).toBe(base);
    const [new11, res11, new18, res18] = rects;
    expect(res11![0]).toBe(new11![0]! + new11![2]! + 1);
    expect(new18![0]).toBeGreaterThan(res11![0]! + res11![2]!);
    expect(new11![3]! / res11![3]!).toBeCloseTo(3, 0);
    expect(new18![3]!).toBeGreaterThan(res18![3]!);
    const stacked = numbers(figure(html, 'drift'), /<rect class="band\d" x="([\d.-]+)" y="([\d.-]+)" width="(\d+)" height="([\d.-]+)">/g);
    expect(stacked).toHaveLength(12);
    const week11 = stacked.filter((_, i) => i < 6).filter(([, , , h]) => h! > 0);
    expect(week11).toHaveLength(2);
    expect(week11[0]![0]).toBe(week11[1]![0]);
    expect(week11[1]![1]! + week11[1]![3]!).toBe(week11[0]![1]);
    expect(week11[0]![1]! + week11[0]![3]!).toBe(numbers(figure(html, 'drift'), /<line class="axis" x1="\d+" y1="(\d+)"/g)[0]![0]);
  });
});
