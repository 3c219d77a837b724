// Whatever a data folder holds, a run never hangs, never reads without end and never stops with a
// raw system error: anything that is not a regular file is skipped with a finding naming it.
// FIFOs and links cannot be kept in git, so each test makes its own in a temporary folder.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkJson, corpus, type JsonReport } from '../helpers/corpus.js';
import { complyHere, tempDir } from '../helpers/cli.js';

const unread = (r: JsonReport) => r.findings.filter((f) => f.kind === 'unreadable-file').map((f) => [f.file, f.message]);

/** A folder holding one good List 6 file, to which each test adds something odd. */
function folder(): string {
  const dir = tempDir();
  copyFileSync(corpus('utf8-bom.csv'), join(dir, 'list6.csv'));
  return dir;
}

describe('in a data folder', () => {
  it('a named pipe (FIFO) is skipped with a finding, not waited on', async () => {
    const dir = folder();
    execFileSync('mkfifo', [join(dir, 'pipe.csv')]);
    const r = await checkJson(dir);
    expect(unread(r)).toEqual([[join(dir, 'pipe.csv'), 'Not a regular file but a named pipe (FIFO), so it was not read']]);
    expect(r.exceptions.map((e) => e.subject)).toEqual(['007']);
  });

  it('a device file (/dev/zero linked in) is skipped with a finding, not read without end', async () => {
    const dir = folder();
    symlinkSync('/dev/zero', join(dir, 'zero.csv'));
    const r = await checkJson(dir);
    expect(unread(r)).toEqual([[join(dir, 'zero.csv'), 'Not a regular file but a device file, so it was not read']]);
  });

  it('a broken link and a link loop are skipped with findings', async () => {
    const dir = folder();
    symlinkSync(join(dir, 'gone.csv'), join(dir, 'broken.csv'));
    symlinkSync(join(dir, 'loop-b.csv'), join(dir, 'loop-a.csv'));
    symlinkSync(join(dir, 'loop-a.csv'), join(dir, 'loop-b.csv'));
    const r = await checkJson(dir);
    expect(unread(r)).toEqual([
      [join(dir, 'broken.csv'), 'A link to a file that does not exist (a broken link), so it was not read'],
      [join(dir, 'loop-a.csv'), 'A link that leads back to itself (a link loop), so it was not read'],
      [join(dir, 'loop-b.csv'), 'A link that leads back to itself (a link loop), so it was not read'],
    ]);
    expect(r.exceptions).toHaveLength(1);
  });

  it('a link to a folder above it is followed once, not round and round', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'sub'));
    symlinkSync(dir, join(dir, 'sub', 'up'));
    const r = await checkJson(dir);
    expect(unread(r)).toEqual([[join(dir, 'sub', 'up'), `The same folder as ${dir} (reached by another path), so it was read once`]]);
    expect(r.exceptions).toHaveLength(1);
  });
});

describe('the same file reached by two paths', () => {
  it('a folder and a file in it: read once, with a finding', async () => {
    const dir = folder();
    const r = await checkJson(dir, join(dir, 'list6.csv'));
    expect(r.summary.inputs).toHaveLength(1);
    expect(r.exceptions).toHaveLength(1);
    expect(unread(r)).toEqual([[join(dir, 'list6.csv'), 'Given twice (on its own and in a folder, say), so the file was read once']]);
  });

  it('a folder holding a file and a link to it, and the file given again: read once, each other path named once', async () => {
    const dir = folder();
    symlinkSync(join(dir, 'list6.csv'), join(dir, 'list6-link.csv'));
    const r = await checkJson(dir, join(dir, 'list6.csv'));
    expect(r.summary.inputs).toHaveLength(1);
    expect(unread(r)).toEqual([[join(dir, 'list6.csv'), `The same file as ${join(dir, 'list6-link.csv')} (reached by another path), so it was read once`]]);
  });

  it('a file and a link to it: read once, with a finding', async () => {
    const dir = folder();
    symlinkSync(join(dir, 'list6.csv'), join(dir, 'same.csv'));
    const r = await checkJson(dir);
    expect(r.summary.inputs).toHaveLength(1);
    expect(r.summary.rules[0]!.counts.considered).toBe(1);
    expect(unread(r)).toEqual([[join(dir, 'same.csv'), `The same file as ${join(dir, 'list6.csv')} (reached by another path), so it was read once`]]);
  });
});

