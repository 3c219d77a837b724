import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Refuses to write over an input: an output path that is one of the files read. */
export function assertNotInput(out: string, inputs: readonly string[]): void {
  const target = resolve(out);
  if (inputs.some((i) => resolve(i) === target)) throw new Error(`Refusing to write over an input file: ${out}`);
}

/** Text is written this many UTF-16 units at a time (see writeText). */
export const TEXT_PIECE = 1 << 20;

const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;

/**
 * Writes text as UTF-8, a piece at a time through one buffer, never cutting a character in two.
 * Encoding a large report whole first (43 MB for a million rows) would put a second copy of it
 * in fresh memory, which takes longer than the writes: in pieces the write takes half the time.
 */
function writeText(file: string, text: string): void {
  const fd = openSync(file, 'w');
  try {
    const buffer = Buffer.allocUnsafe(3 * Math.min(TEXT_PIECE, text.length));
    for (let at = 0; at < text.length; ) {
      let end = Math.min(at + TEXT_PIECE, text.length);
      if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end--;
      const bytes = buffer.write(text.slice(at, end));
      for (let done = 0; done < bytes; ) done += writeSync(fd, buffer, done, bytes - done);
      at = end;
    }
  } finally {
    closeSync(fd);
  }
}

/** Writes through a temporary file and a rename, so a failed run never leaves a half-written output. */
export function writeAtomic(path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(resolve(path)), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  try {
    if (typeof content === 'string') writeText(temp, content);
    else writeFileSync(temp, content);
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
