/**
 * The weekly routine on the demo county over eight weeks (18/01/2017 to 08/03/2017): week 1 is
 * fixtures/demo, each later week derived from it (scripts/demo/week2.ts: more drifting cases
 * closed each week). Each week is checked against the week before to JSON in out/demo-weekly/;
 * from week 5 the drift rule is edited (a new version, as a rule author would), so the trend
 * marks the change. Week 2 is also written as the check page, team workbooks and the board's
 * page, and the eight reports are drawn as out/demo-trend.html and .xlsx. Weeks 3 to 8 judge the
 * same extracts at later dates (only the closures change), so their counts climb as cases pass
 * their due dates: a real routine loads fresh extracts each week.
 * Run: npm run demo:weekly   (the README's pictures: npm run screenshots)
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../src/cli/run.js';
import { weekAsOf, writeWeek } from './demo/week2.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const WEEKS = 8;
/** The first week run with the edited drift rule. */
const RULE_CHANGED_IN = 5;
const DIR = 'out/demo-weekly';
/** The week written as the check page, team workbooks and board page. */
const PAGE_WEEK = 2;

async function comply(...args: string[]): Promise<void> {
  if ((await main(['node', 'comply', ...args, '--quiet'])) !== 0) throw new Error(`comply ${args.join(' ')} failed`);
}

/** The shipped rules with the drift rule's next version (its description reworded): the same cases, another SHA-256. */
function editedRules(to: string): string {
  fs.cpSync(path.join(ROOT, 'rules'), to, { recursive: true });
  const file = path.join(to, 'drift', 'cin-open-over-6-months.rule.json');
  const rule = JSON.parse(fs.readFileSync(file, 'utf8')) as { version: number; description: string };
  fs.writeFileSync(file, `${JSON.stringify({ ...rule, version: rule.version + 1, description: `${rule.description} (Reviewed by the improvement board.)` }, null, 2)}\n`);
  return to;
}

/** Runs the eight weeks and the trend; returns the files a reader opens first. */
export async function weeklyDemo(): Promise<{ page: string; trend: string }> {
  process.chdir(ROOT);
  fs.rmSync(DIR, { recursive: true, force: true });
  const rules = editedRules(path.join(DIR, 'rules-edited'));
  const report = (week: number) => path.join(DIR, 'reports', `week-${String(week).padStart(2, '0')}.json`);
  const args = (week: number) => {
    const data = week === 1 ? 'fixtures/demo' : path.join(DIR, `data-week-${week}`);
    if (week > 1) writeWeek('fixtures/demo', data, week);
    const pack = week >= RULE_CHANGED_IN ? ['--rules', rules] : [];
    return ['--data', data, '--as-of', weekAsOf(week), ...pack, ...(week > 1 ? ['--baseline', report(week - 1)] : [])];
  };
  for (let week = 1; week <= WEEKS; week++) {
    const given = args(week);
    await comply('check', ...given, '--out', report(week));
    if (week === PAGE_WEEK) {
      await comply('check', ...given, '--out', 'out/demo-week2.html');
      await comply('check', ...given, '--split-by', 'team', '--out', 'out/demo-teams');
      await comply('check', ...given, '--aggregate-only', '--out', 'out/demo-board.html');
    }
  }
  await comply('trend', path.join(DIR, 'reports'), '--out', 'out/demo-trend.html');
  await comply('trend', path.join(DIR, 'reports'), '--out', 'out/demo-trend.xlsx');
  return { page: 'out/demo-week2.html', trend: 'out/demo-trend.html' };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await weeklyDemo();
  console.log('out/demo-weekly/reports/ (8 weeks), out/demo-week2.html, out/demo-teams/, out/demo-board.html, out/demo-trend.html, out/demo-trend.xlsx');
}
