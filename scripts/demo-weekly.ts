/**
 * The weekly routine on the demo county, and the README's picture of its report: runs the demo
 * for 18/01/2017 to JSON, derives the week after (scripts/demo/week2.ts), runs it with --baseline
 * to HTML, team workbooks and the board's aggregate page, and photographs the top of the HTML
 * report in headless chromium into docs/report-screenshot.png.
 * Run: npm run demo:weekly   (needs /usr/bin/chromium: apt-get install -y chromium)
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { main } from '../src/cli/run.js';
import { launchChromium } from './chromium.js';
import { WEEK2_AS_OF, writeWeek2 } from './demo/week2.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(ROOT);

async function comply(...args: string[]): Promise<void> {
  if ((await main(['node', 'comply', ...args])) !== 0) throw new Error(`comply ${args.join(' ')} failed`);
}

writeWeek2('fixtures/demo', 'out/demo-week2');
await comply('check', '--data', 'fixtures/demo', '--as-of', '2017-01-18', '--out', 'out/demo-week1.json');
await comply('check', '--data', 'out/demo-week2', '--as-of', WEEK2_AS_OF, '--baseline', 'out/demo-week1.json', '--out', 'out/demo-week2.html');
await comply('check', '--data', 'out/demo-week2', '--as-of', WEEK2_AS_OF, '--baseline', 'out/demo-week1.json', '--split-by', 'team', '--out', 'out/demo-teams');
await comply('check', '--data', 'out/demo-week2', '--as-of', WEEK2_AS_OF, '--baseline', 'out/demo-week1.json', '--aggregate-only', '--out', 'out/demo-board.html');
const { context, close } = await launchChromium({ width: 1280, height: 1000 });
const page = await context.newPage();
await page.goto(pathToFileURL(path.join(ROOT, 'out/demo-week2.html')).href);
await page.screenshot({ path: 'docs/report-screenshot.png' });
await close();
console.log('out/demo-week2.html, out/demo-teams/, out/demo-board.html; docs/report-screenshot.png');
