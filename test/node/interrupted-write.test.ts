// Ctrl-C (SIGINT) or SIGTERM while a report is being written leaves no temporary file (a copy of
// children's records) behind, and the run exits 130 or 143. The write is held part-way (see
// scripts/held-write.ts) and the signal sent once its temporary file is there: nothing is timed.
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { complyHere, ROOT, tempDir } from '../helpers/cli.js';

/** Resolves once the folder's file names satisfy the test (looked at whenever the folder changes). */
function until(dir: string, test: (names: string[]) => boolean): Promise<void> {
  return new Promise<void>((resolve) => {
    const check = () => {
      if (!test(readdirSync(dir))) return;
      watcher.close();
      resolve();
    };
    const watcher = watch(dir, check);
    check();
  });
}

const hasTemp = (names: string[]) => names.some((f) => f.endsWith('.tmp'));

describe('a signal while writing', () => {
  it.each([['SIGINT', 130], ['SIGTERM', 143]] as const)('%s removes the temporary file and exits %i', async (signal, code) => {
    const dir = tempDir();
    const pipe = join(dir, 'never-written.fifo');
    execFileSync('mkfifo', [pipe]);
    const out = join(dir, 'out.json');
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/node/scripts/held-write.ts'), out, pipe], { cwd: ROOT, env: { ...process.env, UV_THREADPOOL_SIZE: '1' }, stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (status) => resolve(status)));
    try {
      await until(dir, hasTemp);
      child.kill(signal);
      await until(dir, (names) => !hasTemp(names));
      // Node waits for its pool's thread as it exits: let the held open finish.
      closeSync(openSync(pipe, 'w'));
      expect(await exited).toBe(code);
      expect(readdirSync(dir)).toEqual(['never-written.fifo']);
    } finally {
      child.kill('SIGKILL');
    }
  }, 30_000);
});

describe('--format csv --out a folder', () => {
  it('refuses to write over an input in that folder, and writes nothing', async () => {
    const dir = tempDir();
    const input = join(dir, 'summary.csv');
    writeFileSync(input, 'Child Unique ID,CIN Start Date,CIN Closure Date,Allocated Team,Allocated Worker\r\nC1,01/06/2016,,T,W\r\n');
    const run = await complyHere('check', '--data', dir, '--as-of', '2017-01-18', '--format', 'csv', '--out', dir);
    expect(run).toMatchObject({ status: 2, stdout: '', stderr: `comply: Refusing to write over an input file: ${input}\n` });
    expect(readFileSync(input, 'utf8')).toContain('C1,01/06/2016');
    expect(readdirSync(dir)).toEqual(['summary.csv']);
  });

  it('writes every file or none: one that cannot be written leaves none written and nothing behind', async () => {
    const out = tempDir();
    mkdirSync(join(out, 'inputs.csv'));
    const run = await complyHere('check', '--data', 'fixtures/demo/reg44-visits.xlsx', '--as-of', '2017-01-18', '--format', 'csv', '--out', out);
    expect(run).toMatchObject({ status: 2, stderr: `comply: Cannot write ${join(out, 'inputs.csv')}: a folder of that name is in the way; nothing was written\n` });
    expect(readdirSync(out)).toEqual(['inputs.csv']);
    const fine = tempDir();
    expect((await complyHere('check', '--data', 'fixtures/demo/reg44-visits.xlsx', '--as-of', '2017-01-18', '--format', 'csv', '--out', fine)).status).toBe(0);
    expect(readdirSync(fine).every((f) => f.endsWith('.csv'))).toBe(true);
    expect(existsSync(join(fine, 'summary.csv'))).toBe(true);
  });

  it('a team workbook never replaces an input either', async () => {
    const dir = tempDir();
    const input = join(dir, 'childrens-homes.xlsx'); // the team workbook of the homes' visits
    execFileSync('cp', [join(ROOT, 'fixtures/demo/reg44-visits.xlsx'), input]);
    const run = await complyHere('check', '--data', dir, '--as-of', '2017-01-18', '--split-by', 'team', '--out', dir);
    expect(run).toMatchObject({ status: 2, stderr: `comply: Refusing to write over an input file: ${input}\n` });
  });
});
