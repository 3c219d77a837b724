import { dayFromIso } from '../calendar/index.js';
import { normaliseHeader } from '../datasets/normalise-header.js';
import { escapePointer } from '../rules/json-source.js';
import { noColumn } from '../rules/nearest-name.js';
import { packFileRole, type PackFile, type RulePack } from '../rules/rule-pack.js';
import { datasetsOf, type RuleCase, type RuleCases, type RuleDef } from '../rules/rule.js';
import { locateProblems, type PackProblem } from '../rules/validate-pack.js';

/** The paths of the pack's files of this role whose JSON has this key set to this value. */
const pathsOf = (files: readonly PackFile[], role: 'rule' | 'cases', key: 'id' | 'rule', value: string) =>
  files.filter((f) => packFileRole(f.path) === role && (f.json as Record<string, unknown>)[key] === value).map((f) => f.path);

/** A case that expects nothing flagged and nothing left unjudged: the rule passes the rows. */
const passes = (c: RuleCase) => c.expect.length === 0 && !c.expectNotEvaluable;

function caseDataProblems(pack: RulePack, rule: RuleDef, c: RuleCase, at: string, say: (pointer: string, message: string) => void) {
  const reads = datasetsOf(rule);
  if (dayFromIso(c.asOf) === undefined) say(`${at}/asOf`, `"${c.asOf}" is not a real date`);
  for (const [i, e] of c.expect.entries()) if (e.dueDate !== null && dayFromIso(e.dueDate) === undefined) say(`${at}/expect/${i}/dueDate`, `"${e.dueDate}" is not a real date`);
  for (const [id, rows] of Object.entries(c.data)) {
    const dataset = pack.datasets.find((d) => d.id === id);
    const where = `${at}/data/${escapePointer(id)}`;
    if (!reads.includes(id) || !dataset) {
      say(where, `rule "${rule.id}" does not read dataset "${id}" (it reads ${reads.join(', ')})`);
      continue;
    }
    const headers = new Set(Object.entries(dataset.columns).flatMap(([name, col]) => [name, ...(col.aliases ?? [])].map(normaliseHeader)));
    const unknown = new Set(rows.flatMap((row) => Object.keys(row)).filter((h) => !headers.has(normaliseHeader(h))));
    for (const h of unknown) {
      const r = rows.findIndex((row) => h in row);
      say(`${where}/${r}/${escapePointer(h)}`, noColumn(dataset, h));
    }
  }
}

function setProblems(pack: RulePack, rule: RuleDef, set: RuleCases, say: (pointer: string, message: string) => void) {
  if (!set.cases.some((c) => c.expect.length > 0)) say('/cases', 'no case raises an exception: add one where the rule flags a row');
  if (!set.cases.some(passes)) say('/cases', 'no case passes: add one where the rule flags nothing and every row can be judged');
  const names = new Set<string>();
  for (const [i, c] of set.cases.entries()) {
    if (names.has(c.name)) say(`/cases/${i}/name`, `another case is also called "${c.name}"`);
    names.add(c.name);
    caseDataProblems(pack, rule, c, `/cases/${i}`, say);
  }
}

/**
 * What `comply validate` asks of each rule's cases beyond their schema: that every rule has a
 * cases file, with a case that raises an exception and one that passes, whose rows use datasets
 * the rule reads and columns those datasets define, on real dates.
 */
export function caseProblems(pack: RulePack, files: readonly PackFile[]): PackProblem[] {
  const problems: PackProblem[] = [];
  for (const rule of pack.rules) {
    const set = pack.cases.find((s) => s.rule === rule.id);
    if (!set) {
      problems.push({ file: pathsOf(files, 'rule', 'id', rule.id)[0] ?? rule.id, pointer: '/id', message: 'no cases: add a .cases.json file beside the rule, with a case that raises an exception and one that passes' });
      continue;
    }
    const [file = rule.id, ...extra] = pathsOf(files, 'cases', 'rule', rule.id);
    for (const other of extra) problems.push({ file: other, pointer: '/rule', message: `${file} already holds the cases of "${rule.id}"` });
    setProblems(pack, rule, set, (pointer, message) => problems.push({ file, pointer, message }));
  }
  return locateProblems(problems, files);
}
