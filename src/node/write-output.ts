import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, realpathSync, renameSync, rmSync, statSync, write } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { FilledLater } from '../report/rendered.js';

const writeTo = promisify(write);

/** A path as the file system knows it: through links, where it exists. */
const truePath = (path: string) => (existsSync(path) ? realpathSync(path) : resolve(path));

/** Refuses to write over an input: an output path that is one of the files read (by any path to it). */
export function assertNotInput(out: string, inputs: readonly string[]): void {
  const target = truePath(out);
  if (inputs.some((i) => truePath(i) === target)) throw new Error(`Refusing to write over an input file: ${out}`);
}

/**
 * Temporary files and folders this run has made and not yet renamed into place: on Ctrl-C
 * (SIGINT) or SIGTERM they are removed before the run exits with 130 or 143. The handlers are
 * there only while something is being written, which is done a piece at a time so that a signal
 * is taken between pieces: at any other time a signal stops the run at once, as by default.
 */
const unfinished = new Set<string>();

function onSignal(signal: NodeJS.Signals): void {
  for (const path of unfinished) rmSync(path, { recursive: true, force: true });
  process.exit(signal === 'SIGINT' ? 130 : 143);
}

function begun(path: string): void {
  if (unfinished.size === 0) for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, onSignal);
  unfinished.add(path);
}

function ended(path: string): void {
  unfinished.delete(path);
  if (unfinished.size === 0) for (const signal of ['SIGINT', 'SIGTERM'] as const) process.off(signal, onSignal);
}

/** Text is written this many UTF-16 units at a time (see writeText). */
export const TEXT_PIECE = 1 << 20;

const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;

/** Writes bytes at a place in the file (by default where the last write ended), giving where they end. */
async function writeBytes(fd: number, bytes: Uint8Array, at: number | null = null): Promise<number | null> {
  for (let done = 0; done < bytes.length; ) {
    const written = (await writeTo(fd, bytes, done, Math.min(TEXT_PIECE, bytes.length - done), at)).bytesWritten;
    done += written;
    if (at !== null) at += written;
  }
  return at;
}

/**
 * Writes text as UTF-8 through one buffer, encoded into it a piece at a time and written out as
 * it fills, never cutting a character in two. Encoding a large report whole first (43 MB for a
 * million rows) would put a second copy of it in fresh memory, which takes longer than the
 * writes. The text may come in pieces too (a report of a million exceptions, a line each, is
 * more than one string can hold); a piece longer than TEXT_PIECE is encoded TEXT_PIECE units at a
 * time, and a character cut between two pieces is written whole. A piece written apart (see
 * FilledLater: exceptions written by the threads that found them) is left as a stretch of its
 * size, filled before the text after it is written (the text after it may write over its end);
 * from the first such piece on, each write is at its place in the file.
 */
async function writeText(fd: number, pieces: Iterable<string | FilledLater>): Promise<void> {
  const buffer = Buffer.allocUnsafe(3 * TEXT_PIECE);
  let used = 0;
  /** Bytes put in the buffer so far, and where the next write goes once one has to be at a place. */
  let written = 0;
  let at: number | null = null;
  // Awaited only when the buffer is full, the one time there is something to wait for: an await
  // for each piece (a line of a report) took about 0.05 s a half million lines.
  const full = (text: string) => used + 3 * text.length > buffer.length;
  const flush = async () => {
    at = await writeBytes(fd, buffer.subarray(0, used), at);
    used = 0;
  };
  const put = (text: string) => {
    const bytes = buffer.write(text, used);
    used += bytes;
    written += bytes;
  };
  let carried = '';
  for (const given of pieces) {
    if (typeof given !== 'string') {
      // A character cut between two pieces of text is never followed by a piece written apart.
      if (full(carried)) await flush();
      put(carried);
      carried = '';
      await flush();
      at ??= written;
      await given.fill(fd, at);
      at += given.size;
      continue;
    }
    let piece = carried + given;
    carried = '';
    if (isHighSurrogate(piece.charCodeAt(piece.length - 1))) {
      carried = piece.slice(-1);
      piece = piece.slice(0, -1);
    }
    if (piece.length <= TEXT_PIECE) {
      if (full(piece)) await flush();
      put(piece);
      continue;
    }
    for (let at = 0; at < piece.length; ) {
      let end = Math.min(at + TEXT_PIECE, piece.length);
      if (isHighSurrogate(piece.charCodeAt(end - 1))) end--;
      const part = piece.slice(at, end);
      if (full(part)) await flush();
      put(part);
      at = end;
    }
  }
  if (full(carried)) await flush();
  put(carried);
  await flush();
}

/** What an output file holds: text, whole or in pieces (some of them written apart: see FilledLater), or bytes. */
export type Content = string | Iterable<string | FilledLater> | Uint8Array;

/** Writes content to a new file (a temporary one, not yet renamed into place). */
async function writeNew(file: string, content: Content): Promise<void> {
  const fd = openSync(file, 'w');
  try {
    await (content instanceof Uint8Array ? writeBytes(fd, content) : writeText(fd, typeof content === 'string' ? [content] : content));
  } finally {
    closeSync(fd);
  }
}

const failure = (path: string, error: unknown, what = 'nothing was written') =>
  new Error(`Cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? 'write failed'}; ${what}`);

/**
 * Writes through a temporary file and a rename, so that a failed or interrupted run never
 * leaves a half-written output, nor the temporary file.
 */
export async function writeAtomic(path: string, content: Content): Promise<void> {
  mkdirSync(dirname(resolve(path)), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  begun(temp);
  try {
    await writeNew(temp, content);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw failure(path, error);
  } finally {
    ended(temp);
  }
}

/**
 * Writes several files into a folder (created if needed): all of them or none. None may be an
 * input. Each is written into a temporary folder inside it first; only when every one is
 * written are they moved into place.
 */
export async function writeFolder(dir: string, files: ReadonlyMap<string, Content>, inputs: readonly string[]): Promise<string[]> {
  const paths = [...files.keys()].map((name) => join(dir, name));
  for (const path of paths) assertNotInput(path, inputs);
  const blocked = paths.find((path) => statSync(path, { throwIfNoEntry: false })?.isDirectory());
  if (blocked) throw new Error(`Cannot write ${blocked}: a folder of that name is in the way; nothing was written`);
  mkdirSync(dir, { recursive: true });
  const stage = mkdtempSync(join(dir, `.comply-${process.pid}-`));
  begun(stage);
  try {
    try {
      for (const [name, content] of files) await writeNew(join(stage, name), content);
    } catch (error) {
      throw failure(dir, error);
    }
    for (const [i, name] of [...files.keys()].entries()) {
      try {
        renameSync(join(stage, name), paths[i]!);
      } catch (error) {
        throw failure(paths[i]!, error, `${i} of ${paths.length} files were written before it`);
      }
    }
    return paths;
  } finally {
    rmSync(stage, { recursive: true, force: true });
    ended(stage);
  }
}
