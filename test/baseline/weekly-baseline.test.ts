// The weekly baseline on three purpose-made weeks, where every child's and worker's status is
// known by construction: what is new, what is still open and for how many weeks, what was
// resolved (and how long it had been open), and what could not be re-checked because its
// input was missing this week.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { complyHere, tempDir } from '../helpers/cli.js';
import { once } from '../helpers/once.js';
import { openWorkbook } from '../helpers/workbook.js';

interface Exception { id: string; ruleId: string; subject: string; status?: string; firstSeen?: string; weeksOpen?: number }
interface Report { exceptions: Exception[]; resolved?: Exception[]; findings: { kind: string; ruleId?: string; message: string }[]; summary: { totals: Record<string, number> } }

const LIST6 = 'Child Unique ID,CIN Start Date,CIN Closure Date,Allocated Team,Allocated Worker';
const STAFF = 'Worker ID,Worker Name,Team,Start Date';
/** Weeks 0 and 1: children A, B and C open more than six months; workers W1 and W2 never supervised. */
const BEFORE = {
  'list6.csv': [LIST6, 'A,01/03/2016,,North,Ann', 'B,01/04/2016,,North,Ann', 'C,01/05/2016,,South,Sam'],
  'staff.csv': [STAFF, 'W1,Ann,North,04/01/2016', 'W2,Sam,South,04/01/2016'],
  'supervision.csv': ['Worker ID,Supervision Date', 'W9,01/12/2016'],
};
/** Week 2: B closed on 10 January, C gone from the extract, D newly drifting; no staff list or supervision log. */
const WEEK2 = { 'list6.csv': [LIST6, 'A,01/03/2016,,North,Ann', 'B,01/04/2016,10/01/2017,North,Ann', 'D,01/07/2016,,South,Sam'] };

const dir = tempDir();
const week = (name: string, files: Record<string, string[]>) => {
  fs.mkdirSync(path.join(dir, name), { recursive: true });
  for (const [file, lines] of Object.entries(files)) fs.writeFileSync(path.join(dir, name, file), lines.join('\r\n'));
  return path.join(dir, name);
};
const check = async (data: string, asOf: string, out: string, baseline?: string) => {
  const run = await complyHere('check', '--data', data, '--as-of', asOf, '--out', path.join(dir, out), '--quiet', ...(baseline ? ['--baseline', path.join(dir, baseline)] : []));
  expect(run.status, run.stderr).toBe(0);
};
const read = (name: string) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as Report;
const drift = (e: Exception) => e.ruleId === 'drift.cin-open-over-6-months';

/** The three weeks checked in turn, each against the week before; week 2's report. */
const weeks = once(async () => {
  await check(week('week0', BEFORE), '2016-12-21', 'week0.json');
  await check(week('week1', BEFORE), '2017-01-04', 'week1.json', 'week0.json');
  await check(week('week2', WEEK2), '2017-01-18', 'week2.json', 'week1.json');
  await check(path.join(dir, 'week2'), '2017-01-18', 'week2.xlsx', 'week1.json');
  return read('week2.json');
});

