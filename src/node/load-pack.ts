import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parsePackFile } from '../rules/parse-pack-file.js';
import { printable } from '../report/printable.js';
import { problemText } from '../rules/problem-text.js';
import type { PackFile, RulePack } from '../rules/rule-pack.js';
import { validatePack, type PackProblem } from '../rules/validate-pack.js';
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
  const files: PackFile[] = [];
  const problems: PackProblem[] = [];
  for (const full of jsonFiles(dir)) {
    const path = relative(dir, full).split(sep).join('/');
    const parsed = parsePackFile(path, readFileSync(full, 'utf8'));
    if (parsed.file) files.push(parsed.file);
    problems.push(...parsed.problems);
  }
  return { files, problems };
}

/**
 * Reads and validates a rule pack folder, returning every problem rather than throwing.
 * Datasets and calendars come from the shipped pack when the folder has none of its own,
 * so a folder of rules alone is enough.
 */
export function collectPack(dir: string = SHIPPED_RULES): { pack: RulePack; files: PackFile[]; problems: PackProblem[] } {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new PackError([{ file: dir, pointer: '/', message: 'no such rules folder' }]);
  const own = readPackFiles(dir);
  const roles = own.files.map((f) => f.path);
  const shipped = dir === SHIPPED_RULES ? { files: [], problems: [] } : readPackFiles(SHIPPED_RULES);
  const borrowed = shipped.files.filter(
    (f) =>
      (/^datasets\//.test(f.path) && !roles.some((p) => /(^|\/)datasets\//.test(p))) ||
      (/^calendars\//.test(f.path) && !roles.some((p) => /(^|\/)calendars\//.test(p))),
  );
  const files = [...own.files, ...borrowed];
  const { pack, problems } = validatePack(files);
  return { pack, files, problems: [...own.problems, ...problems] };
}

/** Loads a rule pack folder for a run: any problem stops it (a warning does not). */
export function loadPack(dir: string = SHIPPED_RULES): RulePack {
  const { pack, problems: found } = collectPack(dir);
  const problems = found.filter((p) => !p.warning);
  if (problems.length) throw new PackError(problems);
  return pack;
}
