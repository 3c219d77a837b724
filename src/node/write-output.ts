import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Refuses to write over an input: an output path that is one of the files read. */
export function assertNotInput(out: string, inputs: readonly string[]): void {
  const target = resolve(out);
  if (inputs.some((i) => resolve(i) === target)) throw new Error(`Refusing to write over an input file: ${out}`);
}

/** Writes through a temporary file and a rename, so a failed run never leaves a half-written output. */
export function writeAtomic(path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(resolve(path)), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, content);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new Error(`Cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? 'write failed'}; nothing was written`);
  }
}

/** Writes several files into a folder (created if needed). */
export function writeFolder(dir: string, files: ReadonlyMap<string, string | Uint8Array>): string[] {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const [name, content] of files) {
    const path = join(dir, name);
    writeAtomic(path, content);
    written.push(path);
  }
  return written;
}