describe('a week after two weeks of the same exceptions', () => {
  it('week 1 has every exception open for two weeks, first seen in week 0', async () => {
    await weeks();
    const week1 = read('week1.json');
    expect(week1.exceptions.map((e) => [e.subject, e.status, e.firstSeen, e.weeksOpen])).toEqual([
      ['A', 'open', '2016-12-21', 2], ['B', 'open', '2016-12-21', 2], ['C', 'open', '2016-12-21', 2],
      ['W1', 'open', '2016-12-21', 2], ['W2', 'open', '2016-12-21', 2],
    ]);
    expect(week1.resolved).toEqual([]);
  });

  it('a child still drifting is open, weeks counted from week 0; a child drifting for the first time is new', async () => {
    const week2 = await weeks();
    expect(week2.exceptions.map((e) => [e.subject, e.status, e.firstSeen, e.weeksOpen])).toEqual([
      ['A', 'open', '2016-12-21', 4],
      ['D', 'new', '2017-01-18', 0],
    ]);
  });

  it('a case closed and a case gone from the extract are resolved, open two weeks when last seen', async () => {
    const week2 = await weeks();
    expect(week2.resolved!.map((e) => [e.subject, e.status, e.firstSeen, e.weeksOpen])).toEqual([
      ['B', 'resolved', '2016-12-21', 2],
      ['C', 'resolved', '2016-12-21', 2],
    ]);
    expect(week2.resolved!.every(drift)).toBe(true);
    expect(week2.summary.totals).toMatchObject({ exceptions: 2, resolved: 2 });
  });

  it('the workers are not resolved when the staff list is missing: they were not re-checked, and a finding says so', async () => {
    const week2 = await weeks();
    expect(week2.findings.filter((f) => f.kind === 'baseline')).toEqual([
      expect.objectContaining({
        ruleId: 'practice.supervision-overdue',
        message: '2 exception(s) of practice.supervision-overdue in the baseline were not re-checked: the rule did not run this time',
      }),
    ]);
  });

  it("the run's manifest names the baseline it was compared with: file, as-of date, size and SHA-256", async () => {
    await weeks();
    const { manifest } = JSON.parse(fs.readFileSync(path.join(dir, 'week2.json'), 'utf8')) as { manifest: { baseline: Record<string, unknown> } };
    const bytes = fs.readFileSync(path.join(dir, 'week1.json'));
    expect(manifest.baseline).toEqual({ file: path.join(dir, 'week1.json'), asOf: '2017-01-04', size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
  });

  it('the workbook has the same resolved rows, with their weeks open', async () => {
    await weeks();
    const [header, ...rows] = openWorkbook(path.join(dir, 'week2.xlsx')).rows('Resolved') as unknown[][];
    const at = (row: unknown[], name: string) => row[header!.indexOf(name)];
    expect(rows.map((r) => [at(r, 'Subject'), at(r, 'Weeks Open')])).toEqual([['B', 2], ['C', 2]]);
  });
});

describe('a baseline that cannot be compared in full', () => {
  it('one with no run manifest: the comparison is made, and a finding says the rule changes cannot be named', async () => {
    await weeks();
    const { manifest: _, ...old } = JSON.parse(fs.readFileSync(path.join(dir, 'week1.json'), 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(path.join(dir, 'old-week1.json'), JSON.stringify(old));
    await check(path.join(dir, 'week2'), '2017-01-18', 'against-old.json', 'old-week1.json');
    const report = read('against-old.json');
    expect(report.resolved!.map((e) => e.subject)).toEqual(['B', 'C']);
    expect(report.findings.filter((f) => f.kind === 'baseline').map((f) => f.message)).toEqual([
      'The baseline has no run manifest, so changes to the rules since it cannot be named',
      '2 exception(s) of practice.supervision-overdue in the baseline were not re-checked: the rule did not run this time',
    ]);
  });

  it('run with other rules: a finding names the rules added, removed and changed since the baseline', async () => {
    await weeks();
    const rules = path.join(dir, 'rules');
    fs.mkdirSync(rules, { recursive: true });
    const drift = JSON.parse(fs.readFileSync('rules/drift/cin-open-over-6-months.rule.json', 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(path.join(rules, 'drift.rule.json'), JSON.stringify({ ...drift, version: 2 }));
    fs.writeFileSync(path.join(rules, 'copy.rule.json'), JSON.stringify({ ...drift, id: 'drift.copy', sheetName: 'Copy' }));
    const run = await complyHere('check', '--data', path.join(dir, 'week2'), '--rules', rules, '--as-of', '2017-01-18', '--baseline', path.join(dir, 'week1.json'), '--format', 'json');
    expect(run.status, run.stderr).toBe(0);
    const week1Rules = (JSON.parse(fs.readFileSync(path.join(dir, 'week1.json'), 'utf8')) as { manifest: { ruleSet: { rules: { id: string }[] } } }).manifest.ruleSet.rules.map((r) => r.id);
    const removed = week1Rules.filter((id) => id !== 'drift.cin-open-over-6-months');
    expect(removed).toContain('reg44.monthly-visit');
    const findings = (JSON.parse(run.stdout) as Report).findings.filter((f) => f.kind === 'baseline').map((f) => f.message);
    expect(findings).toContain(`The rules differ from the baseline's: added drift.copy; removed ${removed.join(', ')}; changed drift.cin-open-over-6-months`);
  });

  it.each([['2017-01-18'], ['2017-01-11']])('one as of the same day or later (this run as of %s) is refused: exit 2, saying why', async (asOf) => {
    await weeks();
    const run = await complyHere('check', '--data', path.join(dir, 'week2'), '--as-of', asOf, '--baseline', path.join(dir, 'week2.json'));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`is as of 18/01/2017, which is not earlier than this run's as-of date ${asOf.split('-').reverse().join('/')}: use an earlier week's report`);
  });
});
