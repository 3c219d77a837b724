// What the browser page is given for a folder, and what `comply` says of the same files run from the folder above.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { inputsToRead, type GivenFile } from '../../src/browser/inputs.js';
import { complyHere, type CliRun } from '../helpers/cli.js';

/** A folder as the page's folder picker gives it: each file's path from the folder's own name, in no particular order. */
export function pickedFolder(folder: string): GivenFile[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => ({ path: path.relative(path.dirname(folder), path.join(e.parentPath, e.name)).split(path.sep).join('/'), inFolder: true }))
    .reverse();
}

/** The files of a picked folder to read, with their bytes, in the order the page reads them. */
export function folderBytes(folder: string) {
  const { files, skipped } = inputsToRead(pickedFolder(folder));
  return { files: files.map((p) => ({ path: p, bytes: new Uint8Array(readFileSync(path.join(path.dirname(folder), p))) })), skipped };
}

/** `comply` run in this process from the folder `cwd`, so that it names the files as the page does. */
export async function complyIn(cwd: string, ...args: string[]): Promise<CliRun> {
  const was = process.cwd();
  process.chdir(cwd);
  try {
    return await complyHere(...args);
  } finally {
    process.chdir(was);
  }
}
