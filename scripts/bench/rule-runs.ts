/** Each rule of the pack ready to judge typed rows, compiled and by its hand-written baseline: the bench's evaluate step and the baseline's test. */
import { WorkingDayCalendar, type Day } from '../../src/calendar/index.js';
import { compileRule } from '../../src/engine/compile-rule.js';
import { evaluateRule } from '../../src/engine/evaluate-rule.js';
import { kindsFor } from '../../src/engine/run-check.js';
import type { RulePack } from '../../src/rules/rule-pack.js';
import type { TypedTable } from '../../src/typing/typed-table.js';
import { BASELINE_RULES, type BaselineCounts } from './baseline/index.js';
import type { Tables } from './baseline/shared.js';

/** Typed tables by dataset id. */
export function byDataset(tables: readonly TypedTable[]): Tables {
  const out: Record<string, TypedTable[]> = {};
  for (const t of tables) (out[t.dataset.id] ??= []).push(t);
  return out;
}

export function ruleRuns(pack: RulePack, tables: Tables, asOf: Day) {
  const datasets = new Map(pack.datasets.map((d) => [d.id, d]));
  const env = { calendar: new WorkingDayCalendar(pack.calendar) };
  return pack.rules.map((def) => {
    const compiled = compileRule(def);
    const data = { tables: tables[def.dataset] ?? [], related: Object.fromEntries(Object.entries(def.related ?? {}).map(([n, r]) => [n, tables[r.dataset] ?? []])) };
    const options = { asOf, env, ...kindsFor(def, datasets) };
    const hand = BASELINE_RULES[def.id];
    return {
      def,
      compiled,
      data,
      options,
      run: () => evaluateRule(compiled, data, options),
      baseline: hand && (() => hand(tables, asOf, env.calendar)),
    };
  });
}

export type RuleRuns = ReturnType<typeof ruleRuns>;

/** One rule whose hand-written baseline counts differently from the engine. */
export interface Disagreement {
  id: string;
  engine: BaselineCounts;
  baseline: BaselineCounts;
}

const fourCounts = ({ considered, notApplicable, exceptions, notEvaluable }: BaselineCounts): BaselineCounts => ({ considered, notApplicable, exceptions, notEvaluable });
const same = (a: BaselineCounts, b: BaselineCounts) => a.considered === b.considered && a.notApplicable === b.notApplicable && a.exceptions === b.exceptions && a.notEvaluable === b.notEvaluable;

/** The rules with a baseline whose counts differ from the engine's (`counts`: the engine's, in the order of `runs`). */
export function disagreements(runs: RuleRuns, counts: readonly BaselineCounts[]): Disagreement[] {
  const out: Disagreement[] = [];
  runs.forEach((r, i) => {
    if (!r.baseline) return;
    const engine = fourCounts(counts[i]!);
    const baseline = r.baseline();
    if (!same(engine, baseline)) out.push({ id: r.def.id, engine, baseline });
  });
  return out;
}
