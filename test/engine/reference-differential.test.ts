// The compiled conditions give json-rules-engine's answers: every shipped rule's cases are judged
// by the compiled closures and, fact for fact, by json-rules-engine itself, its date operators
// defined apart from the project's (test/helpers/reference-operators.ts).
import { describe, expect, it } from 'vitest';
import { caseTable } from '../../src/cases/run-cases.js';
import { dayFromIso, WorkingDayCalendar } from '../../src/calendar/index.js';
import { compileRule } from '../../src/engine/compile-rule.js';
import { evaluateRule, type OutcomeKind } from '../../src/engine/evaluate-rule.js';
import { ReferenceEngine } from '../../src/engine/reference-engine.js';
import { readTables } from '../../src/engine/run-check.js';
import type { FactValue } from '../../src/facts/fact-value.js';
import { loadPack } from '../../src/node/load-pack.js';
import { REFERENCE_OPERATORS } from '../helpers/reference-operators.js';

const pack = loadPack();
const env = { calendar: new WorkingDayCalendar(pack.calendar) };
const judgedRowByRow = pack.cases.filter((set) => !pack.rules.find((r) => r.id === set.rule)!.each);

describe.each(judgedRowByRow.map((set) => [set.rule, set] as const))('%s', (ruleId, set) => {
  const def = pack.rules.find((r) => r.id === ruleId)!;
  const compiled = compileRule(def);
  const applies = new ReferenceEngine(def.appliesWhen ?? { all: [] }, REFERENCE_OPERATORS);
  const holds = new ReferenceEngine(def.conditions, REFERENCE_OPERATORS);

  it('json-rules-engine agrees on every judged row of every case', async () => {
    for (const c of set.cases) {
      const raws = Object.entries(c.data).map(([id, rows]) => caseTable(pack.datasets.find((d) => d.id === id)!, rows));
      const byDataset = (id: string) => readTables(raws, pack.datasets).tables.filter((t) => t.dataset.id === id);
      const related = Object.fromEntries(Object.entries(def.related ?? {}).map(([name, r]) => [name, byDataset(r.dataset)]));
      const seen: [Record<string, FactValue>, OutcomeKind][] = [];
      evaluateRule(compiled, { tables: byDataset(def.dataset), related }, {
        asOf: dayFromIso(c.asOf)!, env, factKinds: {}, columnKinds: {}, observe: (_ctx, outcome, facts) => void seen.push([facts, outcome]),
      });
      for (const [facts, outcome] of seen) {
        if (outcome === 'notEvaluable') continue;
        expect(await applies.holds(facts), `${c.name}: applies`).toBe(outcome !== 'notApplicable');
        if (outcome !== 'notApplicable') expect(await holds.holds(facts), `${c.name}: holds`).toBe(outcome === 'exception');
      }
    }
  });
});
