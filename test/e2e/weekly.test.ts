// The weekly cycle end to end: week 1 to JSON, week 2 (a week later, some cases closed) with
// --baseline, then the team workbooks, the board's aggregate report and the manifest.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as XLSX from 'xlsx';
import { complyHere } from '../helpers/cli.js';
import { demoWeeks, ok, WEEK2_AS_OF } from './demo-weeks.js';

interface Exception { id: string; ruleId: string; subject: string; team: string | null; service?: string; status?: string; firstSeen?: string; weeksOpen?: number }
interface Report { asOf: string; exceptions: Exception[]; resolved?: Exception[]; findings: { kind: string; message: string }[]; manifest: Record<string, any>; summary: Record<string, any> }

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'comply-weekly-'));
const out = (name: string) => path.join(tmp, name);
const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as Report;
const sheetRows = (file: string, sheet: string) => XLSX.utils.sheet_to_json<unknown[]>(XLSX.read(fs.readFileSync(file)).Sheets[sheet]!, { header: 1, defval: null });
const { week1: WEEK1, week2: WEEK2, closed } = demoWeeks(tmp);

vi.setConfig({ testTimeout: 30_000 });

let week1: Report;
let week2: Report;

beforeAll(async () => {
  await ok('check', '--data', WEEK1, '--as-of', '2017-01-18', '--out', out('week1.json'), '--quiet');
  for (const ext of ['json', 'xlsx', 'html']) await ok('check', '--data', WEEK2, '--as-of', WEEK2_AS_OF, '--baseline', out('week1.json'), '--out', out(`week2.${ext}`), '--quiet');
  week1 = readJson(out('week1.json'));
  week2 = readJson(out('week2.json'));
}, 60_000);

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('check --baseline', () => {
  it('marks exceptions seen last week as open, carrying the date first seen', () => {
    const before = new Set(week1.exceptions.map((e) => e.id));
    const open = week2.exceptions.filter((e) => before.has(e.id));
    expect(open.length).toBeGreaterThan(100);
    for (const e of open) expect(e).toMatchObject({ status: 'open', firstSeen: '2017-01-18', weeksOpen: 1 });
  });

  it('marks exceptions not in last week as new, first seen this week', () => {
    const before = new Set(week1.exceptions.map((e) => e.id));
    const fresh = week2.exceptions.filter((e) => !before.has(e.id));
    expect(fresh.length).toBeGreaterThan(0);
    for (const e of fresh) expect(e).toMatchObject({ status: 'new', firstSeen: WEEK2_AS_OF, weeksOpen: 0 });
  });

  it('lists the cases closed during the week as resolved, and nothing else', () => {
    expect(closed.length).toBeGreaterThan(5);
    expect(week2.resolved!.map((e) => e.subject).sort()).toEqual([...closed].sort());
    for (const e of week2.resolved!) expect(e).toMatchObject({ status: 'resolved', ruleId: 'drift.cin-open-over-6-months', firstSeen: '2017-01-18' });
    expect(week2.summary.totals).toMatchObject({ resolved: closed.length, exceptions: week2.exceptions.length });
  });

  it('carries first seen forward week after week', async () => {
    await ok('check', '--data', WEEK2, '--as-of', '2017-02-01', '--baseline', out('week2.json'), '--out', out('week3.json'), '--quiet');
    const week3 = readJson(out('week3.json'));
    const sinceWeek1 = week3.exceptions.filter((e) => week1.exceptions.some((w) => w.id === e.id));
    expect(sinceWeek1.length).toBeGreaterThan(100);
    for (const e of sinceWeek1) expect(e).toMatchObject({ status: 'open', firstSeen: '2017-01-18', weeksOpen: 2 });
  });

  it('refuses a baseline that is not earlier than the run: exit 2 and why', async () => {
    const run = await complyHere('check', '--data', WEEK1, '--as-of', '2017-01-18', '--baseline', out('week1.json'), '--quiet');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/as of 18\/01\/2017, which is not earlier than this run's as-of date 18\/01\/2017/);
  });

  it('refuses a file that is not a JSON report', async () => {
    const run = await complyHere('check', '--data', WEEK2, '--as-of', WEEK2_AS_OF, '--baseline', path.join(WEEK1, 'reg44-visits.xlsx'));
    expect(run).toMatchObject({ status: 2, stderr: expect.stringMatching(/is not JSON/) });
  });

  it('names the rules added, removed and changed since the baseline, on stderr and as a finding', async () => {
    const rules = out('rules');
    fs.mkdirSync(path.join(rules, 'drift'), { recursive: true });
    const drift = JSON.parse(fs.readFileSync('rules/drift/cin-open-over-6-months.rule.json', 'utf8'));
    fs.writeFileSync(path.join(rules, 'drift', 'cin-open-over-6-months.rule.json'), JSON.stringify({ ...drift, version: 2, parameters: { driftAfter: { value: 5, unit: 'months' } } }));
    fs.writeFileSync(path.join(rules, 'drift', 'copy.rule.json'), JSON.stringify({ ...drift, id: 'drift.copy', sheetName: 'Copy' }));
    const { stderr } = await ok('check', '--data', WEEK2, '--rules', rules, '--as-of', WEEK2_AS_OF, '--baseline', out('week1.json'), '--out', out('changed.json'));
    const removed = week1.manifest.ruleSet.rules.map((r: { id: string }) => r.id).filter((id: string) => !id.startsWith('drift.'));
    const message = `The rules differ from the baseline's: added drift.copy; removed ${removed.join(', ')}; changed drift.cin-open-over-6-months`;
    expect(removed).toContain('reg44.monthly-visit');
    expect(stderr).toContain(message);
    expect(readJson(out('changed.json')).findings).toContainEqual(expect.objectContaining({ kind: 'baseline', message }));
    const changed = readJson(out('changed.json'));
    const ofDrift = (list: readonly { ruleId: string }[] = []) => list.filter((e) => e.ruleId === 'drift.cin-open-over-6-months');
    const fresh = ofDrift(changed.exceptions).filter((e) => (e as { status?: string }).status === 'new').length;
    const gone = ofDrift(changed.resolved).length;
    expect(fresh + gone).toBeGreaterThan(0);
    expect(changed.findings).toContainEqual(expect.objectContaining({
      kind: 'baseline', ruleId: 'drift.cin-open-over-6-months',
      message: `drift.cin-open-over-6-months changed since the baseline: ${fresh} of its exceptions are new and ${gone} resolved, some of them by the change rather than by the work (an exception's id holds its due date)`,
    }));
  });

  it('shows status, first seen and weeks open in the workbook, with a Resolved sheet', () => {
    const drift = sheetRows(out('week2.xlsx'), 'Drift (CIN over 6 months)');
    expect(drift[0]).toEqual(expect.arrayContaining(['Status', 'First Seen', 'Weeks Open']));
    expect(sheetRows(out('week2.xlsx'), 'Summary').find((r) => r[0] === 'Rule')).toEqual(expect.arrayContaining(['New', 'Still Open', 'Resolved']));
    expect(sheetRows(out('week2.xlsx'), 'Resolved')).toHaveLength(closed.length + 1);
    expect(sheetRows(out('week2.xlsx'), 'Manifest').flat()).toContain(path.join(WEEK2, 'annex-a.xlsx'));
  });
});

