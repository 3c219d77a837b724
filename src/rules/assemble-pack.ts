import type { PackFile, RulePack } from './rule-pack.js';
import { validatePack, type PackProblem } from './validate-pack.js';

/**
 * A pack folder's files, validated, with every problem rather than a throw. Datasets and
 * calendars come from the shipped pack's files when the folder has none of its own, so a
 * folder of rules alone is enough.
 */
export function assemblePack(own: { files: PackFile[]; problems: PackProblem[] }, shipped: readonly PackFile[]): { pack: RulePack; files: PackFile[]; problems: PackProblem[] } {
  const roles = own.files.map((f) => f.path);
  const borrowed = shipped.filter(
    (f) =>
      (/^datasets\//.test(f.path) && !roles.some((p) => /(^|\/)datasets\//.test(p))) ||
      (/^calendars\//.test(f.path) && !roles.some((p) => /(^|\/)calendars\//.test(p))),
  );
  const files = [...own.files, ...borrowed];
  const { pack, problems } = validatePack(files);
  return { pack, files, problems: [...own.problems, ...problems] };
}
