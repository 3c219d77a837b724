import { performance } from 'node:perf_hooks';

/** How long `work` takes, in seconds (awaited, so an async step counts whole). */
export async function timed(work: () => unknown): Promise<number> {
  const t0 = performance.now();
  await work();
  return (performance.now() - t0) / 1000;
}
