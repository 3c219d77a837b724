// npm run mutate -- --summary: scores computed as Stryker computes them, on reports made by hand.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { mutationSummary } from '../../scripts/mutate/summary.js';
import { ROOT, tempDir } from '../helpers/cli.js';

const at = { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } };
const report = (files: Record<string, string[]>) => ({
  schemaVersion: '2',
  thresholds: { high: 80, low: 60 },
  files: Object.fromEntries(
    Object.entries(files).map(([path, statuses]) => [path, { language: 'typescript', source: 'x', mutants: statuses.map((status, i) => ({ id: `${path}#${i}`, mutatorName: 'm', location: at, status })) }]),
  ),
});

it('prints mutants, detected, survived, not covered and the score per folder, per file and for all folders together, and names folders with no report', () => {
  const dir = tempDir('mutate-summary-');
  writeFileSync(join(dir, 'diff.json'), JSON.stringify(report({
    'src/diff/a.ts': ['Killed', 'Timeout', 'Survived', 'NoCoverage', 'CompileError', 'RuntimeError', 'Ignored'],
    'src/diff/b.ts': ['Killed', 'Killed', 'Killed'],
  })));
  writeFileSync(join(dir, 'facts.json'), JSON.stringify(report({ 'src/facts/c.ts': ['Survived', 'Killed'] })));
  writeFileSync(join(dir, 'notes.txt'), 'not a report');
  const text = mutationSummary(dir, ['browser', 'cli', 'diff', 'facts', 'node', 'rules']);
  const rows = text.split('\n').map((line) => line.trim().split(/\s{2,}/));
  expect(rows[0]).toEqual(['folder / file', 'mutants', 'killed (incl. timeouts)', 'survived', 'no coverage', 'score']);
  expect(rows.slice(1, 8)).toEqual([
    ['src/diff', '7', '5', '1', '1', '71.4%'],
    ['a.ts', '4', '2', '1', '1', '50.0%'],
    ['b.ts', '3', '3', '0', '0', '100.0%'],
    ['src/facts', '2', '1', '1', '0', '50.0%'],
    ['c.ts', '2', '1', '1', '0', '50.0%'],
    ['all measured', '9', '6', '2', '1', '66.7%'],
    [''],
  ]);
  expect(text).toContain('\nno report: src/node, src/rules\n');
  expect(text).toContain("\nnot mutated (the command's and the page's shell): src/browser, src/cli\n");
});

it('npm run mutate -- --summary reads reports/mutation/ or the folder named, and names the folders of src/ with no report', () => {
  const dir = tempDir('mutate-summary-');
  writeFileSync(join(dir, 'diff.json'), JSON.stringify(report({ 'src/diff/a.ts': ['Killed', 'Survived'] })));
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/mutate.ts'), '--summary', dir], { cwd: ROOT, encoding: 'utf8' });
  expect(run.status).toBe(0);
  expect(run.stdout.split('\n').slice(1, 4).map((line) => line.trim().split(/\s{2,}/))).toEqual([
    ['src/diff', '2', '1', '1', '0', '50.0%'],
    ['a.ts', '2', '1', '1', '0', '50.0%'],
    ['all measured', '2', '1', '1', '0', '50.0%'],
  ]);
  expect(run.stdout).toMatch(/\nno report: src\/baseline, src\/calendar, src\/cases, /);
});

it('says there are no reports yet, and how to make one, when the folder is not there (a fresh clone has no reports/)', () => {
  const dir = join(tempDir('mutate-summary-'), 'mutation');
  expect(mutationSummary(dir, ['diff'])).toBe(`No mutation reports yet: there is no folder ${dir}. npm run mutate -- engine tests src/engine and writes its report there; npm run mutate tests the folders changed since main.\n`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/mutate.ts'), '--summary', dir], { cwd: ROOT, encoding: 'utf8' });
  expect(run.status).toBe(0);
  expect(run.stdout).toMatch(/^No mutation reports yet: /);
  expect(run.stderr).toBe('');
});
