// Sharing a check out by groups of datasets (one after another, or side by side in worker
// threads) never changes what it finds: the same result as one pass over every input.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayFromIso } from '../../src/calendar/index.js';
import type { Progress } from '../../src/engine/progress.js';
import { runCheck } from '../../src/engine/run-check.js';
import { checkFiles, threadsFor, type CheckFilesOptions } from '../../src/node/check-files.js';
import { guessInputs } from '../../src/node/guess-inputs.js';
import { loadPack } from '../../src/node/load-pack.js';
import { listInputFiles, streamInputs } from '../../src/node/read-inputs.js';
import { generate } from '../../scripts/bench/generate.js';
import { complyHere, ROOT, tempDir } from '../helpers/cli.js';

const pack = loadPack();
const asOf = dayFromIso('2017-01-18')!;
const options = (threads: number): CheckFilesOptions => ({ asOf, select: () => true, headerAliases: {}, limits: {}, threads });

/** The check as one pass over every input, without sharing it out. */
async function wholeCheck(paths: string[]) {
  const { tables, fingerprints } = await streamInputs(paths);
  return { result: runCheck(pack, tables, { asOf, headerAliases: {} }), fingerprints };
}

let dir: string;
let csvDir: string;
beforeAll(async () => {
  dir = tempDir('shares-');
  csvDir = (await generate(pack, dir, 6000, false)).csvDir;
});
afterAll(() => fs.rmSync(dir, { recursive: true }));

