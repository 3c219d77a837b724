// A write held part-way, for the test of Ctrl-C while writing: with one thread in libuv's pool
// (UV_THREADPOOL_SIZE=1), opening a named pipe no one writes to takes that thread for ever, so
// the report's temporary file is made (synchronously) and then no piece of it is ever written.
import { open } from 'node:fs/promises';
import { writeAtomic } from '../../../src/node/write-output.js';

const [out, pipe] = process.argv.slice(2) as [string, string];
void open(pipe, 'r');
await writeAtomic(out, 'x'.repeat(1 << 22));
