import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Day } from '../calendar/index.js';
import type { HeaderAliases } from '../datasets/dataset.js';
import { mergeChecks, splitHeld } from '../engine/merge-checks.js';
import type { OnProgress } from '../engine/progress.js';
import type { CheckResult } from '../engine/run-check.js';
import { planShares, type SplitPart } from '../engine/split-plan.js';
import type { FileFingerprint } from '../manifest/run-manifest.js';
import type { ReadLimits } from '../read/screen-input.js';
import type { RulePack } from '../rules/rule-pack.js';
import type { RuleDef } from '../rules/rule.js';
import { checkPart, type PartResult, type PartTask } from './check-part.js';
import { guessInputs } from './guess-inputs.js';
import { listInputFiles } from './read-inputs.js';

/** From this many bytes of input, a check uses one thread per core unless told how many to use. */
export const THREADS_FROM_BYTES = 16 * 2 ** 20;

export interface CheckFilesOptions {
  asOf: Day;
  select: (rule: RuleDef) => boolean;
  headerAliases: HeaderAliases;
  limits: ReadLimits;
  /** Threads to check with (default: one per core from THREADS_FROM_BYTES of input, else one). */
  threads?: number;
  onProgress?: OnProgress;
}

type Base = Omit<PartTask, 'files' | 'rules'>;

/** How a check was shared out: into how many shares, checked by how many threads. */
export interface SharedOut {
  shares: number;
  threads: number;
}

/** What a worker thread is given: the shares, and the index of the next share not yet taken (shared by every thread). */
export interface WorkerTask {
  base: Base;
  shares: SplitPart[];
  next: Int32Array;
}

/** A share's result, as a worker thread posts it back. */
export interface ShareDone {
  index: number;
  done: PartResult;
}

/**
 * Checks shares until none is left, each thread taking the next one not yet taken; a share
 * that fails stops every thread from taking more.
 */
export function takeShares(task: WorkerTask, each: (done: ShareDone) => void, onProgress?: OnProgress): void {
  for (let index = Atomics.add(task.next, 0, 1); index < task.shares.length; index = Atomics.add(task.next, 0, 1)) {
    try {
      each({ index, done: checkPart({ ...task.base, ...task.shares[index]! }, onProgress) });
    } catch (error) {
      Atomics.store(task.next, 0, task.shares.length);
      throw error;
    }
  }
}

/** A worker thread; from the TypeScript source (tests, the bench) it loads the source through tsx, as this thread does. */
function startWorker(task: WorkerTask): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./check-worker.js', here), { workerData: task });
  const [tsx, entry] = [import.meta.resolve('tsx/esm/api'), new URL('./check-worker.ts', here).href].map((url) => JSON.stringify(url));
  return new Worker(`import(${tsx}).then((api) => { api.register(); return import(${entry}); });`, { eval: true, workerData: task });
}

/** Runs a worker thread to its end, keeping each share it checks; false if it failed. */
function inWorker(task: WorkerTask, results: (PartResult | undefined)[]): Promise<boolean> {
  return new Promise((resolve) => {
    let failed = false;
    const worker = startWorker(task);
    worker.on('message', ({ index, done }: ShareDone) => void (results[index] = done));
    worker.once('error', () => {
      failed = true;
      Atomics.store(task.next, 0, task.shares.length);
    });
    worker.once('exit', (code) => resolve(!failed && code === 0));
  });
}

/** Every share's result, checked by this thread and `threads - 1` worker threads; null if any share failed. */
async function checkShares(shares: SplitPart[], base: Base, threads: number, onProgress?: OnProgress): Promise<PartResult[] | null> {
  const task: WorkerTask = { base, shares, next: new Int32Array(new SharedArrayBuffer(4)) };
  const results: (PartResult | undefined)[] = [];
  const workers = Array.from({ length: threads - 1 }, () => inWorker(task, results));
  let ok = true;
  try {
    takeShares(task, ({ index, done }) => void (results[index] = done), onProgress);
  } catch {
    ok = false;
  }
  ok = (await Promise.all(workers)).every(Boolean) && ok;
  return ok && shares.every((_s, i) => results[i]) ? (results as PartResult[]) : null;
}

const threadsFor = (files: readonly string[], asked: number | undefined) =>
  asked ?? (files.reduce((n, f) => n + (statSync(f, { throwIfNoEntry: false })?.size ?? 0), 0) >= THREADS_FROM_BYTES ? availableParallelism() : 1);

/**
 * The check of the files and folders given, each file streamed and fingerprinted. Where each
 * file's dataset can be told from its first rows (CSV files), the check is shared out by groups
 * of datasets that no rule crosses, checked one after another, so that only one group's rows
 * are held at a time, and side by side when there are threads to spare; the results are merged
 * in the order a whole check gives. If a share fails, or a file turns out to hold another
 * dataset than its first rows said, the check is run again whole, so the result never depends
 * on the sharing.
 */
export async function checkFiles(
  pack: RulePack,
  paths: readonly string[],
  options: CheckFilesOptions,
): Promise<{ result: CheckResult; files: string[]; fingerprints: FileFingerprint[]; skipped: string[]; sharedOut: SharedOut | null }> {
  const { files, skipped } = listInputFiles(paths);
  const selected = pack.rules.filter(options.select);
  const base = { pack, asOf: options.asOf, headerAliases: options.headerAliases, limits: options.limits };
  const shares = planShares(selected, pack.overviews, guessInputs(files, pack.datasets, options.headerAliases));
  const threads = shares ? Math.min(threadsFor(files, options.threads), shares.length) : 1;
  const done = shares && (await checkShares(shares, base, threads, options.onProgress));
  if (shares && done && splitHeld(shares, done.map((d) => d.result), selected)) {
    const order = new Map(files.map((f, i) => [f, i]));
    const fingerprints = done.flatMap((d) => d.fingerprints).sort((a, b) => order.get(a.file)! - order.get(b.file)!);
    return { result: mergeChecks(done.map((d) => d.result), files, pack.overviews), files, fingerprints, skipped, sharedOut: { shares: shares.length, threads } };
  }
  const whole = checkPart({ ...base, files, rules: selected.map((r) => r.id) }, options.onProgress);
  return { ...whole, files, skipped, sharedOut: null };
}
