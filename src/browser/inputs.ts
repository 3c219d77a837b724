import { isHiddenEntry, NOT_A_SPREADSHEET, READABLE, type Skipped } from '../read/input-files.js';

/**
 * A file the user gave: its path as the command line would name it when run from the folder
 * above (a picked folder's name, then the path inside it; a file picked alone, its name) and
 * whether it came from a folder (only a folder's files are sorted out by type).
 */
export interface GivenFile {
  path: string;
  inFolder: boolean;
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Paths in the order the command line walks folders: each folder's entries by name, a subfolder where its name falls. */
function walkOrder(a: string, b: string): number {
  const [x, y] = [a.split('/'), b.split('/')];
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return byCodeUnits(x[i]!, y[i]!);
  return x.length - y.length;
}

/**
 * The files to read and those skipped, as `comply check --data` finds them: in a folder, hidden
 * entries and Excel's lock files are passed over unseen and a file that is not a spreadsheet is
 * skipped (a finding names it); a file given alone is read whatever its type.
 */
export function inputsToRead(given: readonly GivenFile[]): { files: string[]; skipped: Skipped[] } {
  const files = new Set<string>();
  const skipped = new Set<string>();
  for (const { path, inFolder } of given) {
    if (!inFolder) files.add(path);
    else if (path.split('/').slice(1).some(isHiddenEntry)) continue;
    else (READABLE.test(path) ? files : skipped).add(path);
  }
  return { files: [...files].sort(walkOrder), skipped: [...skipped].sort(walkOrder).map((file) => ({ file, why: NOT_A_SPREADSHEET })) };
}

/** Why a file chosen under a path was not read: another file was chosen under the same path after it. */
export const CHOSEN_TWICE = 'Two different files were chosen under this name: only the one chosen last was checked; give them different names, or choose the folders they are in';

/**
 * Adds a file to those chosen, by the path the command line would name it with. Another file
 * already chosen under that path (two files of one name, each chosen alone or dropped) is
 * replaced, and its path is added to `replaced`, so that the page can say so and its report
 * name it; the same file chosen again replaces nothing.
 */
export function choose<T>(chosen: Map<string, T>, replaced: Set<string>, path: string, file: T, same: (a: T, b: T) => boolean): void {
  const before = chosen.get(path);
  if (before !== undefined && !same(before, file)) replaced.add(path);
  chosen.set(path, file);
}

/** The files chosen twice under one path, as files skipped (each a finding in the report). */
export const chosenTwice = (replaced: Iterable<string>): Skipped[] => [...replaced].sort(walkOrder).map((file) => ({ file, why: CHOSEN_TWICE }));
