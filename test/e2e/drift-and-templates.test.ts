import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { comply, complyHere, tempDir } from '../helpers/cli.js';
import { openWorkbook } from '../helpers/workbook.js';

describe('comply drift: the case review clinic list', () => {
  const out = tempDir();

  it('groups the drift cases by team then worker, longest open first, with a count per team', async () => {
    const run = await complyHere('drift', '--data', 'fixtures/demo/annex-a.xlsx', '--as-of', '2017-01-18', '--out', join(out, 'drift.xlsx'));
    expect(run.status).toBe(0);
    const wb = openWorkbook(join(out, 'drift.xlsx'));
    expect(wb.names).toEqual(['By team', 'Not judged', 'Drift (CIN over 6 months)', 'Findings', 'Manifest']);
    const byTeam = wb.rows('By team').slice(1) as [string, number][];
    expect(byTeam.at(-1)).toEqual(['Total', 180]);
    expect(byTeam.slice(0, -1).reduce((n, [, c]) => n + c, 0)).toBe(180);
    const list = wb.rows('Drift (CIN over 6 months)');
    const header = list[0] as string[];
    const [team, worker, due] = ['Team', 'Worker', 'Due Date'].map((h) => header.indexOf(h));
    const rows = list.slice(1);
    for (let i = 1; i < rows.length; i++) {
      const a = rows[i - 1]!;
      const b = rows[i]!;
      const key = (r: unknown[]): [string, string] => [String(r[team!] ?? '\uffff'), String(r[worker!] ?? '\uffff')];
      const [ta, wa] = key(a);
      const [tb, wb2] = key(b);
      expect(ta <= tb).toBe(true);
      if (ta === tb) expect(wa <= wb2).toBe(true);
      if (ta === tb && wa === wb2) expect(Number(a[due!]) <= Number(b[due!])).toBe(true);
    }
  });

  it('lists Days Overdue to the as-of date and a blank Clinic Outcome column, the last printed', async () => {
    const data = join(out, 'list-6.csv');
    const row = (id: string, start: string) => `${id},${start},,North,Ann`;
    // Six months on from these starts, the review point falls yesterday, today and tomorrow.
    writeFileSync(data, ['Child Unique ID,CIN Start Date,CIN Closure Date,Allocated Team,Allocated Worker', row('Y', '17/07/2016'), row('T', '18/07/2016'), row('M', '19/07/2016'), ''].join('\n'));
    const run = await complyHere('drift', '--data', data, '--as-of', '2017-01-18', '--out', join(out, 'boundary.xlsx'));
    expect(run.status).toBe(0);
    const wb = openWorkbook(join(out, 'boundary.xlsx'));
    const [header, ...rows] = wb.rows('Drift (CIN over 6 months)') as [string[], ...unknown[][]];
    expect(header.slice(0, 5)).toEqual(['Subject', 'Due Date', 'Days Overdue', 'Team', 'Worker']);
    const outcome = header.indexOf('Clinic Outcome');
    expect(header.slice(outcome - 1, outcome + 2)).toEqual(['Months Open', 'Clinic Outcome', 'Message']);
    expect(rows.map((r) => [r[0], r[2], r[outcome]])).toEqual([['Y', 1, null]]);
    const area = wb.workbook.Workbook!.Names!.find((n) => n.Name === '_xlnm.Print_Area' && wb.names[n.Sheet!] === 'Drift (CIN over 6 months)');
    expect(area?.Ref).toBe(`'Drift (CIN over 6 months)'!$A$1:$${String.fromCharCode(65 + outcome)}$2`);
  });

  it('prints the grouped list as text', async () => {
    const run = await complyHere('drift', '--data', 'fixtures/demo', '--as-of', '2017-01-18');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Drift list as of 18\/01\/2017: 180 case\(s\)/);
    expect(run.stdout).toMatch(/\nChildren with Disabilities Team: \d+ case\(s\)\n {2}\S/);
  });
});

describe('comply template', () => {
  it('writes a blank Reg 44 visit log that the checker then recognises', async () => {
    const dir = tempDir();
    const run = await complyHere('template', 'reg44-visits', '--out', join(dir, 'visits.xlsx'));
    expect(run.status).toBe(0);
    const wb = openWorkbook(join(dir, 'visits.xlsx'));
    expect(wb.names).toEqual(['Reg 44 visits']);
    expect(wb.rows('Reg 44 visits')).toEqual([['URN', 'Setting Name', 'Visit Date', 'Independent Person', 'Report Sent Date']]);
    const check = await complyHere('check', '--data', join(dir, 'visits.xlsx'), '--as-of', '2017-01-18', '--format', 'json');
    const report = JSON.parse(check.stdout) as { summary: { inputs: { dataset: string | null }[] } };
    expect(report.summary.inputs).toEqual([expect.objectContaining({ dataset: 'reg44-visits', rows: 0 })]);
  });

  it('names the templates there are when asked for one that is not', async () => {
    const run = await complyHere('template', 'nonsense');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/No template called "nonsense"\. Templates: .*reg44-visits/);
  });
});

describe('when the check cannot run', () => {
  it('says which input is missing and exits 2', async () => {
    const run = comply('check', '--data', 'no/such/folder');
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('comply: No such file or folder: no/such/folder\n');
  });

  it('rejects an as-of date that is not yyyy-mm-dd', async () => {
    const run = await complyHere('check', '--data', 'fixtures/demo', '--as-of', '18/01/2017');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--as-of must be a date written yyyy-mm-dd');
  });

  it('rejects an unknown option', async () => {
    const run = comply('check', '--data', 'fixtures/demo', '--colour');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("unknown option '--colour'");
  });

  it('lists the problems of an invalid rule pack, with file and JSON pointer', async () => {
    const rules = tempDir();
    mkdirSync(join(rules, 'drift'));
    const rule = JSON.parse(readFileSync('rules/drift/cin-open-over-6-months.rule.json', 'utf8')) as Record<string, unknown>;
    writeFileSync(join(rules, 'drift', 'broken.rule.json'), JSON.stringify({ ...rule, severity: 'urgent', facts: { start: { call: 'addFortnight', args: [] } } }));
    const run = await complyHere('check', '--data', 'fixtures/demo', '--rules', rules);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/drift\/broken\.rule\.json:1:\d+: \/severity: must be one of: "high", "medium", "low", "info"/);
    expect(run.stderr).not.toContain('    at ');
  });
});
