import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { Day } from '../calendar/index.js';
import type { HeaderAliases } from '../datasets/dataset.js';
import { byFileOrder, mergeChecks, splitHeld } from '../engine/merge-checks.js';
import type { OnProgress } from '../engine/progress.js';
import type { CheckResult } from '../engine/run-check.js';
import { planShares } from '../engine/split-plan.js';
import type { FileFingerprint } from '../manifest/run-manifest.js';
import type { ReadLimits } from '../read/input-limits.js';
import type { RulePack } from '../rules/rule-pack.js';
import type { RuleDef } from '../rules/rule.js';
import { checkShare, type PostedShare, type ShareResult, type ShareTask } from './check-share.js';
import { inRowRanges, joinRowRanges, type RangedShare } from './row-ranges.js';
import type { RenderedExceptions, RenderFormat } from '../report/rendered.js';
import { guessInputs } from './guess-inputs.js';
import type { Skipped } from '../read/input-files.js';
import { listInputFiles } from './read-inputs.js';

/** From this many bytes of input, a check uses one thread per core unless told how many to use. */
export const THREADS_FROM_BYTES = 16 * 2 ** 20;

/** From this many bytes, a CSV file that is the one share with input is checked in two ranges of its rows, side by side, when there are two threads. */
export const ROW_RANGES_FROM_BYTES = THREADS_FROM_BYTES;

export interface CheckFilesOptions {
  asOf: Day;
  select: (rule: RuleDef) => boolean;
  headerAliases: HeaderAliases;
  limits: ReadLimits;
  /** Threads to check with (default: one per core from THREADS_FROM_BYTES of input, else one). */
  threads?: number;
  /** Bytes from which a file may be checked in ranges of its rows (default ROW_RANGES_FROM_BYTES). */
  rowRangesFrom?: number;
  /**
   * The report's format, when it is a JSON file or CSV folder written from the check as it is (no
   * baseline): only then may a file be checked in ranges of its rows, each range's exceptions
   * kept on its thread and written into the report by it (`rendered`: see rendered.ts).
   */
  render?: RenderFormat;
  onProgress?: OnProgress;
}

type Base = Omit<ShareTask, 'files' | 'rules' | 'failed'>;

/** How a check was shared out: into how many shares, checked by how many threads; and in how many ranges of its rows one file was checked, if it was. */
export interface SharedOut {
  shares: number;
  threads: number;
  rowRanges?: number;
}

/** What a worker thread is given: the shares; the index of the next share not yet taken, then 1 once a share has failed (shared by every thread). */
export interface WorkerTask {
  base: Base;
  shares: RangedShare[];
  next: Int32Array;
}

/** A share's result, as a worker thread posts it back. */
export interface ShareDone {
  index: number;
  done: ShareResult;
}

/** A share's result as a worker thread posts it (see PostedShare). */
export interface SharePosted {
  index: number;
  done: PostedShare;
}

/** Asks a worker thread to write a range's exceptions (share `fill`) into an open file, each block at its place (see WriteBlocks). */
export interface FillRequest {
  fill: number;
  fd: number;
  places: Float64Array;
}

/** A worker thread's answer to a FillRequest: done, or why it failed. */
export interface Filled {
  filled: number;
  failed?: string;
}

/** What a worker thread posts once no share is left for it, so the check need not wait for the thread to exit. */
export const NO_SHARE_LEFT = null;

/**
 * Checks shares until none is left, each thread taking the next one not yet taken; a share
 * that fails stops every thread from taking more.
 */
export async function takeShares(task: WorkerTask, each: (done: ShareDone) => void, onProgress?: OnProgress): Promise<void> {
  for (let index = Atomics.add(task.next, 0, 1); index < task.shares.length; index = Atomics.add(task.next, 0, 1)) {
    try {
      each({ index, done: await checkShare({ ...task.base, ...task.shares[index]!, failed: task.next }, onProgress) });
    } catch (error) {
      failedShare(task);
      throw error;
    }
  }
}

/** Marks a check's shares as failed: no thread takes another, and a range of rows being read stops (see ShareTask.failed). */
function failedShare(task: WorkerTask): void {
  Atomics.store(task.next, 0, task.shares.length);
  Atomics.store(task.next, 1, 1);
}

/** A worker thread; from the TypeScript source (tests, the bench) it loads the source through tsx, as this thread does. */
function startWorker(): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./check-worker.js', here));
  const [tsx, entry] = [import.meta.resolve('tsx/esm/api'), new URL('./check-worker.ts', here).href].map((url) => JSON.stringify(url));
  return new Worker(`import(${tsx}).then((api) => { api.register(); return import(${entry}); });`, { eval: true });
}

