// --format and --out must agree: a report is never written under an extension that says another
// format (JSON in x.xlsx), and a folder of CSV files or team workbooks is never given a file's name.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { complyHere, tempDir } from '../helpers/cli.js';

const AS_OF = ['--as-of', '2017-01-18'];
const VISITS = ['--data', 'fixtures/demo/reg44-visits.xlsx'];

describe('a --format that does not match the --out extension', () => {
  it.each([
    ['check', 'json', 'x.xlsx', '.json'],
    ['check', 'html', 'x.json', '.html'],
    ['check', 'xlsx', 'x.html', '.xlsx'],
    ['check', 'text', 'x.json', '.txt'],
    ['check', 'json', 'report', '.json'],
    ['drift', 'json', 'x.xlsx', '.json'],
    ['drift', 'html', 'x.txt', '.html'],
  ])('%s --format %s --out %s is refused, naming %s, and nothing is written', async (command, format, name, extension) => {
    const dir = tempDir();
    const out = join(dir, name);
    const run = await complyHere(command, ...VISITS, ...AS_OF, '--format', format, '--out', out);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`comply: --format ${format} writes a ${extension} file: --out ${out} does not end ${extension}\n`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each([
    ['json', 'x.json'],
    ['html', 'x.html'],
    ['text', 'x.txt'],
    ['xlsx', 'X.XLSX'],
  ])('--format %s --out %s is written', async (format, name) => {
    const out = join(tempDir(), name);
    const run = await complyHere('check', ...VISITS, ...AS_OF, '--format', format, '--out', out, '--quiet');
    expect(run.status).toBe(0);
    expect(existsSync(out)).toBe(true);
  });

  it('--out x.txt without --format writes the text summary', async () => {
    const out = join(tempDir(), 'x.txt');
    expect((await complyHere('check', ...VISITS, ...AS_OF, '--out', out, '--quiet')).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^csc-comply check as of 18\/01\/2017/);
  });
});

describe('an output that is a folder given a file name', () => {
  it.each(['results.csv', 'results.xlsx', 'results.json'])('--format csv --out %s is refused: it writes a folder', async (name) => {
    const dir = tempDir();
    const out = join(dir, name);
    const run = await complyHere('check', ...VISITS, ...AS_OF, '--format', 'csv', '--out', out);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`comply: --format csv writes CSV files into a folder: --out ${out} is the name of a ${name.slice(name.indexOf('.'))} file; give a folder, e.g. --out ${join(dir, 'results')}/\n`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('drift --format csv --out results.csv is refused too', async () => {
    const dir = tempDir();
    const run = await complyHere('drift', ...VISITS, ...AS_OF, '--format', 'csv', '--out', join(dir, 'results.csv'));
    expect(run.status).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each(['st.xlsx', 'st.csv'])('--split-by team --out %s is refused: it writes a folder of workbooks', async (name) => {
    const dir = tempDir();
    const out = join(dir, name);
    const run = await complyHere('check', ...VISITS, ...AS_OF, '--split-by', 'team', '--out', out);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`comply: --split-by team writes workbooks into a folder: --out ${out} is the name of a ${name.slice(name.indexOf('.'))} file; give a folder, e.g. --out ${join(dir, 'st')}/\n`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('--format csv --out <folder> is written', async () => {
    const out = join(tempDir(), 'week-3');
    expect((await complyHere('check', ...VISITS, ...AS_OF, '--format', 'csv', '--out', out, '--quiet')).status).toBe(0);
    expect(readdirSync(out)).toContain('manifest.csv');
  });
});
