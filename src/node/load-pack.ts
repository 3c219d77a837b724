import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { PackFile, RulePack } from '../rules/rule-pack.js';
import { validatePack, type PackProblem, type PackSchemas } from '../rules/validate-pack.js';
import { SCHEMA_DIR, SHIPPED_RULES } from './paths.js';

/** A rule pack that cannot be used: every problem, with file and JSON pointer. */
export class PackError extends Error {
  constructor(readonly problems: PackProblem[]) {
    super(`The rule pack has ${problems.length} problem(s):\n${problems.map((p) => `  ${p.file} ${p.pointer}: ${p.message}`).join('\n')}`);
  }
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? jsonFiles(join(dir, e.name)) : e.name.endsWith('.json') ? [join(dir, e.name)] : []))
    .sort();
}

export function readSchemas(): PackSchemas {
  const load = (name: string) => JSON.parse(readFileSync(join(SCHEMA_DIR, name), 'utf8')) as object;
  return { rule: load('rule.schema.json'), dataset: load('dataset.schema.json'), cases: load('cases.schema.json'), overview: load('overview.schema.json') };
}

/** Reads a pack folder's JSON files; a file that is not JSON is reported as a problem, not thrown. */
export function readPackFiles(dir: string): { files: PackFile[]; problems: PackProblem[] } {
  const files: PackFile[] = [];
  const problems: PackProblem[] = [];
  for (const full of jsonFiles(dir)) {
    const path = relative(dir, full).split(sep).join('/');
    try {
      files.push({ path, json: JSON.parse(readFileSync(full, 'utf8')) });
    } catch (error) {
      problems.push({ file: path, pointer: '/', message: `not valid JSON: ${(error as Error).message}` });
    }
  }
  return { files, problems };
}

/**
 * Loads and validates a rule pack folder. Datasets and calendars come from the shipped pack
 * when the folder has none of its own, so a folder of rules alone is enough.
 */
export function loadPack(dir: string = SHIPPED_RULES): RulePack {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new PackError([{ file: dir, pointer: '/', message: 'no such rules folder' }]);
  const own = readPackFiles(dir);
  const roles = own.files.map((f) => f.path);
  const shipped = dir === SHIPPED_RULES ? { files: [], problems: [] } : readPackFiles(SHIPPED_RULES);
  const borrowed = shipped.files.filter(
    (f) =>
      (/^datasets\//.test(f.path) && !roles.some((p) => /(^|\/)datasets\//.test(p))) ||
      (/^calendars\//.test(f.path) && !roles.some((p) => /(^|\/)calendars\//.test(p))),
  );
  const { pack, problems } = validatePack([...own.files, ...borrowed], readSchemas());
  const all = [...own.problems, ...problems];
  if (all.length) throw new PackError(all);
  return pack;
}