/** What a worker thread is sent once the shares are known: the task, and the port to post each share's result to. */
export interface WorkerStart {
  task: WorkerTask;
  results: MessagePort;
}

/**
 * A worker thread for shares of a check, started before they are planned (it loads its modules
 * meanwhile). It posts each share's result to a port this thread reads between its own shares,
 * so the results are taken in while both threads work rather than all at the end.
 */
class ShareWorker {
  private readonly worker = startWorker();
  private readonly channel = new MessageChannel();
  private task: WorkerTask | undefined;
  private failed = false;
  /** Whether it has posted NO_SHARE_LEFT. */
  private through = false;
  private readonly exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));

  constructor() {
    // Not waited for at exit: a thread that keeps exceptions for a report not written (the run failed first) is let go of.
    this.worker.unref();
    this.worker.once('error', () => {
      this.failed = true;
      if (this.task) failedShare(this.task);
    });
  }

  start(task: WorkerTask): void {
    this.task = task;
    const start: WorkerStart = { task, results: this.channel.port2 };
    this.worker.postMessage(start, [this.channel.port2]);
  }

  /** The results it has posted so far. */
  take(each: (done: ShareDone) => void): void {
    for (let m = receiveMessageOnPort(this.channel.port1); m; m = receiveMessageOnPort(this.channel.port1)) {
      const posted = m.message as SharePosted | typeof NO_SHARE_LEFT;
      if (posted === NO_SHARE_LEFT) this.through = true;
      else each(this.unpacked(posted));
    }
  }

  /** A result as posted, made whole: a range's exceptions kept on the thread are written by asking it to (see fill). */
  private unpacked({ index, done }: SharePosted): ShareDone {
    return { index, done: done.measured ? { ...done, write: (fd, places) => this.fill({ fill: index, fd, places }) } : done };
  }

  /** Has the thread write a range's exceptions it keeps, and waits until it has. */
  private fill(request: FillRequest): Promise<void> {
    const port = this.channel.port1;
    return new Promise((resolve, reject) => {
      const answer = (reply: Filled) => {
        if (reply.filled !== request.fill) return;
        port.off('message', answer);
        if (reply.failed) reject(Object.assign(new Error(reply.failed), { code: reply.failed }));
        else resolve();
      };
      port.on('message', answer);
      void this.exited.then(() => reject(new Error('the worker thread stopped')));
      port.postMessage(request);
    });
  }

  /**
   * Takes its last results once it has no share left (or has exited, having failed); false if
   * it failed. The thread's exit is not waited for: it takes a while, and nothing needs it.
   */
  async finish(each: (done: ShareDone) => void): Promise<boolean> {
    this.take(each);
    if (!this.through) {
      const port = this.channel.port1;
      await new Promise<void>((resolve) => {
        port.on('message', (posted: SharePosted | typeof NO_SHARE_LEFT) => {
          if (posted !== NO_SHARE_LEFT) return each(this.unpacked(posted));
          this.through = true;
          resolve();
        });
        void this.exited.then(resolve);
      });
      port.removeAllListeners('message');
      this.take(each);
    }
    return !this.failed && this.through;
  }

  /** Ends a thread that turned out not to be needed, or is done. */
  stop(): void {
    this.channel.port1.close();
    void this.worker.terminate();
  }
}

/**
 * Every share's result, checked by this thread and the worker threads; null if any share failed.
 * Progress counts the shares done out of all of them (this thread's own steps name what it is
 * working on), and each report of it also takes in what the workers have posted.
 */
async function checkShares(shares: RangedShare[], base: Base, workers: readonly ShareWorker[], onProgress?: OnProgress): Promise<ShareResult[] | null> {
  const task: WorkerTask = { base, shares, next: new Int32Array(new SharedArrayBuffer(8)) };
  const results: (ShareResult | undefined)[] = [];
  let finished = 0;
  const keep = ({ index, done }: ShareDone) => {
    results[index] = done;
    finished++;
  };
  const takePosted = () => {
    for (const worker of workers) worker.take(keep);
  };
  const overall: OnProgress | undefined =
    onProgress &&
    ((p) => {
      takePosted();
      onProgress({ ...p, done: finished, total: shares.length });
    });
  for (const worker of workers) worker.start(task);
  let ok = true;
  try {
    await takeShares(
      task,
      (own) => {
        keep(own);
        takePosted();
      },
      overall,
    );
  } catch {
    // The check is run whole at once (the threads are stopped), not after the threads' shares: a range of rows whose ids are not in order stops at its first rows.
    return null;
  }
  for (const worker of workers) ok = (await worker.finish(keep)) && ok;
  return ok && shares.every((_s, i) => results[i]) ? (results as ShareResult[]) : null;
}

