// The planted bugs of issue 29 stay plantable: each names text found exactly once in its file and
// test files that exist, so `npm run mutate:planted` keeps checking what it says it checks.
// (Running the plants takes a minute or two: that is the script's job, not the suite's.)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PLANTED_BUGS } from '../../scripts/mutate/planted-bugs.js';
import { ROOT } from '../helpers/cli.js';

describe.each(PLANTED_BUGS.map((bug) => [`${bug.file}: ${bug.harm}`, bug] as const))('%s', (_, bug) => {
  it('can be planted: its text is in the file once, and planting it changes the file', () => {
    const text = readFileSync(join(ROOT, bug.file), 'utf8');
    expect(text.split(bug.from)).toHaveLength(2);
    expect(text.replace(bug.from, bug.to)).not.toBe(text);
  });

  it('names test files that exist', () => {
    expect(bug.tests.length).toBeGreaterThan(0);
    for (const file of bug.tests) expect(existsSync(join(ROOT, file)), file).toBe(true);
  });
});

it('npm run mutate names the folders it can mutate when asked for one it cannot, and runs nothing', () => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/mutate.ts'), 'cli'], { cwd: ROOT, encoding: 'utf8' });
  expect(run.status).toBe(2);
  expect(run.stderr).toBe('mutate: no tests are named for cli; folders: baseline, calendar, cases, datasets, diff, engine, facts, findings, manifest, node, read, report, rules, typing\n');
});