describe('a check shared out by groups of datasets', () => {
  it('gives the same result and fingerprints as one pass, on one thread and on two or three', async () => {
    const whole = await wholeCheck([csvDir]);
    expect(whole.result.exceptions.length).toBeGreaterThan(100);
    for (const threads of [1, 2, 3]) {
      const shared = await checkFiles(() => pack, [csvDir], options(threads));
      expect(shared.sharedOut).toEqual({ shares: 9, threads });
      expect(shared.result, `${threads} thread(s)`).toEqual(whole.result);
      expect(shared.fingerprints).toEqual(whole.fingerprints);
    }
  });

  it('reports progress as the groups done out of all of them, never going back, while this thread names what it is doing', async () => {
    const seen: Progress[] = [];
    const shared = await checkFiles(() => pack, [csvDir], { ...options(2), onProgress: (p) => void seen.push(p) });
    expect(shared.sharedOut).toEqual({ shares: 9, threads: 2 });
    expect(seen.length).toBeGreaterThan(9);
    expect(new Set(seen.map((p) => p.total))).toEqual(new Set([9]));
    expect(seen.every((p, i) => p.done <= 9 && (i === 0 || p.done >= seen[i - 1]!.done))).toBe(true);
    expect(seen[0]!.done).toBe(0);
    expect(seen.some((p) => p.done > 0)).toBe(true);
    expect(new Set(seen.map((p) => p.stage))).toEqual(new Set(['read', 'recognise', 'evaluate']));
  });

  it('gives the same result on the hostile corpus’s CSV files (unrecognised, empty, duplicate headers, bad dates)', async () => {
    const readable = async (file: string) => {
      try {
        return (await streamInputs([file])).tables.length > 0;
      } catch {
        return false;
      }
    };
    const files: string[] = [];
    for (const f of listInputFiles([path.join(ROOT, 'test', 'hostile', 'corpus')]).files) if (f.endsWith('.csv') && (await readable(f))) files.push(f);
    expect(files.length).toBeGreaterThan(8);
    const streamed = files.filter((f) => !f.endsWith('utf16.csv'));
    const shared = await checkFiles(() => pack, streamed, options(2));
    // Shared out: a share per group of datasets the corpus's CSV files hold (more as the corpus grows).
    expect(shared.sharedOut).toEqual({ shares: expect.any(Number), threads: 2 });
    expect(shared.sharedOut!.shares).toBeGreaterThanOrEqual(2);
    expect(shared.result).toEqual((await wholeCheck(streamed)).result);
    // A UTF-16 file is read whole by SheetJS, as a workbook is: what it holds is not guessed, so nothing is shared out.
    const withUtf16 = await checkFiles(() => pack, files, options(2));
    expect(withUtf16.sharedOut).toBeNull();
    expect(withUtf16.result).toEqual((await wholeCheck(files)).result);
  }, 180_000);

  it('is run whole when a file holds another dataset than its first bytes said (a header below long title rows)', async () => {
    const episodes = fs.readFileSync(path.join(csvDir, 'ssda903-episodes.csv'), 'utf8');
    const titled = path.join(dir, 'titled');
    fs.mkdirSync(titled);
    fs.writeFileSync(path.join(titled, 'a-episodes.csv'), `${`${'Looked-after episodes, '.repeat(200)}\n`.repeat(18)}${episodes}`);
    fs.copyFileSync(path.join(csvDir, 'ssda903-reviews.csv'), path.join(titled, 'b-reviews.csv'));
    fs.copyFileSync(path.join(csvDir, 'annex-a-list-6.csv'), path.join(titled, 'c-list-6.csv'));
    expect(guessInputs([path.join(titled, 'a-episodes.csv')], pack.datasets, {})[0]!.dataset).toBeNull();
    const whole = await wholeCheck([titled]);
    expect(whole.result.inputs[0]).toMatchObject({ dataset: 'ssda903-episodes', headerRow: 19 });
    expect(whole.result.rules.find((r) => r.ruleId === 'practice.lac-review-chain')!.ran).toBe(true);
    const shared = await checkFiles(() => pack, [titled], options(2));
    expect(shared.sharedOut).toBeNull();
    expect(shared.result).toEqual(whole.result);
  });

  it('comply check writes byte-identical reports with --threads 1 and --threads 2, and refuses a bad count', async () => {
    const out = (n: number) => path.join(dir, `threads-${n}.json`);
    for (const n of [1, 2]) {
      const run = await complyHere('check', '--data', csvDir, '--as-of', '2017-01-18', '--out', out(n), '--threads', String(n));
      expect(run.status).toBe(0);
      expect(run.stderr).toMatch(new RegExp(`written to .*threads-${n}\\.json \\(checked as 9 groups of datasets on ${n} thread\\(s\\)\\)\n$`));
    }
    expect(fs.readFileSync(out(2))).toEqual(fs.readFileSync(out(1)));
    const bad = await complyHere('check', '--data', csvDir, '--threads', '0');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--threads must be a whole number from 1 to 64 (got "0")');
    for (const silly of ['100000', '65', '1.5', 'many']) {
      expect(await complyHere('check', '--data', csvDir, '--threads', silly)).toMatchObject({ status: 2, stderr: `comply: --threads must be a whole number from 1 to 64 (got "${silly}")\n` });
    }
  });

  it('starts no more threads than there are files to share out', () => {
    const file = path.join(csvDir, 'annex-a-list-6.csv');
    expect(threadsFor([file], 1000)).toBe(1);
    expect(threadsFor([file, file], 64)).toBe(2);
    expect(threadsFor([], 4)).toBe(1);
  });

  it('an input it cannot read stops the run with the message one pass gives (the first such file), shared out or not', async () => {
    await expect(streamInputs([csvDir], { maxInputMb: 0.1 })).rejects.toThrow(/annex-a-list-6\.csv is 140 KB, over the limit of 0\.1 MB/);
    const first = path.join(csvDir, 'annex-a-list-6.csv');
    for (const n of [1, 2]) {
      const run = await complyHere('check', '--data', csvDir, '--as-of', '2017-01-18', '--threads', String(n), '--max-input-mb', '0.1');
      expect(run.status).toBe(2);
      expect(run.stderr).toBe(`comply: ${first} is 140 KB, over the limit of 0.1 MB; if the file is genuine, raise the limit with --max-input-mb\n`);
    }
  });
});