describe('run manifest', () => {
  it('records the tool, the rules with their hashes and counts, and each input by name, size and SHA-256', () => {
    const m = week2.manifest;
    expect(m.tool).toEqual({ name: 'csc-comply', version: JSON.parse(fs.readFileSync('package.json', 'utf8')).version });
    expect(m.asOf).toBe(WEEK2_AS_OF);
    expect(m.ruleSet.sha256).toMatch(/^[0-9a-f]{64}$/);
    const ids = m.ruleSet.rules.map((r: { id: string }) => r.id);
    expect(ids).toEqual(expect.arrayContaining(['drift.cin-open-over-6-months', 'reg44.monthly-visit']));
    expect(ids).toEqual([...ids].sort());
    for (const r of m.ruleSet.rules) expect(r).toMatchObject({ version: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/), counts: expect.any(Object) });
    const annex = m.inputs.find((i: { file: string }) => i.file.endsWith('annex-a.xlsx'));
    const bytes = fs.readFileSync(annex.file);
    expect(annex).toEqual({ file: annex.file, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    expect(m.baseline).toMatchObject({ file: out('week1.json'), asOf: '2017-01-18' });
    expect(week1.manifest.inputs.map((i: { file: string }) => i.file)).toContain(path.join(WEEK1, 'annex-a.xlsx'));
  });

  it('is in the csv folder as manifest.csv', async () => {
    await ok('check', '--data', WEEK1, '--as-of', '2017-01-18', '--format', 'csv', '--out', out('csv'), '--quiet');
    expect(fs.readFileSync(out('csv/manifest.csv'), 'utf8')).toContain(path.join(WEEK1, 'annex-a.xlsx'));
  });

  it('same inputs, same outputs: xlsx, json and html are byte for byte the same on a second run', async () => {
    for (const ext of ['xlsx', 'json', 'html']) {
      await ok('check', '--data', WEEK2, '--as-of', WEEK2_AS_OF, '--baseline', out('week1.json'), '--out', out(`again.${ext}`), '--quiet');
      expect(fs.readFileSync(out(`again.${ext}`)).equals(fs.readFileSync(out(`week2.${ext}`))), ext).toBe(true);
    }
  });
});

describe('check --split-by team', () => {
  it('writes one workbook per team, each holding only that team', async () => {
    await ok('check', '--data', WEEK2, '--as-of', WEEK2_AS_OF, '--baseline', out('week1.json'), '--split-by', 'team', '--out', out('teams'), '--quiet');
    const files = fs.readdirSync(out('teams')).sort();
    const teams = new Set([...week2.exceptions, ...week2.resolved!].map((e) => e.team ?? e.service ?? '(no team recorded)'));
    expect(files).toHaveLength(teams.size);
    expect(files).toContain('locality-north-cin-team-1.xlsx');
    expect(files).toContain('childrens-homes.xlsx');
    expect(files).toContain('locality-north-child-protection-team.xlsx');
    const file = out('teams/locality-north-cin-team-1.xlsx');
    const drift = sheetRows(file, 'Drift (CIN over 6 months)');
    const team = (drift[0] as string[]).indexOf('Team');
    const mine = week2.exceptions.filter((e) => e.team === 'Locality North CIN Team 1' && e.ruleId.startsWith('drift.'));
    expect(drift.slice(1).map((r) => r[team])).toEqual(mine.map(() => 'Locality North CIN Team 1'));
    const summary = sheetRows(file, 'Summary');
    const header = summary.findIndex((r) => r[0] === 'Rule');
    const col = (summary[header] as string[]).indexOf('Team Exceptions');
    const driftRow = summary.find((r) => r.includes('drift.cin-open-over-6-months'))!;
    expect(driftRow[col]).toBe(mine.length);
  });

  it('gives a team workbook a contents sheet and only the rules with rows for the team, with the same columns baseline or not', async () => {
    await ok('check', '--data', WEEK1, '--as-of', '2017-01-18', '--split-by', 'team', '--out', out('teams-week1'), '--quiet');
    await ok('check', '--data', WEEK2, '--as-of', WEEK2_AS_OF, '--baseline', out('week1.json'), '--split-by', 'team', '--out', out('teams-week2'), '--quiet');
    const names = (file: string) => XLSX.read(fs.readFileSync(file)).SheetNames;
    const file = out('teams-week2/locality-north-cin-team-1.xlsx');
    expect(names(file)).toEqual(['Contents', 'Summary', 'Drift (CIN over 6 months)', 'Resolved', 'Inputs', 'Manifest']);
    const contents = sheetRows(file, 'Contents');
    const listed = contents.find((r) => r[0] === 'Drift (CIN over 6 months)')!;
    expect(listed.slice(1, 3)).toEqual(['Child in need case open more than six months', week2.exceptions.filter((e) => e.team === 'Locality North CIN Team 1').length]);
    const link = XLSX.read(fs.readFileSync(file)).Sheets.Contents!;
    const at = XLSX.utils.encode_cell({ r: contents.indexOf(listed), c: 0 });
    expect(link[at]!.l?.Target).toBe("#'Drift (CIN over 6 months)'!A1");
    const homes = names(out('teams-week2/childrens-homes.xlsx'));
    expect(homes).toEqual(expect.arrayContaining(['Reg 44 monthly visits']));
    expect(homes).not.toContain('Drift (CIN over 6 months)');
    const heads = (f: string) => sheetRows(f, 'Drift (CIN over 6 months)')[0];
    expect(heads(out('teams-week1/locality-north-cin-team-1.xlsx'))).toEqual(heads(file));
    expect(heads(file)).toEqual(expect.arrayContaining(['Days Overdue', 'Status', 'Weeks Open']));
  });

  it('refuses --aggregate-only with --split-by', async () => {
    const run = await complyHere('check', '--data', WEEK2, '--split-by', 'team', '--aggregate-only', '--out', out('nope'));
    expect(run).toMatchObject({ status: 2, stderr: expect.stringMatching(/cannot be split by team/) });
  });
});

describe('check --aggregate-only', () => {
  it('holds counts but no child-level row in json, html, xlsx, csv and text', async () => {
    const subjects = week2.exceptions.map((e) => e.subject);
    for (const name of ['board.json', 'board.html', 'board.xlsx', 'board-csv', 'board.txt']) {
      const format = name === 'board-csv' ? ['--format', 'csv'] : [];
      await ok('check', '--data', WEEK2, '--as-of', WEEK2_AS_OF, '--baseline', out('week1.json'), '--aggregate-only', ...format, '--out', out(name), '--quiet');
      const text = name === 'board-csv'
        ? fs.readdirSync(out(name)).map((f) => fs.readFileSync(path.join(out(name), f), 'utf8')).join('\n')
        : name.endsWith('.xlsx') ? XLSX.read(fs.readFileSync(out(name))).SheetNames.map((s) => XLSX.utils.sheet_to_csv(XLSX.read(fs.readFileSync(out(name))).Sheets[s]!)).join('\n')
          : fs.readFileSync(out(name), 'utf8');
      expect(text, name).toContain('drift.cin-open-over-6-months');
      expect(subjects.filter((s) => text.includes(s)), name).toEqual([]);
    }
    const board = readJson(out('board.json'));
    expect(board.exceptions).toBeUndefined();
    expect(board.summary.totals).toMatchObject({ exceptions: week2.exceptions.length, resolved: closed.length });
  });
});
