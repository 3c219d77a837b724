/**
 * The checks the suite makes of a whole rule pack, each over whatever rules the pack holds: the
 * shipped pack's tests call them, and so does the test that adds a generated rule to a copy of
 * the pack, so that a new rule is held to the same checks with no test edited.
 */
import { expect } from 'vitest';
import { caseProblems } from '../../src/cases/case-problems.js';
import { caseTable } from '../../src/cases/run-cases.js';
import { testPack } from '../../src/cases/test-pack.js';
import { dayFromIso, WorkingDayCalendar } from '../../src/calendar/index.js';
import { compileCondition } from '../../src/engine/compile-condition.js';
import { compileRule } from '../../src/engine/compile-rule.js';
import { evaluateRule, type OutcomeKind } from '../../src/engine/evaluate-rule.js';
import { ReferenceEngine } from '../../src/engine/reference-engine.js';
import { kindsFor, readTables } from '../../src/engine/run-check.js';
import { planShares } from '../../src/engine/split-plan.js';
import type { FactValue } from '../../src/facts/fact-value.js';
import { collectPack } from '../../src/node/load-pack.js';
import type { RawRows } from '../../src/read/raw-table.js';
import { columnsReadBy } from '../../src/rules/columns-read.js';
import { problemText } from '../../src/rules/problem-text.js';
import type { RulePack } from '../../src/rules/rule-pack.js';
import { datasetsOf, type Condition, type RuleCase, type RuleDef, type TopCondition } from '../../src/rules/rule.js';
import type { TypedTable } from '../../src/typing/typed-table.js';
import { candidateFacts } from '../../scripts/bench/candidates.js';
import { REFERENCE_OPERATORS } from './reference-operators.js';

/** Every problem `comply validate` would print for the pack folder, as `file:line:column: pointer: message`. */
export function validationProblems(dir: string): string[] {
  const { pack, files, problems } = collectPack(dir);
  return [...problems, ...caseProblems(pack, files)].map((p) => problemText(p));
}

/** `comply test` on the pack: every case passes (no row left not evaluable unless the case says so), every numeric parameter pinned. */
export function expectCasesPassAndPinEveryThreshold(pack: RulePack): void {
  const report = testPack(pack);
  expect(report.rules.map((r) => r.ruleId).sort()).toEqual(pack.rules.map((r) => r.id).sort());
  expect(report.rules.flatMap((r) => r.cases).filter((c) => !c.passed)).toEqual([]);
  expect(report.rules.flatMap((r) => r.probes).filter((p) => p.noticedBy === undefined)).toEqual([]);
}

/** A case's rows as the raw tables a check reads. */
export const caseRaws = (pack: RulePack, c: RuleCase): RawRows[] => Object.entries(c.data).map(([id, rows]) => caseTable(pack.datasets.find((d) => d.id === id)!, rows));

/** An answer or the fact that it threw: both sides must agree on either. */
export const answer = (f: () => boolean) => {
  try {
    return f();
  } catch {
    return 'throws';
  }
};
export const reference = async (engine: ReferenceEngine, facts: Record<string, FactValue>) => {
  try {
    return await engine.holds(facts);
  } catch {
    return 'throws';
  }
};

/** Facts by name laid out in slots, as compiled conditions read them (a missing fact reads as missing). */
export const inSlots = (slots: ReadonlyMap<string, number>, facts: Record<string, FactValue>): FactValue[] => {
  const laid: FactValue[] = [];
  for (const [name, slot] of slots) laid[slot] = facts[name]!;
  return laid;
};

const byDatasetOf = (pack: RulePack, raws: RawRows[]) => {
  const out: Record<string, TypedTable[]> = {};
  for (const t of readTables(raws, pack.datasets).tables) (out[t.dataset.id] ??= []).push(t);
  return out;
};
const dataFor = (def: RuleDef, tables: Record<string, TypedTable[]>) => ({
  tables: tables[def.dataset] ?? [],
  related: Object.fromEntries(Object.entries(def.related ?? {}).map(([n, r]) => [n, tables[r.dataset] ?? []])),
});

/**
 * Runs every rule's conditions both ways, compiled and through json-rules-engine, on every
 * candidate of these raw tables; returns how many candidates were compared.
 */
