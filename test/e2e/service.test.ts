// The service an exception is counted under when its rule has no team column is data: the
// "service" of the rule's dataset in rules/datasets/*.json. Renaming it there renames it in every
// report, with no TypeScript edit; a rule that has a team column never uses it.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { ok } from './demo-weeks.js';

const dir = tempDir('comply-service-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Report { exceptions: { ruleId: string; team: string | null; service?: string }[]; summary: { teams: { team: string; exceptions: number }[] } }

describe('the service of a dataset', () => {
  it("counts a rule's exceptions under its dataset's service when the rule has no team column", async () => {
    const rules = path.join(dir, 'rules');
    fs.cpSync('rules', rules, { recursive: true });
    const file = path.join(rules, 'datasets', 'reg44-visits.json');
    fs.writeFileSync(file, JSON.stringify({ ...JSON.parse(fs.readFileSync(file, 'utf8')), service: 'Residential care' }));
    await ok('check', '--data', 'fixtures/demo/reg44-visits.xlsx', 'fixtures/demo/ofsted-children-homes.xlsx', '--rules', rules, '--as-of', '2017-01-18', '--out', path.join(dir, 'r.json'), '--quiet');
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'r.json'), 'utf8')) as Report;
    const late = report.exceptions.filter((e) => e.ruleId === 'reg44.report-late');
    expect(late.length).toBeGreaterThan(0);
    for (const e of late) expect(e).toMatchObject({ team: null, service: 'Residential care' });
    const monthly = report.exceptions.filter((e) => e.ruleId === 'reg44.monthly-visit');
    expect(monthly.length).toBeGreaterThan(0);
    for (const e of monthly) expect(e.service).toBe("Children's homes");
    expect(report.summary.teams.map((t) => t.team)).toEqual(expect.arrayContaining(['Residential care', "Children's homes"]));
    expect(report.summary.teams.map((t) => t.team)).not.toContain('(no team recorded)');
  });

  it('leaves the exceptions of a rule with a team column to their team, blank or not', async () => {
    await ok('check', '--data', 'fixtures/demo', '--as-of', '2017-01-18', '--out', path.join(dir, 'all.json'), '--quiet');
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'all.json'), 'utf8')) as Report;
    const drift = report.exceptions.filter((e) => e.ruleId === 'drift.cin-open-over-6-months');
    expect(drift.some((e) => e.team === null)).toBe(true);
    for (const e of drift) expect(e.service).toBeUndefined();
  });
});
