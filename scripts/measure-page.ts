/**
 * Times the browser page in headless Chromium (`npx tsx scripts/measure-page.ts [rows]`): the
 * demo county, then List 6 alone at `rows` rows (default 100,000, 0 for none; the demo's rows
 * replicated with distinct ids) as CSV and as a workbook. For each: seconds from Check to the report shown
 * and to every download ready, and the longest time the page's own thread was busy meanwhile
 * (Chromium's long tasks), which is what a user would feel as the page freezing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as XLSX from 'xlsx';
import { buildPage } from './build-page.js';
import { launchChromium } from './chromium.js';
import { generate } from './bench/generate.js';
import { loadPack } from '../src/node/load-pack.js';

const rows = Number(process.argv[2] ?? 100_000);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'comply-measure-'));
const page = path.join(tmp, 'comply.html');
await buildPage(page);

/** List 6 at `rows` rows: the bench's generator at a total that gives it about that many, then cut to exactly that many. */
async function list6(): Promise<{ csv: string; xlsx: string }> {
  const pack = loadPack();
  let total = rows;
  for (;;) {
    const made = await generate(pack, path.join(tmp, 'gen'), total, false);
    const got = made.rows['annex-a-list-6'] ?? 0;
    if (got >= rows) break;
    total = Math.ceil(total * (rows / Math.max(got, 1)) * 1.05);
  }
  const lines = fs.readFileSync(path.join(tmp, 'gen', 'csv', 'annex-a-list-6.csv'), 'utf8').split(/\r?\n/).filter(Boolean).slice(0, rows + 1);
  const csv = path.join(tmp, 'list-6.csv');
  fs.writeFileSync(csv, `${lines.join('\r\n')}\r\n`);
  const read = XLSX.read(fs.readFileSync(csv), { type: 'buffer', raw: true, dense: true });
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, read.Sheets[read.SheetNames[0]!]!, 'List 6');
  const xlsx = path.join(tmp, 'annex-a.xlsx');
  fs.writeFileSync(xlsx, XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer);
  return { csv, xlsx };
}

const { context, close } = await launchChromium();
async function measure(label: string, files: string[], asOf: string) {
  const tab = await context.newPage();
  await tab.goto(pathToFileURL(page).href);
  await tab.evaluate(() => {
    const w = window as unknown as { longest: number };
    w.longest = 0;
    new PerformanceObserver((list) => list.getEntries().forEach((e) => (w.longest = Math.max(w.longest, e.duration)))).observe({ type: 'longtask' });
  });
  await tab.getByTestId('files').setInputFiles(files);
  await tab.getByTestId('as-of').fill(asOf);
  await tab.evaluate(() => ((window as unknown as { longest: number }).longest = 0));
  const start = Date.now();
  await tab.getByTestId('run').click();
  await tab.locator('#report-panel').waitFor({ state: 'visible', timeout: 600_000 });
  const shown = (Date.now() - start) / 1000;
  await tab.getByTestId('status').filter({ hasText: /^Done: / }).waitFor({ timeout: 600_000 });
  const done = (Date.now() - start) / 1000;
  const longest = await tab.evaluate(() => (window as unknown as { longest: number }).longest);
  process.stdout.write(`${label}: report shown ${shown.toFixed(1)} s, every download ready ${done.toFixed(1)} s, longest busy spell of the page's thread ${Math.round(longest)} ms; ${await tab.getByTestId('status').textContent()}\n`);
  await tab.close();
}

try {
  const demo = fileURLToPath(new URL('../fixtures/demo/', import.meta.url));
  const demoFiles = fs.readdirSync(demo, { recursive: true, encoding: 'utf8' }).map((f) => path.join(demo, f)).filter((f) => fs.statSync(f).isFile());
  for (let run = 1; run <= 3; run++) await measure(`demo county, run ${run}`, demoFiles, '2017-01-18');
  if (rows > 0) {
    const big = await list6();
    await measure(`List 6, ${rows.toLocaleString('en-GB')} rows, CSV (${(fs.statSync(big.csv).size / 2 ** 20).toFixed(1)} MB)`, [big.csv], '2017-01-18');
    await measure(`List 6, ${rows.toLocaleString('en-GB')} rows, .xlsx (${(fs.statSync(big.xlsx).size / 2 ** 20).toFixed(1)} MB)`, [big.xlsx], '2017-01-18');
  }
} finally {
  await close();
  fs.rmSync(tmp, { recursive: true, force: true });
}