/** The most threads --threads may ask for: more would cost memory and start-up time and check no faster. */
export const MAX_THREADS = 64;

/**
 * How many threads a check of these files uses: as asked, else one per core from
 * THREADS_FROM_BYTES of input, else one; never more than there are files, since a share of the
 * work holds at least one file, but for one more where a file is large enough to be checked in
 * two ranges of its rows.
 */
export function threadsFor(files: readonly string[], asked?: number, rowRangesFrom = ROW_RANGES_FROM_BYTES): number {
  const sizes = files.map((f) => statSync(f, { throwIfNoEntry: false })?.size ?? 0);
  const most = files.length + (sizes.some((size) => size >= rowRangesFrom) ? 1 : 0);
  return Math.max(1, Math.min(most, asked ?? (sizes.reduce((n, size) => n + size, 0) >= THREADS_FROM_BYTES ? availableParallelism() : 1)));
}

/**
 * The check of the files and folders given, each file streamed and fingerprinted, with the rule
 * pack `readPack` gives (read once the worker threads are started, so that their start-up
 * overlaps it). Where each file's dataset can be told from its first rows (CSV files), the check
 * is shared out by groups of datasets that no rule crosses, checked one after another, so that
 * only one group's rows are held at a time, and side by side when there are threads to spare;
 * the results are merged in the order a whole check gives. If a share fails, or a file turns out
 * to hold another dataset than its first rows said, the check is run again whole, so the result
 * never depends on the sharing.
 */
export async function checkFiles(
  readPack: () => RulePack,
  paths: readonly string[],
  options: CheckFilesOptions,
): Promise<{ pack: RulePack; result: CheckResult; rendered: KeptRendered | null; files: string[]; fingerprints: FileFingerprint[]; skipped: Skipped[]; sharedOut: SharedOut | null }> {
  const { files, skipped } = listInputFiles(paths);
  const rowRangesFrom = options.rowRangesFrom ?? ROW_RANGES_FROM_BYTES;
  // A thread more than there are files only where one may be checked in ranges of its rows, which only a report written by the threads allows.
  const workers = Array.from({ length: threadsFor(files, options.threads, options.render ? rowRangesFrom : Infinity) - 1 }, () => new ShareWorker());
  const kept = new Set<ShareWorker>();
  try {
    const pack = readPack();
    const selected = pack.rules.filter(options.select);
    const base = { pack, asOf: options.asOf, headerAliases: options.headerAliases, limits: options.limits };
    const guesses = guessInputs(files, pack.datasets, options.headerAliases);
    const shares = planShares(selected, pack.overviews, guesses);
    const ranged = shares && workers.length > 0 && options.render ? inRowRanges(shares, guesses, selected, pack.overviews, rowRangesFrom, options.render) : null;
    const planned: RangedShare[] | null = ranged ?? shares;
    const used = planned ? workers.slice(0, planned.length - 1) : [];
    for (const idle of workers.slice(used.length)) idle.stop();
    const threads = used.length + 1;
    const checked = planned && (await checkShares(planned, base, used, options.onProgress));
    const joined = checked && (ranged ? joinRowRanges(ranged, checked) : { results: checked, rendered: null });
    const done = joined?.results;
    if (shares && done && splitHeld(shares, done.map((d) => d.result), selected)) {
      const fingerprints = done.flatMap((d) => d.fingerprints).sort(byFileOrder(files));
      const sharedOut = { shares: shares.length, threads, ...(ranged ? { rowRanges: 2 } : {}) };
      // The threads keep the exceptions they found until the report is written.
      for (const worker of joined.rendered ? used : []) kept.add(worker);
      const rendered = joined.rendered && { ...joined.rendered, release: () => used.forEach((w) => w.stop()) };
      return { pack, result: mergeChecks(done.map((d) => d.result), files, pack.overviews), rendered, files, fingerprints, skipped, sharedOut };
    }
    const whole = await checkShare({ ...base, files, rules: selected.map((r) => r.id) }, options.onProgress);
    return { pack, result: whole.result, rendered: null, fingerprints: whole.fingerprints, files, skipped, sharedOut: null };
  } finally {
    for (const worker of workers) if (!kept.has(worker)) worker.stop();
  }
}

/** A check's exceptions kept on the threads that found them, to be written into the report (see rendered.ts); `release` lets the threads go once it is written. */
export type KeptRendered = RenderedExceptions & { release: () => void };
