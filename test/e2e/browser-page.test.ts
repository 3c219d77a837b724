// dist/comply.html in a real headless browser (Debian's chromium driven by playwright-core): opened
// from disk, given the files as a user picks them, it gives the same JSON and workbook as the command
// line, shows what could not be read, validates a council's rules, and makes no network request.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Download, Page } from 'playwright-core';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPage } from '../../scripts/build-page.js';
import { CHROMIUM, hasChromium, launchChromium } from '../../scripts/chromium.js';
import { checkInPage } from '../../src/browser/check.js';
import { CHOSEN_TWICE } from '../../src/browser/inputs.js';
import { dayFromIso } from '../../src/calendar/index.js';
import { VERSION } from '../../src/cli/version.js';
import { loadPack } from '../../src/node/load-pack.js';
import { jsonReport } from '../../src/report/json.js';
import { ROOT } from '../helpers/cli.js';
import { AS_OF } from '../helpers/corpus.js';
import { complyIn, folderBytes } from '../browser/same-answers.js';
import { demoWeeks, ok, WEEK2_AS_OF } from './demo-weeks.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'comply-page-'));
const PAGE = path.join(tmp, 'comply.html');
const FIXTURES = path.join(ROOT, 'fixtures');
const CORPUS = path.join(ROOT, 'test', 'hostile', 'corpus');

if (!hasChromium()) console.warn(`Skipping the browser page tests: ${CHROMIUM} is missing (apt-get install -y chromium; .ci/run does it)`);