export async function expectConditionsAsJsonRulesEngine(pack: RulePack, raws: RawRows[], asOf: number): Promise<number> {
  const env = { calendar: new WorkingDayCalendar(pack.calendar) };
  const datasets = new Map(pack.datasets.map((d) => [d.id, d]));
  const tables = byDatasetOf(pack, raws);
  let compared = 0;
  for (const def of pack.rules) {
    const compiled = compileRule(def);
    const sets = [def.appliesWhen ?? { all: [] }, def.conditions, ...(def.warnWhen ?? []).map((w) => w.conditions)].map((c: TopCondition) => ({
      compiled: compileCondition(c as Condition, compiled.slotOf),
      reference: new ReferenceEngine(c, REFERENCE_OPERATORS),
    }));
    for (const facts of candidateFacts(compiled, dataFor(def, tables), { asOf, env, ...kindsFor(def, datasets) }, Infinity)) {
      for (const set of sets) expect(answer(() => set.compiled(inSlots(compiled.slots, facts))), `${def.id} ${JSON.stringify(facts)}`).toBe(await reference(set.reference, facts));
      compared++;
    }
  }
  return compared;
}

/** For a rule without `each`: json-rules-engine gives the outcome the engine gave every row it judged in the case. */
export async function expectJudgedAsJsonRulesEngine(pack: RulePack, def: RuleDef, c: RuleCase): Promise<void> {
  const env = { calendar: new WorkingDayCalendar(pack.calendar) };
  const applies = new ReferenceEngine(def.appliesWhen ?? { all: [] }, REFERENCE_OPERATORS);
  const holds = new ReferenceEngine(def.conditions, REFERENCE_OPERATORS);
  const seen: [Record<string, FactValue>, OutcomeKind][] = [];
  evaluateRule(compileRule(def), dataFor(def, byDatasetOf(pack, caseRaws(pack, c))), {
    asOf: dayFromIso(c.asOf)!, env, factKinds: {}, columnKinds: {}, observe: (_ctx, outcome, facts) => void seen.push([facts, outcome]),
  });
  expect(seen.length, `${c.name}: rows judged`).toBeGreaterThan(0);
  for (const [facts, outcome] of seen) {
    if (outcome === 'notEvaluable') continue;
    expect(await applies.holds(facts), `${c.name}: applies`).toBe(outcome !== 'notApplicable');
    if (outcome !== 'notApplicable') expect(await holds.holds(facts), `${c.name}: holds`).toBe(outcome === 'exception');
  }
}

/** Each rule judges rows holding only the columns columnsReadBy names for it exactly as rows holding every column. */
export function expectSameJudgementOnColumnsRead(pack: RulePack, raws: RawRows[], asOf: number, rules: readonly RuleDef[] = pack.rules): void {
  const calendar = new WorkingDayCalendar(pack.calendar);
  const datasets = new Map(pack.datasets.map((d) => [d.id, d]));
  const judged = (def: RuleDef, tables: TypedTable[]) => {
    const of: Record<string, TypedTable[]> = {};
    for (const t of tables) (of[t.dataset.id] ??= []).push(t);
    return evaluateRule(compileRule(def), dataFor(def, of), { asOf, env: { calendar }, ...kindsFor(def, datasets) });
  };
  const whole = readTables(raws, pack.datasets).tables;
  for (const def of rules) {
    const kept = readTables(raws, pack.datasets, {}, undefined, columnsReadBy([def], [], pack.datasets)).tables;
    expect(judged(def, kept), def.id).toEqual(judged(def, whole));
  }
}

/** A check shared out over threads runs each rule once, in the share holding every dataset it reads. */
export function expectEachRuleInOneShare(pack: RulePack): void {
  const shares = planShares(pack.rules, pack.overviews, pack.datasets.map((d) => ({ file: `${d.id}.csv`, size: 10, dataset: d.id })))!;
  for (const rule of pack.rules) {
    const holding = shares.filter((s) => s.rules.includes(rule.id));
    expect(holding, rule.id).toHaveLength(1);
    expect(holding[0]!.files, rule.id).toEqual(expect.arrayContaining(datasetsOf(rule).map((d) => `${d}.csv`)));
  }
  expect(shares.flatMap((s) => s.rules).sort()).toEqual(pack.rules.map((r) => r.id).sort());
}
