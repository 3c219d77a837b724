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
import { demoWeeks, ok, WEEK2_AS_OF } from './demo-weeks.js';

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

  it('gives the board counts and charts but no list of cases', async () => {
    const page = await open(out('board.html'));
    expect(await page.locator('svg').count()).toBe(4);
    expect(await page.locator('input[data-filter]').count()).toBe(0);
    expect(await page.locator('text=Child Unique ID').count()).toBe(0);
    expect(trouble).toEqual([]);
  });

  it('prints the drift list a page per team', async () => {
    const page = await open(out('drift.html'));
    await page.emulateMedia({ media: 'print' });
    const teams = page.locator('section.team');
    expect(await teams.count()).toBeGreaterThan(10);
    expect(await teams.first().evaluate((s) => getComputedStyle(s).breakBefore)).toBe('page');
    expect(await page.locator('.controls').first().isVisible()).toBe(false);
    expect(trouble).toEqual([]);
  });
});
