import { closeSync, lstatSync, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import type { OnProgress } from '../engine/progress.js';
import type { FileFingerprint } from '../manifest/run-manifest.js';
import { isHiddenEntry, NOT_A_SPREADSHEET, READABLE, unreadableFileMessage, type Skipped } from '../read/input-files.js';
import { checkFileSize, type ReadLimits } from '../read/input-limits.js';
import type { RawRows, RawTable } from '../read/raw-table.js';
import { TextEncodingCheck } from '../read/text-encoding.js';
import { csvTable, isStreamedCsv } from '../read/csv-table.js';
import { fileFingerprint, streamedFingerprint } from './fingerprint.js';
import { nativeUtf8Decoder, nativeUtf8Kind } from './native-utf8.js';

/** An input that could not be read at all: the run stops and says which file and why. */
export class InputError extends Error {}

/** What a path that is not a regular file or a folder is, in a user's words. */
function oddKind(stat: Stats): string {
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  return 'a device file';
}

/** A file's bytes; what is not a regular file (a named pipe would be waited on for ever, a device read without end, a folder) is refused unread. */
export function readRegularFile(path: string): Buffer {
  const stat = statSync(path);
  if (stat.isDirectory()) throw new Error('not a file but a folder');
  if (!stat.isFile()) throw new Error(`not a file but ${oddKind(stat)}`);
  return readFileSync(path);
}

/** Why a file named on the command line (a config, a baseline) could not be read, in a user's words. */
export function unreadableBecause(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'there is no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return code ?? (error as Error).message;
}

/** A JSON file's text (a config, a report), a byte order mark (as Notepad saves one) left out; refused unread as readRegularFile refuses. */
export const readJsonText = (path: string): string => readRegularFile(path).toString('utf8').replace(/^\uFEFF/, '');

/** Why a link or entry could not be followed, in a user's words. */
const unfollowable = (code: string | undefined) =>
  code === 'ENOENT' ? 'a link to a file that does not exist (a broken link)' : code === 'ELOOP' ? 'a link that leads back to itself (a link loop)' : `could not be opened (${code ?? 'unreadable'})`;

/**
 * Every file under the given files and folders, in a stable order: those to read, and those in a
 * folder that were not (named, so that nothing vanishes unseen): a file whose type is not a
 * spreadsheet; anything that is not a regular file (a named pipe, which would wait for ever, or a
 * device such as /dev/zero, which never ends); a broken link or a link loop; and a file reached
 * a second time by another path (a link, or a folder and a file in it), which is read once. A
 * path given directly that is not a regular file or a folder stops the run, saying what it is.
 */
export function listInputFiles(paths: readonly string[]): { files: string[]; skipped: Skipped[] } {
  const files: string[] = [];
  const skipped: Skipped[] = [];
  const seen = new Map<string, string>();
  const visit = (p: string, stat: Stats, given: boolean) => {
    const real = realpathSync(p);
    const first = seen.get(real);
    if (first !== undefined) {
      const what = stat.isDirectory() ? 'folder' : 'file';
      const why = first === p ? `Given twice (on its own and in a folder, say), so the ${what} was read once` : `The same ${what} as ${first} (reached by another path), so it was read once`;
      // A path reached again the same way (in a folder and given on its own) is named once.
      if (!skipped.some((s) => s.file === p && s.why === why)) skipped.push({ file: p, why });
      return;
    }
    seen.set(real, p);
    if (stat.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        if (isHiddenEntry(name)) continue;
        const child = join(p, name);
        let inner: Stats;
        try {
          inner = statSync(child);
        } catch (error) {
          skipped.push({ file: child, why: `${upperFirst(unfollowable((error as NodeJS.ErrnoException).code))}, so it was not read` });
          continue;
        }
        if (inner.isDirectory() || (inner.isFile() && READABLE.test(name))) visit(child, inner, false);
        else if (!inner.isFile()) skipped.push({ file: child, why: `Not a regular file but ${oddKind(inner)}, so it was not read` });
        else skipped.push({ file: child, why: NOT_A_SPREADSHEET });
      }
    } else if (stat.isFile()) files.push(p);
    else if (given) throw new InputError(`${p} is not a file but ${oddKind(stat)}: give a spreadsheet file or a folder`);
  };
  for (const p of paths) {
    let stat: Stats | undefined;
    try {
      stat = statSync(p, { throwIfNoEntry: false });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new InputError(`${p} is ${unfollowable(code)}${code === 'ELOOP' ? `: ${MEND_LINK}` : ''}`);
    }
    if (!stat) throw new InputError(lstatSync(p, { throwIfNoEntry: false }) ? `${p} is ${unfollowable('ENOENT')}: ${MEND_LINK}` : `No such file or folder: ${p}`);
    visit(p, stat, true);
  }
  return { files, skipped };
}

/** What to do about a link given on the command line that leads nowhere. */
const MEND_LINK = 'give the file itself, or mend the link';

const upperFirst = (text: string) => `${text[0]!.toUpperCase()}${text.slice(1)}`;

