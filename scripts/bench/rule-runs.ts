/** Each rule of the pack compiled and ready to judge typed rows: the bench's evaluate step. */
import { WorkingDayCalendar, type Day } from '../../src/calendar/index.js';
import { asAt } from '../../src/engine/as-at.js';
import { compileRule } from '../../src/engine/compile-rule.js';
import { evaluateRule } from '../../src/engine/evaluate-rule.js';
import { kindsFor } from '../../src/engine/run-check.js';
import type { RulePack } from '../../src/rules/rule-pack.js';
import type { TypedTable } from '../../src/typing/typed-table.js';

/** Typed tables by dataset id. */
export type Tables = Record<string, readonly TypedTable[]>;

export function byDataset(tables: readonly TypedTable[]): Tables {
  const out: Record<string, TypedTable[]> = {};
  for (const t of tables) (out[t.dataset.id] ??= []).push(t);
  return out;
}

/** Each rule compiled and by its baseline, both judging the tables as they stood on the as-of date (as a check does). */
export function ruleRuns(pack: RulePack, given: Tables, asOf: Day) {
  const tables = byDataset(asAt(Object.values(given).flat(), asOf).tables);
  const datasets = new Map(pack.datasets.map((d) => [d.id, d]));
  const env = { calendar: new WorkingDayCalendar(pack.calendar) };
  return pack.rules.map((def) => {
    const compiled = compileRule(def);
    const data = { tables: tables[def.dataset] ?? [], related: Object.fromEntries(Object.entries(def.related ?? {}).map(([n, r]) => [n, tables[r.dataset] ?? []])) };
    const options = { asOf, env, ...kindsFor(def, datasets) };
    return { def, compiled, data, options, run: () => evaluateRule(compiled, data, options) };
  });
}

export type RuleRuns = ReturnType<typeof ruleRuns>;
