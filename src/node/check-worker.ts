/** A worker thread's entry: once told the shares of a check, checks them until none is left, posting each result back, then that none is left. */
import { parentPort } from 'node:worker_threads';
import { NO_SHARE_LEFT, takeShares, type WorkerStart } from './check-files.js';

parentPort!.once('message', async ({ task, results }: WorkerStart) => {
  await takeShares(task, (done) => results.postMessage(done));
  results.postMessage(NO_SHARE_LEFT);
});
