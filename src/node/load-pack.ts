import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parsePackFiles } from '../rules/parse-pack-file.js';
import { printable } from '../report/printable.js';
import { problemText } from '../rules/problem-text.js';
import type { PackFile, RulePack } from '../rules/rule-pack.js';
import { assemblePack } from '../rules/assemble-pack.js';
import type { PackProblem } from '../rules/validate-pack.js';
import { SHIPPED_RULES } from './paths.js';

/** A rule pack that cannot be used: every problem, with file and JSON pointer, a line each (control characters escaped). */
export class PackError extends Error {
  constructor(readonly problems: PackProblem[]) {
    super(`The rule pack has ${problems.length} problem(s):\n${problems.map((p) => `  ${printable(problemText(p))}`).join('\n')}`);
  }
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? jsonFiles(join(dir, e.name)) : e.name.endsWith('.json') ? [join(dir, e.name)] : []))
    .sort();
}

/** Reads a pack folder's JSON files; a file that is not JSON (or uses a forbidden key) is reported as a problem, not thrown. */
export function readPackFiles(dir: string): { files: PackFile[]; problems: PackProblem[] } {
  return parsePackFiles(jsonFiles(dir).map((full) => ({ path: relative(dir, full).split(sep).join('/'), text: readFileSync(full, 'utf8') })));
}

/** Reads and validates a rule pack folder (with the shipped datasets and calendars where it has none), returning every problem rather than throwing. */
export function collectPack(dir: string = SHIPPED_RULES): { pack: RulePack; files: PackFile[]; problems: PackProblem[] } {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new PackError([{ file: dir, pointer: '/', message: 'no such rules folder' }]);
  return assemblePack(readPackFiles(dir), dir === SHIPPED_RULES ? [] : readPackFiles(SHIPPED_RULES).files);
}

/** Loads a rule pack folder for a run: any problem stops it (a warning does not). */
export function loadPack(dir: string = SHIPPED_RULES): RulePack {
  const { pack, problems: found } = collectPack(dir);
  const problems = found.filter((p) => !p.warning);
  if (problems.length) throw new PackError(problems);
  return pack;
}