/**
 * A streamed file is read 64 KB at a time: each piece of text decoded, joined to the row left
 * unfinished and scanned is smaller. Measured on a million-row check: peak memory about 0.1 GB
 * lower than with 4 MB pieces; and reading a 107 MB CSV's rows took half the time it took in
 * 256 KB pieces (1.2-1.9 s against 2.5-4.1 s, three runs each on a loaded machine): a piece of
 * text over 128 KB is too large for V8's ordinary heap, and each is made and collected apart.
 */
const CHUNK_BYTES = 1 << 16;

/** A file's bytes in chunks (from byte `start` to byte `end`, by default all), read as they are consumed; an unreadable file is an InputError. */
export function* fileChunks(file: string, start = 0, end = Infinity): Generator<Uint8Array> {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    throw new InputError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`);
  }
  try {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    for (let at = start, n = 0; at < end; at += n) {
      n = readSync(fd, buffer, 0, Math.min(CHUNK_BYTES, end - at), at);
      if (n === 0) break;
      yield buffer.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
}

/** A file's first bytes, at most `most` of them (all of a small file), read without reading more. */
export function firstBytes(file: string, most: number): Uint8Array {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(most);
    return buffer.subarray(0, readSync(fd, buffer, 0, most, 0));
  } finally {
    closeSync(fd);
  }
}

/** How many of a file's first bytes tell plain delimited text from anything else. */
export const HEAD_BYTES = 4096;

/**
 * SheetJS's reading of a file's bytes (workbook-tables.ts), loaded when a file that is not plain
 * CSV is first read: SheetJS is a megabyte of code and takes about 60 ms to load, so a check of
 * CSV files never loads it.
 */
const workbookReading = () => import('../read/workbook-tables.js');

/** What `read` gives; an error reading the file (an InputError already, or any other) as an InputError that names it. */
function namingTheFile<T>(file: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(code ? `Cannot read ${file}: ${code}` : unreadableFileMessage(error, file));
  }
}

/**
 * One file as raw tables and its fingerprint: a plain CSV file streamed from disk when `stream`,
 * else read whole. SheetJS's reading is loaded outside the file's errors: a failure to load it
 * is the installation's, not the file's, and is not reported as the file being unreadable.
 */
async function readFile(file: string, limits: ReadLimits, stream: boolean): Promise<{ tables: RawRows[]; fingerprint: FileFingerprint }> {
  const read = namingTheFile(file, (): { tables: RawRows[]; fingerprint: FileFingerprint } | { bytes: Uint8Array } => {
    checkFileSize(statSync(file).size, file, limits);
    if (stream && isStreamedCsv(file, firstBytes(file, HEAD_BYTES))) {
      // One pass over the bytes gives the fingerprint and whether they are all UTF-8; rows are read in a second.
      const check = new TextEncodingCheck(nativeUtf8Kind);
      const fingerprint = streamedFingerprint(file, fileChunks(file), (chunk) => check.update(chunk));
      return { tables: [csvTable(file, () => fileChunks(file), check.reading(), nativeUtf8Decoder)], fingerprint };
    }
    return { bytes: readFileSync(file) };
  });
  if (!('bytes' in read)) return read;
  const { parseWorkbook, streamWorkbook } = await workbookReading();
  return namingTheFile(file, () => ({ tables: (stream ? streamWorkbook : parseWorkbook)(read.bytes, file, limits), fingerprint: fileFingerprint(file, read.bytes) }));
}

async function readAll(paths: readonly string[], limits: ReadLimits, onProgress: OnProgress | undefined, stream: boolean) {
  const { files, skipped } = listInputFiles(paths);
  const tables: RawRows[] = [];
  const fingerprints: FileFingerprint[] = [];
  for (const [done, file] of files.entries()) {
    onProgress?.({ stage: 'read', done, total: files.length, item: file });
    const read = await readFile(file, limits, stream);
    for (const table of read.tables) tables.push(table);
    fingerprints.push(read.fingerprint);
  }
  return { tables, files, fingerprints, skipped };
}

/**
 * Each file as raw tables whose rows are read as they are consumed (what a check reads), with
 * its size and SHA-256: a plain CSV file is streamed from disk in chunks, never held whole (its
 * rows can be gone through again: each pass reads the file anew); a workbook is parsed whole by
 * SheetJS and its rows are made as they are read, once, each let go of after.
 * Names in findings are the paths as given.
 */
export function streamInputs(paths: readonly string[], limits: ReadLimits = {}, onProgress?: OnProgress): Promise<{ tables: RawRows[]; files: string[]; fingerprints: FileFingerprint[]; skipped: Skipped[] }> {
  return readAll(paths, limits, onProgress, true);
}

/** Reads each file whole into raw tables, every row in memory, with its size and SHA-256; names in findings are the paths as given. */
export async function readInputs(paths: readonly string[], limits: ReadLimits = {}, onProgress?: OnProgress): Promise<{ tables: RawTable[]; files: string[]; fingerprints: FileFingerprint[]; skipped: Skipped[] }> {
  const { tables, ...rest } = await readAll(paths, limits, onProgress, false);
  return { tables: tables as RawTable[], ...rest };
}
