// A baseline whose first-seen dates are later than its own as-of date (edited, or made from a
// later run) must never give negative weeks open; one saved again with a byte order mark is read.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { complyHere, tempDir } from '../helpers/cli.js';

/** One drifting child's List 6 and the JSON report of a check of it as of 11 January 2017, to use as the baseline. */
async function weekOne(): Promise<{ data: string; week1: string }> {
  const dir = tempDir();
  const data = join(dir, 'list6.csv');
  writeFileSync(data, 'Child Unique ID,CIN Start Date,CIN Closure Date,Allocated Team,Allocated Worker\r\nC1,01/06/2016,,T,W\r\n');
  const week1 = join(dir, 'week1.json');
  expect((await complyHere('check', '--data', data, '--as-of', '2017-01-11', '--out', week1, '--quiet')).status).toBe(0);
  return { data, week1 };
}

const weekTwo = (data: string, week1: string) => complyHere('check', '--data', data, '--as-of', '2017-01-18', '--baseline', week1, '--format', 'json');

it("a first-seen date after the baseline's as-of date is taken as its as-of date, with a finding", async () => {
  const { data, week1 } = await weekOne();
  const report = JSON.parse(readFileSync(week1, 'utf8')) as { exceptions: { firstSeen?: string }[] };
  report.exceptions[0]!.firstSeen = '2017-03-01';
  writeFileSync(week1, JSON.stringify(report));
  const run = await weekTwo(data, week1);
  expect(run.status).toBe(0);
  const week2 = JSON.parse(run.stdout) as { exceptions: { status: string; firstSeen: string; weeksOpen: number }[]; findings: { kind: string; message: string }[] };
  expect(week2.exceptions).toMatchObject([{ status: 'open', firstSeen: '2017-01-11', weeksOpen: 1 }]);
  expect(week2.findings.filter((f) => f.kind === 'baseline').map((f) => f.message)).toEqual([
    '1 exception(s) in the baseline were first seen after its as-of date 11/01/2017, which cannot be: taken as first seen on 11/01/2017',
  ]);
});

it('a baseline saved again with a byte order mark (as Notepad does) is read', async () => {
  const { data, week1 } = await weekOne();
  writeFileSync(week1, `\uFEFF${readFileSync(week1, 'utf8')}`);
  const run = await weekTwo(data, week1);
  expect(run.stderr).toBe('');
  expect((JSON.parse(run.stdout) as { exceptions: { status: string }[] }).exceptions).toMatchObject([{ status: 'open' }]);
});
