/**
 * A worker thread's entry: once told the shares of a check, checks them until none is left,
 * posting each result back, then that none is left. A range of a file's rows keeps its
 * exceptions here, measured as text of the report, until told where in the report's file to
 * write them (a FillRequest); it then says so (Filled).
 */
import { parentPort } from 'node:worker_threads';
import { NO_SHARE_LEFT, takeShares, type FillRequest, type Filled, type WorkerStart } from './check-files.js';
import { postedShare } from './check-share.js';
import type { WriteBlocks } from '../report/rendered.js';

parentPort!.once('message', async ({ task, results }: WorkerStart) => {
  const kept = new Map<number, WriteBlocks>();
  results.on('message', async ({ fill, fd, places }: FillRequest) => {
    let reply: Filled = { filled: fill };
    try {
      await kept.get(fill)!(fd, places);
    } catch (error) {
      reply = { filled: fill, failed: (error as NodeJS.ErrnoException).code ?? (error as Error).message };
    }
    results.postMessage(reply);
  });
  await takeShares(task, ({ index, done }) => {
    if (done.write) kept.set(index, done.write);
    results.postMessage({ index, done: postedShare(done) });
  });
  results.postMessage(NO_SHARE_LEFT);
});
