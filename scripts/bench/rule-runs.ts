/** Each rule of the pack ready to judge typed rows, compiled and by its hand-written baseline: the bench's evaluate step and the baseline's test. */
import { isDeepStrictEqual } from 'node:util';
import { WorkingDayCalendar, type Day } from '../../src/calendar/index.js';
import { asAt } from '../../src/engine/as-at.js';
import { compileRule } from '../../src/engine/compile-rule.js';
import { evaluateRule } from '../../src/engine/evaluate-rule.js';
import { kindsFor } from '../../src/engine/run-check.js';
import type { Finding } from '../../src/findings/finding.js';
import type { RulePack } from '../../src/rules/rule-pack.js';
import type { TypedTable } from '../../src/typing/typed-table.js';
import { BASELINE_RULES, type BaselineCounts, type BaselineFinding } from './baseline/index.js';
import type { Tables } from './baseline/shared.js';

/** Typed tables by dataset id. */
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

/** What evaluateRule returns for one rule. */
export type EngineRun = ReturnType<RuleRuns[number]['run']>;

/** The engine's findings as a baseline tells them: where, of what kind, by which rule (not the wording). */
export const asBaselineFindings = (findings: readonly Finding[]): BaselineFinding[] =>
  findings.map((f) => ({ kind: f.kind as BaselineFinding['kind'], ruleId: f.ruleId!, file: f.file, sheet: f.sheet, row: f.row }));

/** One rule whose hand-written baseline differs from the engine: in its counts, its exception records or its findings. */
export interface Disagreement {
  id: string;
  differ: ('counts' | 'exceptions' | 'findings')[];
  engine: BaselineCounts;
  baseline: BaselineCounts;
}

const fourCounts = ({ considered, notApplicable, exceptions, notEvaluable }: BaselineCounts): BaselineCounts => ({ considered, notApplicable, exceptions, notEvaluable });

/** The rules with a baseline whose output differs from the engine's (`engine`: each rule's evaluateRule result, in the order of `runs`). */
export function disagreements(runs: RuleRuns, engine: readonly EngineRun[]): Disagreement[] {
  const out: Disagreement[] = [];
  runs.forEach((r, i) => {
    if (!r.baseline) return;
    const e = engine[i]!;
    const hand = r.baseline();
    const counts = fourCounts(e.counts);
    const differ: Disagreement['differ'] = [];
    if (!isDeepStrictEqual(counts, hand.counts)) differ.push('counts');
    if (!isDeepStrictEqual(e.exceptions, hand.exceptions)) differ.push('exceptions');
    if (!isDeepStrictEqual(asBaselineFindings(e.findings), hand.findings)) differ.push('findings');
    if (differ.length) out.push({ id: r.def.id, differ, engine: counts, baseline: hand.counts });
  });
  return out;
}