describe('given directly on --data', () => {
  const refused = async (path: string, message: string) => {
    const run = await complyHere('check', '--data', path, '--as-of', '2017-01-18');
    expect(run).toMatchObject({ status: 2, stdout: '', stderr: `comply: ${message}\n` });
  };

  it('a FIFO or a device is refused, saying what it is', async () => {
    const pipe = join(tempDir(), 'pipe.csv');
    execFileSync('mkfifo', [pipe]);
    await refused(pipe, `${pipe} is not a file but a named pipe (FIFO): give a spreadsheet file or a folder`);
    await refused('/dev/zero', '/dev/zero is not a file but a device file: give a spreadsheet file or a folder');
  });

  it('a broken link or a link loop is refused, saying so', async () => {
    const dir = tempDir();
    symlinkSync(join(dir, 'gone.csv'), join(dir, 'broken.csv'));
    symlinkSync(join(dir, 'loop.csv'), join(dir, 'loop.csv'));
    await refused(join(dir, 'broken.csv'), `${join(dir, 'broken.csv')} is a link to a file that does not exist (a broken link): give the file itself, or mend the link`);
    await refused(join(dir, 'loop.csv'), `${join(dir, 'loop.csv')} is a link that leads back to itself (a link loop): give the file itself, or mend the link`);
  });
});

describe('comply trend: a report that is not a regular file, or saved with a byte order mark', () => {
  it('refuses a named pipe, a device or a folder given as a report, or found in a folder of them, saying what it is, never waiting on it', async () => {
    const dir = tempDir();
    const reports = join(dir, 'reports');
    mkdirSync(join(reports, 'old.json'), { recursive: true });
    const pipe = join(dir, 'week.json');
    execFileSync('mkfifo', [pipe]);
    const out = join(dir, 'trend.html');
    const trend = (...paths: string[]) => complyHere('trend', ...paths, '--out', out);
    expect(await trend(pipe)).toMatchObject({ status: 2, stderr: `comply: Cannot read ${pipe}: not a file but a named pipe (FIFO)\n` });
    expect(await trend('/dev/zero')).toMatchObject({ status: 2, stderr: 'comply: Cannot read /dev/zero: not a file but a device file\n' });
    expect(await trend(reports)).toMatchObject({ status: 2, stderr: `comply: Cannot read ${join(reports, 'old.json')}: not a file but a folder\n` });
    rmSync(join(reports, 'old.json'), { recursive: true });
    execFileSync('mkfifo', [join(reports, 'pipe.json')]);
    expect(await trend(reports)).toMatchObject({ status: 2, stderr: `comply: Cannot read ${join(reports, 'pipe.json')}: not a file but a named pipe (FIFO)\n` });
    expect(existsSync(out)).toBe(false);
  });

  it('reads a report saved with a byte order mark (as Notepad saves it)', async () => {
    const dir = tempDir();
    const report = join(dir, 'week.json');
    const check = await complyHere('check', '--data', corpus('utf8-bom.csv'), '--as-of', '2017-01-18', '--format', 'json');
    writeFileSync(report, `\uFEFF${check.stdout}`);
    const run = await complyHere('trend', report, '--out', join(dir, 'trend.xlsx'));
    expect(run).toMatchObject({ status: 0, stderr: expect.stringMatching(/^1 weekly report\(s\), /) });
  });
});

describe('a --config or --baseline that is not there', () => {
  it('is named, with what to give instead', async () => {
    const missing = join(tempDir(), 'last-week.json');
    const data = corpus('utf8-bom.csv');
    const baseline = await complyHere('check', '--data', data, '--as-of', '2017-01-18', '--baseline', missing);
    expect(baseline).toMatchObject({ status: 2, stderr: `comply: Cannot read the baseline ${missing}: there is no such file (a baseline is an earlier run's JSON report, written with --out <file>.json)\n` });
    const config = await complyHere('check', '--data', data, '--as-of', '2017-01-18', '--config', missing);
    expect(config).toMatchObject({ status: 2, stderr: `comply: Cannot read config ${missing}: there is no such file\n` });
  });
});

describe('a named pipe or a device as --config or --baseline', () => {
  it('is refused unread, never waited on', async () => {
    const pipe = join(tempDir(), 'config.json');
    execFileSync('mkfifo', [pipe]);
    const data = corpus('utf8-bom.csv');
    const config = await complyHere('check', '--data', data, '--as-of', '2017-01-18', '--config', pipe);
    expect(config).toMatchObject({ status: 2, stderr: `comply: Cannot read config ${pipe}: not a file but a named pipe (FIFO)\n` });
    const baseline = await complyHere('check', '--data', data, '--as-of', '2017-01-18', '--baseline', '/dev/zero');
    expect(baseline).toMatchObject({ status: 2, stderr: 'comply: Cannot read the baseline /dev/zero: not a file but a device file\n' });
  });
});
