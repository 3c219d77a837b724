import { beforeAll } from 'vitest';

/**
 * Work shared by several tests of a file, done by the first that asks and awaited by each: unlike
 * a beforeAll hook doing the work, a failure fails every test that needs it (Stryker reads tests
 * skipped after a failed hook as passing, so a mutant that broke the work would count as
 * survived). Forgotten before each run of the file: Stryker's runner keeps modules loaded between
 * runs, and work remembered from an earlier run would never meet the mutant.
 */
export function once<T>(work: () => Promise<T>): () => Promise<T> {
  let done: Promise<T> | undefined;
  beforeAll(() => {
    done = undefined;
  });
  return () => (done ??= work());
}
