// The HTML report in a real headless browser (Debian's chromium driven by playwright-core):
// it opens from a file with every network request refused, draws its charts, and its lists
// filter and sort. CI installs chromium; without it these tests are skipped with a message.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, hasChromium, launchChromium } from '../../scripts/chromium.js';
import { LIST_PREVIEW } from '../../src/report/html/check-html.js';
import { demoWeeks, ok, WEEK2_AS_OF } from './demo-weeks.js';

/** A4 landscape less 10 mm margins each side (277 mm) in CSS pixels, as the print stylesheet sets it. */
const A4_LANDSCAPE_PX = Math.floor((277 / 25.4) * 96);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'comply-html-'));
const out = (name: string) => path.join(tmp, name);

if (!hasChromium()) console.warn(`Skipping the browser tests: ${CHROMIUM} is missing (apt-get install -y chromium; .ci/run does it)`);

describe.skipIf(!hasChromium())('HTML report in a browser', () => {
  let context: BrowserContext;
  let close: () => Promise<void>;
  const trouble: string[] = [];

  /** Opens a report with every request but the file itself refused and recorded. */
  async function open(file: string): Promise<Page> {
    const url = pathToFileURL(file).href;
    const page = await context.newPage();
    await page.route('**/*', (route) => {
      if (route.request().url() === url) return route.continue();
      trouble.push(`request: ${route.request().url()}`);
      return route.abort();
    });
    page.on('console', (m) => m.type() === 'error' && trouble.push(`console: ${m.text()}`));
    page.on('pageerror', (e) => trouble.push(`page error: ${e.message}`));
    await page.goto(url);
    return page;
  }

  let closed: string[];

  beforeAll(async () => {
    const { week1, week2, closed: gone } = demoWeeks(tmp);
    closed = gone;
    await ok('check', '--data', week1, '--as-of', '2017-01-18', '--out', out('week1.json'), '--quiet');
    await ok('check', '--data', week2, '--as-of', WEEK2_AS_OF, '--baseline', out('week1.json'), '--out', out('report.html'), '--quiet');
    await ok('check', '--data', week2, '--as-of', WEEK2_AS_OF, '--baseline', out('week1.json'), '--aggregate-only', '--out', out('board.html'), '--quiet');
    await ok('drift', '--data', week2, '--as-of', WEEK2_AS_OF, '--out', out('drift.html'), '--quiet');
    ({ context, close } = await launchChromium());
  }, 60_000);

  afterAll(async () => {
    await close?.();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('renders with no network request and no console error, and draws its charts', async () => {
    const page = await open(out('report.html'));
    expect(await page.locator('svg').count()).toBe(4);
    expect(await page.locator('svg rect').count()).toBeGreaterThan(10);
    const since = page.locator('figure', { hasText: 'Since 18/01/2017' });
    const titles = await since.locator('title').allTextContents();
    expect(titles.map((t) => t.replace(/\d+/, 'n'))).toEqual(['New: n', 'Still open: n', 'Resolved: n']);
    expect(titles[2]).toBe(`Resolved: ${closed.length}`);
    expect(trouble).toEqual([]);
  });

  it('filters a list to the rows containing the typed text', async () => {
    const page = await open(out('report.html'));
    const table = page.locator('table#t-drift-cin-over-6-months');
    const all = await table.locator('tbody tr').count();
    await page.locator('input[data-filter="t-drift-cin-over-6-months"]').fill('locality north cin team 1');
    const shown = table.locator('tbody tr:visible');
    const n = await shown.count();
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(all);
    for (const text of await shown.allTextContents()) expect(text).toContain('Locality North CIN Team 1');
    expect(await page.locator('output[data-count="t-drift-cin-over-6-months"]').textContent()).toBe(`${n} of ${all} rows`);
  });

  it('sorts a list by a column when its heading is clicked, and reverses on a second click', async () => {
    const page = await open(out('report.html'));
    const table = page.locator('table#t-drift-cin-over-6-months');
    const header = table.locator('th', { hasText: 'Days Open' });
    const column = await table.locator('th').allTextContents().then((h) => h.indexOf('Days Open') + 1);
    const values = async () => (await table.locator(`tbody td:nth-child(${column})`).allTextContents()).map(Number);
    await header.locator('button').click();
    const up = await values();
    expect(up).toEqual([...up].sort((a, b) => a - b));
    await header.locator('button').click();
    const down = await values();
    expect(down).toEqual([...up].reverse());
    expect(down[0]).toBeGreaterThan(down[down.length - 1]!);
  });

  it('answers "how are we doing" on its first screen (1400 × 900): rules by title, the team grid and the drift ages', async () => {
    const page = await open(out('report.html'));
    await page.setViewportSize({ width: 1400, height: 900 });
    const bottom = async (selector: string) => page.locator(selector).evaluate((e) => e.getBoundingClientRect().bottom);
    const right = async (selector: string) => page.locator(selector).evaluate((e) => e.getBoundingClientRect().right);
    for (const part of ['#t-overview', '#t-team-grid', 'figure:has-text("Drift")']) {
      expect(await bottom(part), part).toBeLessThanOrEqual(900);
      expect(await right(part), part).toBeLessThanOrEqual(1400);
    }
    const rules = page.locator('#t-overview tbody th');
    expect(await rules.allTextContents()).toContain('Child in need case open more than six months');
    expect((await rules.allTextContents()).join('\n')).not.toMatch(/drift\.|reg44\./);
    const drift = page.locator('#t-overview tr', { hasText: 'Child in need case open more than six months' });
    expect(await drift.locator('td.within').textContent()).toMatch(/^\d+%$/);
    expect(await drift.locator('td.change').getAttribute('title')).toMatch(/^\d+ new, \d+ resolved$/);
    expect(trouble).toEqual([]);
  });

  it('counts the homes\' exceptions, which have no team column, under the service: Children\'s homes', async () => {
    const page = await open(out('report.html'));
    const teams = await page.locator('#t-team-grid tbody th').allTextContents();
    expect(teams).toContain("Children's homes");
    const homes = page.locator('#t-team-grid tbody tr', { hasText: "Children's homes" });
    expect(Number(await homes.locator('td.total').textContent())).toBeGreaterThan(0);
    const unallocated = page.locator('#t-team-grid tbody tr', { hasText: '(no team recorded)' });
    if (await unallocated.count()) expect(await unallocated.locator('td[title*="Regulation 44"]').allTextContents()).toEqual(expect.not.arrayContaining([expect.stringMatching(/\d/)]));
  });

  it('shows the first rows of a long list, the rest a click away; filtering searches every row', async () => {
    const page = await open(out('report.html'));
    const table = page.locator('table#t-drift-cin-over-6-months');
    const all = await table.locator('tbody tr').count();
    expect(all).toBeGreaterThan(LIST_PREVIEW);
    expect(await table.locator('tbody tr:visible').count()).toBe(LIST_PREVIEW);
    const last = (await table.locator('tbody tr').last().locator('td').first().textContent())!;
    await page.locator('input[data-filter="t-drift-cin-over-6-months"]').fill(last);
    expect(await table.locator('tbody tr:visible').first().locator('td').first().textContent()).toBe(last);
    await page.locator('input[data-filter="t-drift-cin-over-6-months"]').fill('');
    expect(await table.locator('tbody tr:visible').count()).toBe(LIST_PREVIEW);
    const firstCells = async () => table.locator('tbody tr:visible td:first-child').allTextContents();
    await table.locator('th', { hasText: 'Subject' }).locator('button').click();
    const sorted = (await table.locator('tbody td:first-child').allTextContents()).slice(0, LIST_PREVIEW);
    expect(await firstCells()).toEqual(sorted);
    await page.locator('button[data-show-all="t-drift-cin-over-6-months"]').click();
    expect(await table.locator('tbody tr:visible').count()).toBe(all);
    expect(await page.locator('[data-more="t-drift-cin-over-6-months"]').isVisible()).toBe(false);
  });

  it('links every section from its contents bar', async () => {
    const page = await open(out('report.html'));
    const targets = await page.locator('nav.contents a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!.slice(1)));
    expect(targets).toEqual(expect.arrayContaining(['overview', 'teams', 'findings', 'inputs', 'manifest', 'list-drift-cin-open-over-6-months']));
    for (const id of targets) expect(await page.locator(`[id="${id}"]`).count(), id).toBe(1);
  });

  it('prints on A4 landscape with no table cut: each fits the page width, header rows repeat, each list starts a page', async () => {
    const page = await open(out('report.html'));
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: A4_LANDSCAPE_PX, height: 800 });
    const tables = await page.locator('table').evaluateAll((ts) => ts.map((t) => ({ id: t.id, right: t.getBoundingClientRect().right, width: t.scrollWidth })));
    expect(tables.length).toBeGreaterThan(10);
    for (const t of tables) expect(t.right, t.id).toBeLessThanOrEqual(A4_LANDSCAPE_PX);
    expect(await page.locator('thead').first().evaluate((h) => getComputedStyle(h).display)).toBe('table-header-group');
    expect(await page.locator('section.list').first().evaluate((s) => getComputedStyle(s).breakBefore)).toBe('page');
    expect(await page.locator('nav.contents').isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4', landscape: true, preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('gives the board counts and charts but no list of cases', async () => {
    const page = await open(out('board.html'));
    expect(await page.locator('svg').count()).toBe(4);
    expect(await page.locator('input[data-filter]').count()).toBe(0);
    expect(await page.locator('text=Child Unique ID').count()).toBe(0);
    expect(await page.locator('#t-overview tbody th').count()).toBeGreaterThan(10);
    expect(await page.locator('a[href^="#list-"]').count()).toBe(0);
    expect(trouble).toEqual([]);
  });

  it('prints the drift list a page per team', async () => {
    const page = await open(out('drift.html'));
    await page.emulateMedia({ media: 'print' });
    const teams = page.locator('section.team');
    expect(await teams.count()).toBeGreaterThan(10);
    expect(await teams.first().evaluate((s) => getComputedStyle(s).breakBefore)).toBe('page');
    expect(await page.locator('.controls').first().isVisible()).toBe(false);
    await page.setViewportSize({ width: A4_LANDSCAPE_PX, height: 800 });
    const rights = await page.locator('table').evaluateAll((ts) => ts.map((t) => t.getBoundingClientRect().right));
    expect(Math.max(...rights)).toBeLessThanOrEqual(A4_LANDSCAPE_PX);
    const heads = await page.locator('section.team table').first().locator('th').allTextContents();
    expect(heads).toEqual(expect.arrayContaining(['Subject', 'Days Overdue', 'Team', 'Worker', 'Message', 'Exception ID']));
    expect(heads.at(-1)).toBe('Clinic Outcome');
    const box = await page.locator('section.team tbody tr').first().locator('td').last().boundingBox();
    // Room to write by hand on the printed page: at least 25 mm wide and 8 mm high.
    expect(box!.width).toBeGreaterThanOrEqual((25 / 25.4) * 96);
    expect(box!.height).toBeGreaterThanOrEqual((8 / 25.4) * 96);
    expect(await page.locator('section.team tbody td:last-child').allTextContents()).toEqual(expect.not.arrayContaining([expect.stringMatching(/\S/)]));
    expect(trouble).toEqual([]);
  });
});
