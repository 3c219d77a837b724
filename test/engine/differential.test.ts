// Compiled conditions against json-rules-engine (the reference): identical answers on every
// candidate of every shipped rule (the demo county and each rule's own cases, the reference's date
// operators defined apart from the project's) and on random condition trees over awkward fact
// values (nulls, missing facts, NaN, numeric strings, lists, dates), which test the compiling.
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../src/calendar/index.js';
import { compileCondition } from '../../src/engine/compile-condition.js';
import { OPERATORS } from '../../src/engine/operators.js';
import { ReferenceEngine } from '../../src/engine/reference-engine.js';
import type { FactValue } from '../../src/facts/fact-value.js';
import { loadPack } from '../../src/node/load-pack.js';
import { readInputs } from '../../src/node/read-inputs.js';
import type { Condition, TopCondition } from '../../src/rules/rule.js';
import { ROOT } from '../helpers/cli.js';
import { answer, caseRaws, expectConditionsAsJsonRulesEngine, inSlots, reference } from '../helpers/pack-checks.js';

const pack = loadPack();

describe('compiled conditions = json-rules-engine', () => {
  it('on every candidate of every shipped rule in the demo county at 18 January 2017', async () => {
    const compared = await expectConditionsAsJsonRulesEngine(pack, (await readInputs([join(ROOT, 'fixtures/demo')])).tables, dayFromIso('2017-01-18')!);
    expect(compared).toBeGreaterThan(1000);
  }, 120_000);

  it("on every candidate of every rule's own cases", async () => {
    for (const set of pack.cases) for (const c of set.cases) await expectConditionsAsJsonRulesEngine(pack, caseRaws(pack, c), dayFromIso(c.asOf)!);
  }, 120_000);

  it('on random condition trees and awkward fact values', async () => {
    const names = ['a', 'b', 'c', 'd'];
    const slots = new Map(names.map((n, i) => [n, i]));
    const scalar = fc.oneof(
      fc.constant(null),
      fc.integer({ min: -3, max: 20_000 }),
      fc.double(),
      fc.constant(Number.NaN),
      fc.boolean(),
      fc.constantFrom('', '3', ' 2.5', '17000', 'abc', "Children's home", 'CHILDRENS  HOME ', '2017-01-18'),
    );
    const factValue = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.constant(undefined));
    const value = fc.oneof(scalar, fc.array(fc.oneof(fc.integer({ min: -3, max: 5 }), fc.constantFrom('3', 'abc', "children's home")), { maxLength: 3 }), fc.record({ fact: fc.constantFrom(...names) }));
    const { tree } = fc.letrec<{ tree: Condition; leaf: Condition }>((tie) => ({
      leaf: fc.record({ fact: fc.constantFrom(...names), operator: fc.constantFrom(...Object.keys(OPERATORS)), value }) as fc.Arbitrary<Condition>,
      tree: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        tie('leaf'),
        fc.record({ all: fc.array(tie('tree'), { maxLength: 3 }) }),
        fc.record({ any: fc.array(tie('tree'), { maxLength: 3 }) }),
        fc.record({ not: tie('tree') }),
      ),
    }));
    const top = fc.oneof(fc.record({ all: fc.array(tree, { maxLength: 3 }) }), fc.record({ any: fc.array(tree, { maxLength: 3 }) }), fc.record({ not: tree })) as fc.Arbitrary<TopCondition>;
    const facts = fc.record(Object.fromEntries(names.map((n) => [n, factValue])), { requiredKeys: [] }) as fc.Arbitrary<Record<string, FactValue>>;
    await fc.assert(
      fc.asyncProperty(top, facts, async (condition, given) => {
        expect(answer(() => compileCondition(condition as Condition, (n) => names.indexOf(n))(inSlots(slots, given)))).toBe(await reference(new ReferenceEngine(condition), given));
      }),
      { numRuns: 3000 },
    );
  }, 120_000);
});
