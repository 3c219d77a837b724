// The shipped demo data: the homes rules find what the generator planted (scripts/demo/homes.ts).
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { runFromOptions } from '../../src/cli/run-options.js';
import { complyHere, ROOT, tempDir } from '../helpers/cli.js';
import { openWorkbook } from '../helpers/workbook.js';

const DEMO = path.join(ROOT, 'fixtures', 'demo');
const HOMES_FILES = ['ofsted-children-homes.xlsx', 'reg44-visits.xlsx', 'reg45-reviews.xlsx'].map((f) => path.join(DEMO, f));

async function homesRun(asOf: string) {
  const { result } = await runFromOptions({ data: HOMES_FILES, asOf }, (rule) => (rule.tags ?? []).includes('childrens-homes'));
  const of = (id: string) => result.exceptions.filter((e) => e.ruleId === id).map((e) => `${e.subject} ${e.dueDate}`);
  return { result, of };
}

it('at 18 Jan 2017: 8 late and 3 unsent Reg 44 reports, High Etherley’s missed Reg 45 review, West Rainton and Moorside inspections', async () => {
  const { result, of } = await homesRun('2017-01-18');
  const late = result.exceptions.filter((e) => e.ruleId === 'reg44.report-late');
  expect(late.filter((e) => e.columns['Report Sent Date'] !== null)).toHaveLength(8);
  expect(late.filter((e) => e.columns['Report Sent Date'] === null)).toHaveLength(3);
  expect(of('reg45.review-overdue')).toEqual(['SC047298 2016-10-14']);
  expect(of('reg45.report-late')).toEqual([]);
  expect(of('inspection.full-overdue')).toEqual(['SC047213 2016-12-15']);
  expect(of('inspection.second-inspection-overdue')).toEqual(['SC047262 2016-12-28']);
  expect(of('inspection.full-due-soon')).toEqual([]);
  expect(result.rules.every((r) => r.ran && r.counts.notEvaluable === 0)).toBe(true);
});

it('the two late Reg 45 reports of 2015 count only while they are in the window', async () => {
  expect((await homesRun('2016-01-31')).of('reg45.report-late')).toEqual(['SC047235 2015-02-05', 'SC047298 2015-12-08']);
  expect((await homesRun('2016-06-30')).of('reg45.report-late')).toEqual(['SC047298 2015-12-08']);
});

it('the Homes overview: one row per active home, its inspections, months with no Reg 44 visit and latest Reg 45 review', async () => {
  const { result } = await homesRun('2017-01-18');
  const homes = result.overviews.find((o) => o.id === 'homes')!;
  const byName = new Map(homes.rows.map((r) => [r[1], r]));
  expect([...byName.keys()]).not.toContain('Beechwood Lodge');
  expect(homes.rows).toHaveLength(11);
  const missed = Object.fromEntries(homes.rows.filter((r) => r[5] !== 0).map((r) => [r[1], r[5]]));
  expect(missed).toEqual({ 'Cedar Drive': 2, Moorside: 2, 'Park House': 1, 'New Lea House': 1 });
  expect(byName.get('High Etherley')!.slice(2)).toEqual(['2016-09-27', 'Good', '2017-09-27', 0, '2016-04-14']);
  expect(byName.get('Hillcrest View')!.slice(2, 5)).toEqual([null, null, '2017-03-01']);
});

it('comply template reg45-reviews writes a blank Reg 45 review log that the checker recognises', async () => {
  const out = path.join(tempDir('reg45-'), 'reviews.xlsx');
  expect((await complyHere('template', 'reg45-reviews', '--out', out)).status).toBe(0);
  expect(openWorkbook(out).rows('Reg 45 reviews')).toEqual([['URN', 'Setting Name', 'Review Completed Date', 'Report Sent Date']]);
  const { result } = await runFromOptions({ data: [out], asOf: '2017-01-18' });
  expect(result.inputs).toEqual([expect.objectContaining({ sheet: 'Reg 45 reviews', dataset: 'reg45-reviews', rows: 0 })]);
  fs.rmSync(path.dirname(out), { recursive: true });
});

it('the text summary prints the Homes overview, dates as dd/mm/yyyy', async () => {
  const run = await complyHere('check', '--data', ...HOMES_FILES, '--as-of', '2017-01-18', '--format', 'text');
  expect(run.status).toBe(0);
  const lines = run.stdout.split('\n');
  const title = lines.findIndex((l) => l.startsWith("Children's homes"));
  expect(lines[title]).toMatch(/\(11\)$/);
  expect(lines[title + 1]).toMatch(/^ {2}URN +Setting Name +Latest Full Inspection/);
  expect(lines.find((l) => l.includes('High Etherley'))).toMatch(/SC047298 +High Etherley +27\/09\/2016 +Good +27\/09\/2017 +0 +14\/04\/2016$/);
});
