// `comply` as installed runs the command line esbuild bundles into dist/cli/ (npm run build), not
// the source the other tests run. Built here, it must write the same reports as the source, byte
// for byte: with its worker threads (their entry beside it), with SheetJS loaded from a chunk of
// its own when a workbook is read and written, and finding the shipped rules and its version.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'comply-built-'));
const run = (command: string[], ...args: string[]) => spawnSync(process.execPath, [...command, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
const BUILT = [join(ROOT, 'dist/cli/main.js')];
const SOURCE = ['--import', 'tsx', join(ROOT, 'src/cli/main.ts')];

beforeAll(() => {
  const built = run(['--import', 'tsx', join(ROOT, 'scripts/build-cli.ts')]);
  expect(built.status, built.stderr).toBe(0);
}, 60_000);

describe('the built command line', () => {
  it('checks CSV files on two threads as the source does on one, byte for byte', () => {
    const args = (out: string) => ['check', '--data', join(ROOT, 'fixtures/demo/ssda903'), '--as-of', '2017-01-18', '--format', 'json', '--out', join(dir, out)];
    const built = run(BUILT, ...args('built.json'), '--threads', '2');
    expect(built.status, built.stderr).toBe(0);
    expect(built.stderr).toMatch(/on 2 thread\(s\)\)\n$/);
    expect(run(SOURCE, ...args('source.json'), '--threads', '1').status).toBe(0);
    expect(readFileSync(join(dir, 'built.json')).equals(readFileSync(join(dir, 'source.json')))).toBe(true);
  });

  it('reads the demo workbooks and writes the same workbook as the source', () => {
    const args = (out: string) => ['check', '--data', join(ROOT, 'fixtures/demo'), '--as-of', '2017-01-18', '--out', join(dir, out)];
    expect(run(BUILT, ...args('built.xlsx')).status).toBe(0);
    expect(run(SOURCE, ...args('source.xlsx')).status).toBe(0);
    expect(readFileSync(join(dir, 'built.xlsx')).equals(readFileSync(join(dir, 'source.xlsx')))).toBe(true);
  });

  it('says its version, from the package', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(run(BUILT, '--version').stdout).toBe(`${version}\n`);
  });
});
