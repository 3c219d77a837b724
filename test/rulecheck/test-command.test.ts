import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testPack } from '../../src/cases/test-pack.js';
import { loadPack } from '../../src/node/load-pack.js';
import { complyHere } from '../helpers/cli.js';
import { expectCasesPassAndPinEveryThreshold } from '../helpers/pack-checks.js';
import { DRIFT, editJson, REG44, tempPack } from './temp-pack.js';

const made: string[] = [];
afterEach(() => made.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function pack(edit: (dir: string) => void): string {
  const dir = tempPack();
  made.push(dir);
  edit(dir);
  return dir;
}

/** The drift rule's first case now expects the wrong due date, and another exception besides. */
const wrongExpectation = (dir: string) =>
  editJson(dir, `${DRIFT}.cases.json`, (c) => {
    c.cases[0].expect = [
      { subject: 'C1', dueDate: '2017-01-18' },
      { subject: 'C2', dueDate: '2017-01-17' },
    ];
  });

/** Reg 44 cases that never put a month between one and two visits: the count can move up unnoticed. */
const noCountBoundary = (dir: string) =>
  editJson(dir, `${REG44}.cases.json`, (c) => {
    c.cases = c.cases.filter((x: { name: string }) => /no visits at all|not a children's home/.test(x.name));
  });

describe('comply test', () => {
  it('passes the shipped pack: every case, and every threshold pinned by a case on each side', () => {
    expectCasesPassAndPinEveryThreshold(loadPack());
  });

  it('shows a failing case with the expected and actual exceptions side by side, and exits 1', async () => {
    const dir = pack(wrongExpectation);
    const cases = loadPack(dir).cases.flatMap((set) => set.cases).length;
    const run = await complyHere('test', '--rules', dir);
    expect(run.status).toBe(1);
    const lines = run.stdout.split('\n');
    const name = loadPack(dir).cases.find((set) => set.rule === 'drift.cin-open-over-6-months')!.cases[0]!.name;
    const at = lines.indexOf(`  case failed: ${name}`);
    expect(lines[at - 1]).toMatch(/^FAIL drift\.cin-open-over-6-months: \d+ of \d+ cases pass/);
    expect(lines.slice(at + 1, at + 5)).toEqual([
      '      expected            actual',
      '    ! -                   C1 due 2017-01-17',
      '    ! C1 due 2017-01-18   -',
      '    ! C2 due 2017-01-17   -',
    ]);
    expect(lines).toContain(`Cases: ${cases - 1} passed, 1 failed`);
  });

  it('reports a rule whose cases would not notice a threshold moved by one as under-tested, and exits 1', async () => {
    const dir = pack(noCountBoundary);
    const report = testPack(loadPack(dir));
    const missed = report.rules.flatMap((r) => r.probes).filter((p) => p.noticedBy === undefined);
    expect(missed).toEqual([{ ruleId: 'reg44.monthly-visit', parameter: 'visitsPerMonth', unit: 'count', from: 1, to: 2 }]);
    const run = await complyHere('test', '--rules', dir);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('UNDER-TESTED reg44.monthly-visit: 2 of 2 cases pass; 3 of 4 boundary moves noticed');
    expect(run.stdout).toContain('  under-tested: moving visitsPerMonth 1 -> 2 count changes no case; add a case on each side of that boundary');
  });

  it('writes JUnit XML: a suite per rule, a test per case and per boundary move, failures with the side-by-side text', async () => {
    const dir = pack((d) => {
      wrongExpectation(d);
      noCountBoundary(d);
    });
    const run = await complyHere('test', '--rules', dir, '--reporter', 'junit');
    expect(run.status).toBe(1);
    const xml = run.stdout;
    const tests = (ruleId: string) => testPack(loadPack(dir)).rules.filter((r) => r.ruleId === ruleId).reduce((n, r) => n + r.cases.length + r.probes.length, 0);
    const [drift, reg44] = [tests('drift.cin-open-over-6-months'), tests('reg44.monthly-visit')];
    expect(xml.startsWith(`<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="comply test" tests="${drift + reg44}" failures="2" errors="0">\n`)).toBe(true);
    expect(xml.match(/<testsuite /g)).toHaveLength(2);
    expect(xml).toContain(`<testsuite name="drift.cin-open-over-6-months" tests="${drift}" failures="1" errors="0" skipped="0">`);
    expect(xml).toContain(`<testsuite name="reg44.monthly-visit" tests="${reg44}" failures="1" errors="0" skipped="0">`);
    expect(xml.match(/<testcase /g)).toHaveLength(drift + reg44);
    expect(xml).toContain('<testcase classname="drift.cin-open-over-6-months" name="boundary: driftAfter 6 -&gt; 7 months"/>');
    expect(xml).toMatch(/<failure message="the exceptions differ from those expected" type="mismatch">  expected {12}actual\n! - {19}C1 due 2017-01-17\n/);
    expect(xml).toContain('<failure message="under-tested: moving visitsPerMonth 1 -&gt; 2 count changes no case" type="mismatch">');
    expect(xml.trimEnd().endsWith('</testsuites>')).toBe(true);
    expect(xml.match(/<testsuite[ >]/g)?.length).toBe(xml.match(/<\/testsuite>/g)?.length);
  });

  it('gives JSON for tools, exits 0 on the shipped pack and 2 on an unknown reporter', async () => {
    const run = await complyHere('test', '--reporter', 'json');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as ReturnType<typeof testPack>;
    expect(report.totals.failed).toBe(0);
    expect(report.rules.map((r) => r.ruleId)).toContain('drift.cin-open-over-6-months');
    expect((await complyHere('test', '--reporter', 'tap')).status).toBe(2);
    expect((await complyHere('test', '--rules', join(tmpdir(), 'comply-no-such-pack'))).status).toBe(2);
  });
});