describe.skipIf(!hasChromium())('the browser page, dist/comply.html', () => {
  let context: BrowserContext;
  let close: () => Promise<void>;
  /**
   * Every request a page made that reached the network layer (the page's own file and its worker's
   * blob: URL aside: nothing else may), every one refused before it did, and any error.
   */
  const reached: string[] = [];
  const refused: string[] = [];
  const trouble: string[] = [];

  async function open(): Promise<Page> {
    const page = await context.newPage();
    const url = pathToFileURL(PAGE).href;
    await page.route('**/*', (route) => {
      if (route.request().url() === url) return route.continue();
      reached.push(route.request().url());
      return route.abort();
    });
    page.on('requestfailed', (r) => refused.push(`${r.failure()?.errorText} ${r.url()}`));
    page.on('console', (m) => m.type() === 'error' && trouble.push(`console: ${m.text()}`));
    page.on('pageerror', (e) => trouble.push(`page error: ${e.message}`));
    await page.goto(url);
    return page;
  }

  /** Presses Check and waits for the status to say it is done. */
  async function check(page: Page): Promise<string> {
    await page.getByTestId('run').click();
    const status = page.getByTestId('status');
    await status.filter({ hasText: /^Done: \d+ exception\(s\)/ }).waitFor({ timeout: 120_000 });
    return (await status.textContent())!;
  }

  /** Clicks a download link once it is ready (the drift list and team workbooks are made after the check is done). */
  async function download(page: Page, testId: string): Promise<{ download: Download; bytes: Buffer }> {
    await page.locator(`[data-testid="${testId}"][href]`).waitFor({ timeout: 120_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
    return { download, bytes: fs.readFileSync((await download.path())!) };
  }

  beforeAll(async () => {
    await buildPage(PAGE);
    ({ context, close } = await launchChromium());
  }, 120_000);

  afterAll(async () => {
    await close?.();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('checks a picked folder: the JSON report and the workbook are the command line\'s, byte for byte', async () => {
    const page = await open();
    await page.getByTestId('folder').setInputFiles(path.join(FIXTURES, 'demo'));
    await page.getByTestId('as-of').fill(AS_OF);
    const status = await check(page);
    const cli = await complyIn(FIXTURES, 'check', '--data', 'demo', '--as-of', AS_OF, '--format', 'json');
    const exceptions = (JSON.parse(cli.stdout) as { exceptions: unknown[] }).exceptions.length;
    expect(status).toContain(`${exceptions} exception(s)`);
    const json = await download(page, 'download-json');
    expect(json.download.suggestedFilename()).toBe(`comply-${AS_OF}.json`);
    expect(json.bytes.toString('utf8')).toBe(cli.stdout);
    const xlsx = await download(page, 'download-xlsx');
    const out = path.join(tmp, 'cli.xlsx');
    expect((await complyIn(FIXTURES, 'check', '--data', 'demo', '--as-of', AS_OF, '--out', out, '--quiet')).status).toBe(0);
    expect(Buffer.compare(xlsx.bytes, fs.readFileSync(out))).toBe(0);
    const report = page.frameLocator('[data-testid=report]');
    await expect.poll(() => report.locator('body').textContent()).toContain('18/01/2017');
    expect(await report.locator('h1').evaluate((h) => h.getBoundingClientRect().height)).toBeGreaterThan(0);
    expect(trouble).toEqual([]);
    expect(await report.locator('body').evaluate(() => fetch('https://example.org/from-the-report').then(() => 'fetched', () => 'refused'))).toBe('refused');
    trouble.splice(0); // the refusal's own console errors
  });

  it('names each file it cannot read as the command line does, and checks the rest', async () => {
    const page = await open();
    await page.getByTestId('folder').setInputFiles(CORPUS);
    await page.getByTestId('as-of').fill(AS_OF);
    await check(page);
    const expected = checkInPage({ ...folderBytes(CORPUS), asOf: dayFromIso(AS_OF)!, pack: loadPack(), version: VERSION });
    expect(expected.unread.length).toBeGreaterThanOrEqual(7);
    expect(await page.getByTestId('problems').locator('li').allTextContents()).toEqual(expected.unread);
    expect((await download(page, 'download-json')).bytes.toString('utf8')).toBe(jsonReport(expected.check));
  });

  it("compares with last week's JSON report as the command line does, and gives the same drift list and team workbooks", async () => {
    const weeks = path.join(tmp, 'weeks');
    const { week1, week2 } = demoWeeks(weeks);
    const files = fs.readdirSync(week2).sort();
    await ok('check', '--data', week1, '--as-of', AS_OF, '--out', path.join(week2, 'last-week.json'), '--quiet');
    const page = await open();
    await page.getByTestId('files').setInputFiles(files.map((f) => path.join(week2, f)));
    await page.getByTestId('baseline').setInputFiles(path.join(week2, 'last-week.json'));
    await page.getByTestId('as-of').fill(WEEK2_AS_OF);
    await check(page);
    const cli = (...args: string[]) => complyIn(week2, ...args, '--data', ...files, '--as-of', WEEK2_AS_OF);
    expect((await download(page, 'download-json')).bytes.toString('utf8')).toBe((await cli('check', '--baseline', 'last-week.json', '--format', 'json')).stdout);
    expect((await cli('drift', '--out', path.join(weeks, 'drift.xlsx'), '--quiet')).status).toBe(0);
    expect(Buffer.compare((await download(page, 'download-drift-xlsx')).bytes, fs.readFileSync(path.join(weeks, 'drift.xlsx')))).toBe(0);
    const split = path.join(weeks, 'teams');
    expect((await cli('check', '--baseline', 'last-week.json', '--split-by', 'team', '--out', split, '--quiet')).status).toBe(0);
    const zipped = unzipSync((await download(page, 'download-teams')).bytes);
    expect(Object.keys(zipped).sort()).toEqual(fs.readdirSync(split).sort());
    for (const [name, bytes] of Object.entries(zipped)) expect(Buffer.compare(Buffer.from(bytes), fs.readFileSync(path.join(split, name))), name).toBe(0);
    expect(trouble).toEqual([]);
  });

  it('uses a council\'s rule pack once it validates: problems shown as `comply validate` prints them, and a check like `comply check --rules`', async () => {
    const pack = path.join(tmp, 'council', 'our-rules');
    fs.mkdirSync(path.join(pack, 'drift'), { recursive: true });
    for (const f of ['cin-open-over-6-months.rule.json', 'cin-open-over-6-months.cases.json']) fs.copyFileSync(path.join(ROOT, 'rules', 'drift', f), path.join(pack, 'drift', f));
    const rule = path.join(pack, 'drift', 'cin-open-over-6-months.rule.json');
    const good = fs.readFileSync(rule, 'utf8');
    fs.writeFileSync(rule, good.replace(/"severity": "\w+"/, '"severity": "urgent"'));
    const page = await open();
    await page.getByTestId('rules').setInputFiles(pack);
    const validate = await complyIn(path.dirname(pack), 'validate', '--rules', 'our-rules');
    expect(validate.status).toBe(1);
    await expect.poll(() => page.getByTestId('rules-report').textContent()).toBe(validate.stdout.trimEnd());
    await page.getByTestId('folder').setInputFiles(path.join(FIXTURES, 'demo'));
    await page.getByTestId('as-of').fill(AS_OF);
    await page.getByTestId('run').click();
    await expect.poll(() => page.getByTestId('status').textContent()).toMatch(/^The rule pack our-rules has 1 problem\(s\)/);

    fs.writeFileSync(rule, good);
    await page.getByTestId('rules').setInputFiles(pack);
    const clean = await complyIn(path.dirname(pack), 'validate', '--rules', 'our-rules');
    expect(clean.stdout).toMatch(/^No problems: 1 rule file\(s\)/);
    await expect.poll(() => page.getByTestId('rules-report').textContent()).toBe(clean.stdout.trimEnd());
    expect(await check(page)).toMatch(/from 1 rule\(s\)/);
    const cli = await complyIn(FIXTURES, 'check', '--rules', pack, '--data', 'demo', '--as-of', AS_OF, '--format', 'json');
    expect((await download(page, 'download-json')).bytes.toString('utf8')).toBe(cli.stdout);
    await page.getByTestId('shipped-rules').click();
    expect(await check(page)).not.toMatch(/from 1 rule\(s\)/);
  });

  it('names two different files chosen under one name in its report, and says when a dropped file or a rules folder cannot be read', async () => {
    const twice = ['a', 'b'].map((d) => path.join(tmp, 'twice', d, 'list6.csv'));
    for (const [i, file] of twice.entries()) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, `Child Unique ID,CIN Start Date,CIN Closure Date,Allocated Team,Allocated Worker\nC${i},01/06/2016,,Team,Worker ${'x'.repeat(i)}\n`);
    }
    const page = await open();
    for (const file of twice) await page.getByTestId('files').setInputFiles(file);
    await expect.poll(() => page.locator('#chosen li').allTextContents()).toEqual(['list6.csv', 'list6.csv (two different files chosen under this name: the one chosen last is checked)']);
    await page.getByTestId('as-of').fill(AS_OF);
    await check(page);
    const report = JSON.parse((await download(page, 'download-json')).bytes.toString('utf8')) as { exceptions: { subject: string }[]; findings: unknown[] };
    expect(report.exceptions.map((e) => e.subject)).toEqual(['C1']);
    expect(report.findings).toContainEqual({ file: 'list6.csv', kind: 'unreadable-file', level: 'warning', message: CHOSEN_TWICE });

    await page.evaluate(() => {
      const entry = { isFile: true, fullPath: '/gone.csv', file: (_: unknown, fail: (e: Error) => void) => fail(new Error('the file is gone')) };
      document.getElementById('drop')!.dispatchEvent(Object.assign(new Event('drop', { cancelable: true }), { dataTransfer: { items: [{ webkitGetAsEntry: () => entry }] } }));
    });
    await expect.poll(() => page.getByTestId('status').textContent()).toBe('A dropped file or folder could not be read (the file is gone): the files listed are those read; drop or choose the rest again.');
    await page.evaluate(() => {
      const input = document.getElementById('rules')!;
      Object.defineProperty(input, 'files', { value: [{ name: 'x.rule.json', webkitRelativePath: 'our-rules/x.rule.json', text: () => Promise.reject(new Error('the folder is gone')) }] });
      input.dispatchEvent(new Event('change'));
    });
    await expect.poll(() => page.locator('#rules-in-use').textContent()).toBe('The rules folder our-rules could not be read (the folder is gone): the rules used are unchanged; choose the folder again.');
    expect(trouble).toEqual([]);
  });

  it('says NOT CHECKED, as the command line does when it exits 3, when no rule had any input', async () => {
    const folder = path.join(tmp, 'nothing-to-check');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'shopping.csv'), 'Item,Price\nApples,1.20\n');
    const page = await open();
    await page.getByTestId('folder').setInputFiles(folder);
    await page.getByTestId('as-of').fill(AS_OF);
    await check(page);
    const cli = await complyIn(tmp, 'check', '--data', 'nothing-to-check', '--as-of', AS_OF, '--format', 'json');
    expect(cli.status).toBe(3);
    const said = cli.stderr.split('\n').find((line) => line.includes('NOT CHECKED'))!;
    expect(said).toMatch(/^comply: NOT CHECKED: none of the \d+ rule\(s\) could run/);
    expect(await page.getByTestId('problems').locator('li').allTextContents()).toEqual([said.replace(/^comply: /, '')]);
    expect((await download(page, 'download-json')).bytes.toString('utf8')).toBe(cli.stdout);
  });

  it('is labelled and can be worked from the keyboard alone', async () => {
    const page = await open();
    const tree = await page.locator('main').ariaSnapshot();
    for (const control of ['button "Files"', 'button "A folder (every file in it)"', 'textbox "As-of date"', 'button "Last week\'s JSON report (optional)"', 'button "Use our rules (a rule pack folder)"', 'button "Check"', 'status:']) {
      expect(tree).toContain(control);
    }
    const order: string[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? ''));
    }
    expect([...new Set(order)].filter(Boolean)).toEqual(['files', 'folder', 'clear', 'as-of', 'baseline', 'rules', 'shipped-rules', 'run']);
    await page.getByTestId('folder').setInputFiles(path.join(FIXTURES, 'demo'));
    await page.getByTestId('as-of').fill(AS_OF);
    await page.getByTestId('run').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('status').filter({ hasText: /^Done: \d+ exception\(s\)/ }).waitFor({ timeout: 120_000 });
    const done = await page.locator('main').ariaSnapshot();
    expect(done).toContain('link "JSON report (.json) for next week\'s baseline"');
    expect(done).toContain('link "Exceptions workbook (.xlsx)"');
    expect(await page.getByTestId('report').getAttribute('title')).toBe("The check's report");
  });

  it('can reach nothing: its Content-Security-Policy refuses every request, and none is made', async () => {
    const page = await open();
    const violations = await page.evaluate(async () => {
      const seen: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI}`));
      await fetch('https://example.org/fetch').catch(() => undefined);
      const img = Object.assign(document.createElement('img'), { src: 'https://example.org/img.png' });
      document.body.append(img);
      await new Promise((resolve) => setTimeout(resolve, 200));
      return seen;
    });
    expect(violations).toEqual(['connect-src https://example.org/fetch', 'img-src https://example.org/img.png']);
    expect(refused).toContain('csp https://example.org/img.png');
  });

  afterAll(() => {
    expect(reached).toEqual([]);
    expect(refused.filter((r) => !r.startsWith('csp '))).toEqual([]);
  });
});
