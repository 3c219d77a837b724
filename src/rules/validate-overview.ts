import type { DatasetDef } from '../datasets/dataset.js';
import { didYouMean, noColumn } from './nearest-name.js';
import type { OverviewDef } from './overview.js';
import type { RuleDef } from './rule.js';
import type { PackProblem } from './validate-pack.js';

/** Rules an overview reads facts from (its rows' rule included): they are evaluated row by row. */
export function overviewFactRules(def: OverviewDef): string[] {
  return [...new Set([def.rowsOf, ...def.columns.flatMap((c) => ('fact' in c ? [c.rule] : []))])];
}

/**
 * Checks the schema cannot express: the rules, facts and columns an overview names must exist and
 * fit its rows. A rule whose file failed the schema (its id among `invalidRuleIds`) exists: its
 * own errors are reported, so the overview says nothing more of it.
 */
export function overviewProblems(def: OverviewDef, file: string, rules: ReadonlyMap<string, RuleDef>, invalidRuleIds: ReadonlySet<unknown>, datasets: ReadonlyMap<string, DatasetDef>): PackProblem[] {
  const problems: PackProblem[] = [];
  const say = (pointer: string, message: string) => problems.push({ file, pointer, message });
  const noRule = (pointer: string, id: string) => {
    if (!invalidRuleIds.has(id)) say(pointer, `no rule with id "${id}"${didYouMean(id, rules.keys())}`);
  };
  const rows = rules.get(def.rowsOf);
  if (!rows) noRule('/rowsOf', def.rowsOf);
  else if (rows.each) say('/rowsOf', `rule "${def.rowsOf}" judges each row several times (each), so its rows cannot be listed once`);
  else if (rows.groupBy) say('/rowsOf', `rule "${def.rowsOf}" judges groups of rows (groupBy), so its rows cannot be listed one by one`);
  const dataset = rows ? datasets.get(rows.dataset) : undefined;
  def.columns.forEach((c, i) => {
    const at = `/columns/${i}`;
    if ('column' in c) {
      if (dataset && !(c.column in dataset.columns)) say(`${at}/column`, noColumn(dataset, c.column));
      return;
    }
    const rule = rules.get(c.rule);
    if (!rule) return noRule(`${at}/rule`, c.rule);
    if (!('fact' in c)) return;
    if (rule.each) say(`${at}/rule`, `rule "${c.rule}" judges each row several times (each): use "count" instead of a fact`);
    if (rows && rule.dataset !== rows.dataset) say(`${at}/rule`, `rule "${c.rule}" judges "${rule.dataset}", not the rows' dataset "${rows.dataset}"`);
    if (!(c.fact in rule.facts)) say(`${at}/fact`, `rule "${c.rule}" has no fact "${c.fact}"${didYouMean(c.fact, Object.keys(rule.facts))}`);
  });
  return problems;
}
