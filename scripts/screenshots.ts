/**
 * The README's pictures, retaken only when asked: runs the weekly demo (scripts/demo-weekly.ts),
 * then photographs in headless chromium the first screen (1400 × 900) of week 2's check page
 * into docs/report-screenshot.png and of the trend page into docs/trend-screenshot.png.
 * Run: npm run screenshots   (needs /usr/bin/chromium: apt-get install -y chromium)
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from './chromium.js';
import { weeklyDemo } from './demo-weekly.js';

const { page: checkPage, trend } = await weeklyDemo();
const { context, close } = await launchChromium({ width: 1400, height: 900 });
const page = await context.newPage();
await page.goto(pathToFileURL(path.resolve(checkPage)).href);
await page.screenshot({ path: 'docs/report-screenshot.png' });
await page.goto(pathToFileURL(path.resolve(trend)).href);
await page.screenshot({ path: 'docs/trend-screenshot.png' });
await close();
console.log('docs/report-screenshot.png, docs/trend-screenshot.png');
