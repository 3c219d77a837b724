import type { OverviewDef } from '../rules/overview.js';
import { datasetsOf, type RuleDef } from '../rules/rule.js';

/**
 * An input as guessed from its first rows before it is read: its size and the dataset its
 * header row names (null: none), or undefined when that cannot be told without reading it
 * whole (a workbook, whose sheets may be any datasets).
 */
export interface InputGuess {
  file: string;
  size: number;
  dataset: string | null | undefined;
}

/** One share of a check: the files it reads and the rules it runs over them. */
export interface Share {
  files: string[];
  rules: string[];
}

/**
 * Datasets that must be checked together, each named by one of them: those a rule reads with
 * another, those an overview draws from, and each dataset with itself (its ids are checked
 * across all its files).
 */
export function datasetGroups(rules: readonly RuleDef[], overviews: readonly OverviewDef[], datasets: Iterable<string>): Map<string, string> {
  const parent = new Map<string, string>();
  const root = (d: string): string => {
    let r = d;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(d, r);
    return r;
  };
  const join = (ds: readonly string[]) => {
    for (const d of ds) if (!parent.has(d)) parent.set(d, d);
    for (const d of ds.slice(1)) {
      const [a, b] = [root(ds[0]!), root(d)];
      if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
    }
  };
  for (const d of datasets) join([d]);
  const byId = new Map(rules.map((r) => [r.id, r]));
  for (const rule of rules) join(datasetsOf(rule));
  for (const overview of overviews) {
    const named = [overview.rowsOf, ...overview.columns.flatMap((c) => ('rule' in c ? [c.rule] : []))];
    join(named.flatMap((id) => (byId.has(id) ? datasetsOf(byId.get(id)!) : [])));
  }
  return new Map([...parent.keys()].map((d) => [d, root(d)]));
}

/** Rules that join rows (related datasets, groups, lists): each costs about as much again as reading its rows. */
const joinsRows = (rule: RuleDef) => rule.related !== undefined || rule.groupBy !== undefined || rule.each !== undefined;

/**
 * Shares a check out by groups of datasets that no rule, overview or dataset crosses: one share
 * per group with input (its files and rules), costliest first (its bytes, counted once more for
 * each rule that joins rows), then one share for the files no dataset was guessed for and the
 * rules with no input. Shares can be checked one after another (only one share's rows held at
 * a time) or side by side. Null when an input's datasets cannot be guessed (a workbook): the
 * check is then run whole.
 */
export function planShares(rules: readonly RuleDef[], overviews: readonly OverviewDef[], inputs: readonly InputGuess[]): Share[] | null {
  if (inputs.some((i) => i.dataset === undefined)) return null;
  const groupOf = datasetGroups(rules, overviews, inputs.flatMap((i) => (i.dataset ? [i.dataset] : [])));
  const shares = new Map<string, Share & { bytes: number; joins: number }>();
  const rest: Share = { files: [], rules: [] };
  for (const i of inputs) {
    if (!i.dataset) continue;
    const group = groupOf.get(i.dataset)!;
    if (!shares.has(group)) shares.set(group, { files: [], rules: [], bytes: 0, joins: 0 });
    shares.get(group)!.bytes += i.size;
  }
  const shareOf = (dataset: string | null | undefined) => (dataset ? shares.get(groupOf.get(dataset)!) : undefined);
  for (const i of inputs) (shareOf(i.dataset) ?? rest).files.push(i.file);
  for (const rule of [...rules].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const share = shareOf(rule.dataset);
    (share ?? rest).rules.push(rule.id);
    if (share && joinsRows(rule)) share.joins++;
  }
  const cost = (s: { bytes: number; joins: number }) => s.bytes * (1 + s.joins);
  const costliestFirst = [...shares].sort(([a, x], [b, y]) => cost(y) - cost(x) || (a < b ? -1 : 1)).map(([, { files, rules }]) => ({ files, rules }));
  return rest.files.length || rest.rules.length ? [...costliestFirst, rest] : costliestFirst;
}
