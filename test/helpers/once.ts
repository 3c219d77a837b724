/**
 * Work shared by several tests, done by the first that asks and awaited by each: unlike a
 * beforeAll hook, a failure fails every test that needs it (Stryker reads tests skipped after a
 * failed hook as passing, so a mutant that breaks the work would be counted as survived).
 */
export function once<T>(work: () => Promise<T>): () => Promise<T> {
  let done: Promise<T> | undefined;
  return () => (done ??= work());
}
