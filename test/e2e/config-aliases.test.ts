import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { complyHere, tempDir } from '../helpers/cli.js';

describe("an authority's own header names", () => {
  it('are mapped by a config file, without touching the rules', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'cin.csv'),
      'Person ID,Episode Start,Episode End,Status,Team Name,Case Worker\r\n42,17/07/2016,,Open,Team A,Worker One\r\n',
    );
    const config = join(dir, 'comply.config.json');
    writeFileSync(
      config,
      JSON.stringify({
        headerAliases: {
          'annex-a-list-6': {
            'Child Unique ID': ['Person ID'],
            'CIN Start Date': ['Episode Start'],
            'CIN Closure Date': ['Episode End'],
            'Allocated Team': ['Team Name'],
            'Allocated Worker': ['Case Worker'],
          },
        },
      }),
    );
    const without = await complyHere('check', '--data', join(dir, 'cin.csv'), '--as-of', '2017-01-18', '--format', 'json');
    expect(JSON.parse(without.stdout).exceptions).toEqual([]);
    const run = await complyHere('check', '--data', join(dir, 'cin.csv'), '--as-of', '2017-01-18', '--format', 'json', '--config', config);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { exceptions: { subject: string; dueDate: string; team: string; worker: string }[] };
    expect(report.exceptions).toEqual([expect.objectContaining({ subject: '42', dueDate: '2017-01-17', team: 'Team A', worker: 'Worker One' })]);
  });

  it('refuses a config with keys that could pollute prototypes', async () => {
    const dir = tempDir();
    const config = join(dir, 'bad.json');
    writeFileSync(config, '{"headerAliases": {"__proto__": {"polluted": ["x"]}}}');
    const run = await complyHere('check', '--data', 'fixtures/demo/reg44-visits.xlsx', '--config', config);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('the key "__proto__" is not allowed');
  });
});
