// SheetJS is a megabyte of code and takes about 60 ms to load, a twentieth of checking a
// children's homes register of 20,000 homes. `comply` loads it only when a workbook is read or
// written: a check of CSV extracts to a JSON or CSV report, and `comply validate`, never load it.
// The same goes for the zip reader (fflate: a workbook's size unpacked is checked before SheetJS
// reads it) and the time-zone library (luxon: today's date in London when no --as-of is given),
// about 12 ms each. Each command runs as a user runs it (from source), with a module hook that
// lists every module Node loads.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'comply-sheetjs-'));
const SSDA903 = join(ROOT, 'fixtures/demo/ssda903');

/** The modules `comply ...args` loaded (their URLs), and its exit code. */
function loaded(...args: string[]): { status: number | null; modules: string[] } {
  const list = join(dir, `loaded-${Math.random().toString(36).slice(2)}.txt`);
  const hooks = join(dir, 'hooks.mjs');
  writeFileSync(hooks, `import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) {\n  appendFileSync(${JSON.stringify(list)}, url + '\\n');\n  return next(url, context);\n}\n`);
  const register = join(dir, 'register.mjs');
  writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
  writeFileSync(list, '');
  const run = spawnSync(process.execPath, ['--import', register, '--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  return { status: run.status, modules: readFileSync(list, 'utf8').split('\n').filter(Boolean) };
}

const from = (name: string) => (modules: readonly string[]) => modules.filter((url) => url.includes(`/node_modules/${name}/`));
const sheetjs = from('xlsx');
const zipReader = from('fflate');
const timeZones = from('luxon');

describe('SheetJS, the zip reader and the time-zone library are loaded only when needed', () => {
  it('a check of CSV files to a JSON report, or to a folder of CSV files, does not load it', () => {
    for (const [format, out] of [['json', 'r.json'], ['csv', 'r-csv']] as const) {
      const run = loaded('check', '--data', SSDA903, '--as-of', '2017-01-18', '--format', format, '--out', join(dir, out), '--quiet');
      expect(run.status).toBe(0);
      expect(run.modules.some((url) => url.endsWith('/src/engine/run-check.ts'))).toBe(true);
      expect(sheetjs(run.modules)).toEqual([]);
      expect(zipReader(run.modules)).toEqual([]);
      expect(timeZones(run.modules)).toEqual([]);
    }
  });

  it('a check given no --as-of loads the time-zone library, for today\'s date in London', () => {
    const run = loaded('check', '--data', SSDA903, '--format', 'json', '--out', join(dir, 'today.json'), '--quiet');
    expect(run.status).toBe(0);
    expect(timeZones(run.modules)).not.toEqual([]);
    expect(sheetjs(run.modules)).toEqual([]);
  });

  it('`comply validate` does not load it', () => {
    const run = loaded('validate');
    expect(run.status).toBe(0);
    expect(sheetjs(run.modules)).toEqual([]);
  });

  it('a check that reads a workbook, or writes one, loads it', () => {
    const reads = loaded('check', '--data', join(ROOT, 'fixtures/demo'), '--as-of', '2017-01-18', '--format', 'json', '--out', join(dir, 'demo.json'), '--quiet');
    expect(reads.status).toBe(0);
    expect(sheetjs(reads.modules)).not.toEqual([]);
    expect(zipReader(reads.modules)).not.toEqual([]);
    const writes = loaded('check', '--data', SSDA903, '--as-of', '2017-01-18', '--out', join(dir, 'r.xlsx'), '--quiet');
    expect(writes.status).toBe(0);
    expect(sheetjs(writes.modules)).not.toEqual([]);
  });
});
