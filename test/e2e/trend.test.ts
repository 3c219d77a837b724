// `comply trend`: eight weekly JSON reports of the demo county drawn over time, opened in headless
// chromium like the check page (nothing fetched), and as a workbook read back with SheetJS.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { CHROMIUM, hasChromium, launchChromium } from '../../scripts/chromium.js';
import { weekAsOf } from '../../scripts/demo/week2.js';
import { complyHere, tempDir } from '../helpers/cli.js';
import { demoWeeks, ok } from './demo-weeks.js';

const WEEKS = 8;
const CHANGED_IN = 5;
const tmp = tempDir('comply-trend-');
const out = (name: string) => path.join(tmp, name);
const report = (week: number) => out(`reports/week-${week}.json`);
const DRIFT = 'drift.cin-open-over-6-months';

interface Report { summary: { rules: { ruleId: string; ran: boolean; counts: { exceptions: number } }[] } }
let reports: Report[];

beforeAll(async () => {
  const { week1, week2 } = demoWeeks(tmp);
  const rules = out('rules');
  fs.cpSync('rules', rules, { recursive: true });
  const file = path.join(rules, 'drift', 'cin-open-over-6-months.rule.json');
  const drift = JSON.parse(fs.readFileSync(file, 'utf8'));
  fs.writeFileSync(file, JSON.stringify({ ...drift, version: 2, description: `${drift.description} Edited.` }));
  for (let week = 1; week <= WEEKS; week++) {
    const pack = week >= CHANGED_IN ? ['--rules', rules] : [];
    const baseline = week > 1 ? ['--baseline', report(week - 1)] : [];
    await ok('check', '--data', week === 1 ? week1 : week2, '--as-of', weekAsOf(week), ...pack, ...baseline, '--out', report(week), '--quiet');
  }
  reports = Array.from({ length: WEEKS }, (_, i) => JSON.parse(fs.readFileSync(report(i + 1), 'utf8')) as Report);
  await ok('trend', out('reports'), '--out', out('trend.html'), '--quiet');
  await ok('trend', ...Array.from({ length: WEEKS }, (_, i) => report(WEEKS - i)), '--out', out('trend.xlsx'), '--quiet');
}, 120_000);

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const ran = () => reports[0]!.summary.rules.filter((r) => r.ran).map((r) => r.ruleId);

describe('comply trend as a workbook', () => {
  it('holds open exceptions per rule, a row per week, oldest first, from files given in any order', () => {
    const wb = XLSX.read(fs.readFileSync(out('trend.xlsx')));
    expect(wb.SheetNames).toEqual(['Open by rule', 'New and resolved', 'Drift ages', 'Rule changes']);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['Open by rule']!, { header: 1, defval: null, raw: false, dateNF: 'yyyy-mm-dd' });
    expect(rows).toHaveLength(WEEKS + 1);
    const column = (rows[0] as string[]).indexOf('Child in need case open more than six months');
    expect(rows.slice(1).map((r) => Number(r[column]))).toEqual(reports.map((r) => r.summary.rules.find((x) => x.ruleId === DRIFT)!.counts.exceptions));
    const changes = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets['Rule changes']!, { raw: false, dateNF: 'yyyy-mm-dd' });
    expect(changes.map((c) => [c['Week (as of)'], c['Rule ID']])).toEqual([['15/02/2017', DRIFT]]);
  });

  it('refuses what is not a weekly report, two reports of one week, and an output it does not write', async () => {
    fs.writeFileSync(out('other.json'), '{"hello": 1}');
    expect(await complyHere('trend', out('other.json'), report(1), '--out', out('x.html'))).toMatchObject({ status: 2, stderr: expect.stringContaining('other.json is not a csc-comply JSON report') });
    expect(await complyHere('trend', report(1), report(1), '--out', out('x.html'))).toMatchObject({ status: 2, stderr: expect.stringContaining('Two reports are as of 18/01/2017') });
    expect(await complyHere('trend', report(1), '--out', out('x.pdf'))).toMatchObject({ status: 2, stderr: expect.stringContaining('--out must end .html or .xlsx') });
    expect(fs.existsSync(out('x.html'))).toBe(false);
  });
});

if (!hasChromium()) console.warn(`Skipping the trend page's browser test: ${CHROMIUM} is missing`);

describe.skipIf(!hasChromium())('comply trend page in a browser', () => {
  let page: Page;
  let close: () => Promise<void>;
  const trouble: string[] = [];

  beforeAll(async () => {
    const browser = await launchChromium({ width: 1400, height: 900 });
    close = browser.close;
    page = await browser.context.newPage();
    const url = pathToFileURL(out('trend.html')).href;
    await page.route('**/*', (route) => (route.request().url() === url ? route.continue() : (trouble.push(route.request().url()), route.abort())));
    page.on('pageerror', (e) => trouble.push(e.message));
    await page.goto(url);
  }, 60_000);

  afterAll(async () => close?.());

  it('draws a line per rule that ran, a point per week, with nothing fetched', async () => {
    const lines = page.locator('polyline.line[data-rule]');
    expect((await lines.evaluateAll((ls) => ls.map((l) => l.getAttribute('data-rule')))).sort()).toEqual(ran().sort());
    for (const points of await lines.evaluateAll((ls) => ls.map((l) => l.getAttribute('points')!.split(' ').length))) expect(points).toBe(WEEKS);
    const drift = page.locator(`polyline.line[data-rule="${DRIFT}"]`);
    const ys = (await drift.getAttribute('points'))!.split(' ').map((p) => Number(p.split(',')[1]));
    const counts = reports.map((r) => r.summary.rules.find((x) => x.ruleId === DRIFT)!.counts.exceptions);
    for (let i = 1; i < WEEKS; i++) expect(Math.sign(ys[i - 1]! - ys[i]!)).toBe(Math.sign(counts[i]! - counts[i - 1]!));
    expect(trouble).toEqual([]);
  });

  it("marks the week a rule's definition changed on that rule's chart only", async () => {
    const figure = page.locator(`figure[id="rule-${DRIFT}"]`);
    const mark = figure.locator('.changed');
    expect(await mark.count()).toBe(1);
    expect(await mark.locator('title').textContent()).toMatch(/^Rule definition changed on 15\/02\/2017: SHA-256 [0-9a-f]{12}… to [0-9a-f]{12}…$/);
    const points = (await figure.locator('polyline').getAttribute('points'))!.split(' ').map((p) => Number(p.split(',')[0]));
    expect(Number(await mark.locator('line').getAttribute('x1'))).toBe(points[CHANGED_IN - 1]);
    expect(await page.locator('.changed').count()).toBe(1);
  });

  it('draws new against resolved, median weeks open and drift ages week by week', async () => {
    expect(await page.locator('#flow rect.new').count()).toBe(WEEKS - 1);
    expect(await page.locator('#flow rect.resolved').count()).toBe(WEEKS - 1);
    expect(await page.locator('#age polyline').getAttribute('points').then((p) => p!.split(' ').length)).toBe(WEEKS - 1);
    expect(await page.locator('#drift rect').count()).toBeGreaterThanOrEqual(WEEKS);
  });
});
