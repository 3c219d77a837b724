/** A worker thread's entry: checks shares of a check until none is left, posting each result back. */
import { parentPort, workerData } from 'node:worker_threads';
import { takeShares, type WorkerTask } from './check-files.js';

takeShares(workerData as WorkerTask, (done) => parentPort!.postMessage(done));
