// What the browser page is given for a folder, and what `comply` says of the same files run from the folder above.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { inputsToRead, type GivenFile } from '../../src/browser/inputs.js';
import { ROOT } from '../helpers/cli.js';

/** A folder as the page's folder picker gives it: each file's path from the folder's own name, in no particular order. */
export function pickedFolder(folder: string): GivenFile[] {
  const name = path.basename(folder);
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => ({ path: path.relative(path.dirname(folder), path.join(e.parentPath, e.name)).split(path.sep).join('/'), inFolder: true }))
    .reverse()
    .filter((f) => f.path.startsWith(`${name}/`));
}

/** The files of a picked folder to read, with their bytes, in the order the page reads them. */
export function folderBytes(folder: string) {
  const { files, skipped } = inputsToRead(pickedFolder(folder));
  return { files: files.map((p) => ({ path: p, bytes: new Uint8Array(readFileSync(path.join(path.dirname(folder), p))) })), skipped };
}

/** The real `comply` command (from source), run in `cwd` so that it names the files as the page does. */
export function complyIn(cwd: string, ...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/main.ts'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
