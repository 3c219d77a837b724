import { problemText } from '../rules/problem-text.js';
import { packFileRole, type PackFile, type RulePack } from '../rules/rule-pack.js';
import type { PackProblem } from '../rules/validate-pack.js';
import { caseProblems } from './case-problems.js';

/**
 * What `comply validate` says of a pack: each problem (schema, names, columns, units, cases)
 * with the folder before its file, then a closing line with what was checked.
 */
export function packValidation(pack: RulePack, files: readonly PackFile[], problems: readonly PackProblem[], folder: string): { lines: string[]; problems: number } {
  const all = [...problems, ...caseProblems(pack, files)];
  const count = (role: string) => files.filter((f) => packFileRole(f.path) === role).length;
  const checked = `${count('rule')} rule file(s), ${count('cases')} cases file(s), ${count('dataset')} dataset(s) in ${folder}`;
  const closing = all.length === 0 ? `No problems: ${checked}` : `${all.length} problem(s) in ${new Set(all.map((p) => p.file)).size} file(s): ${checked}`;
  return { lines: [...all.map((p) => problemText(p, folder)), closing], problems: all.length };
}
