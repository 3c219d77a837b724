import { printable } from '../report/printable.js';
import { problemText } from '../rules/problem-text.js';
import { packFileRole, type PackFile, type RulePack } from '../rules/rule-pack.js';
import type { PackProblem } from '../rules/validate-pack.js';
import { caseProblems } from './case-problems.js';

/**
 * What `comply validate` says of a pack: each problem and warning (schema, names, columns, units,
 * cases) with the folder before its file, control characters escaped, then a closing line with
 * what was checked. Only problems count against the pack; warnings are reported, not failed.
 */
export function packValidation(pack: RulePack, files: readonly PackFile[], problems: readonly PackProblem[], folder: string): { lines: string[]; problems: number } {
  const all = [...problems, ...caseProblems(pack, files)];
  const count = (role: string) => files.filter((f) => packFileRole(f.path) === role).length;
  const checked = `${count('rule')} rule file(s), ${count('cases')} cases file(s), ${count('dataset')} dataset(s) in ${folder}`;
  const errors = all.filter((p) => !p.warning);
  const warnings = all.length - errors.length;
  const warned = warnings ? ` (${warnings} warning(s))` : '';
  const closing = errors.length === 0 ? `No problems${warned}: ${checked}` : `${errors.length} problem(s)${warned} in ${new Set(errors.map((p) => p.file)).size} file(s): ${checked}`;
  return { lines: [...all.map((p) => printable(problemText(p, folder))), closing], problems: errors.length };
}
