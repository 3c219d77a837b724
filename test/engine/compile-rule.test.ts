// Compiling a rule: facts computed after the facts they read, and a rule the validator would
// refuse (facts in a cycle, an unknown fact or operator) stopped with a message naming it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_FACT_DOCS, BUILT_IN_FACTS, compileRule, factsByName, orderFacts } from '../../src/engine/compile-rule.js';
import type { RuleDef } from '../../src/rules/rule.js';
import { VISIT_LATE } from '../helpers/visits-pack.js';

describe('orderFacts', () => {
  it('puts each fact after those it reads, given facts left out, the rest by name', () => {
    const facts = { d: { fact: 'c' }, c: { fact: 'a' }, b: { fact: 'asOf' }, a: { column: 'X' } };
    expect(orderFacts(facts, ['asOf'])).toEqual(['a', 'b', 'c', 'd']);
  });

  it('refuses facts that read each other in a cycle, naming the cycle', () => {
    const facts = { a: { fact: 'b' }, b: { call: 'add', args: [{ fact: 'c' }, { fact: 'x' }] }, c: { fact: 'a' }, x: { column: 'X' } };
    expect(() => orderFacts(facts, [])).toThrow('facts read each other in a cycle: a -> b -> c -> a');
  });

  it('refuses a fact that reads a fact not defined', () => {
    expect(() => orderFacts({ a: { fact: 'nope' } }, ['asOf'])).toThrow('unknown fact "nope"');
  });
});

describe('compileRule', () => {
  it('refuses a condition with an operator that does not exist, or on a fact not defined', () => {
    const later: RuleDef = { ...VISIT_LATE, conditions: { all: [{ fact: 'asOf', operator: 'later', value: { fact: 'due' } }] } };
    expect(() => compileRule(later)).toThrow('unknown operator "later"');
    const undefinedFact: RuleDef = { ...VISIT_LATE, conditions: { all: [{ fact: 'asOf', operator: 'after', value: { fact: 'nope' } }] } };
    expect(() => compileRule(undefinedFact)).toThrow('unknown fact "nope"');
  });

  it("names a candidate's facts, leaving out those never set", () => {
    const rule = compileRule(VISIT_LATE);
    const facts = new Array(rule.slots.size).fill(undefined);
    facts[rule.slotOf('asOf')] = 5;
    facts[rule.slotOf('due')] = null;
    expect(factsByName(rule, facts)).toStrictEqual({ asOf: 5, due: null });
  });
});

describe('what a message calls an empty required fact', () => {
  it('its column, or its name and the columns it is computed from, through the facts it reads', () => {
    const rule: RuleDef = {
      ...VISIT_LATE,
      facts: {
        ...VISIT_LATE.facts,
        monthsLate: { call: 'wholeMonthsBetween', args: [{ fact: 'due' }, { fact: 'asOf' }] },
        monthsWaited: { call: 'wholeMonthsBetween', args: [{ fact: 'due' }, { fact: 'visited' }] },
        fixed: { param: 'none' },
      },
      requires: ['due', 'monthsLate', 'monthsWaited', 'fixed'],
    };
    expect(compileRule(rule).requiredLabels).toEqual({ due: 'Visit Due', monthsLate: 'monthsLate (from Visit Due)', monthsWaited: 'monthsWaited (from Visit Due, Visited)', fixed: 'fixed' });
  });
});

describe('a condition compared with an empty value', () => {
  it('compiles, and is judged on the fact alone', () => {
    const rule = compileRule({ ...VISIT_LATE, appliesWhen: { all: [{ fact: 'visited', operator: 'equal', value: null }] } });
    const facts = new Array(rule.slots.size).fill(null);
    expect(rule.applies(facts)).toBe(true);
    facts[rule.slotOf('visited')] = 5;
    expect(rule.applies(facts)).toBe(false);
  });
});

describe('built-in facts', () => {
  it('are listed in the rule-language reference (docs/rule-language.md) with what they hold and an example condition', () => {
    const page = readFileSync(new URL('../../docs/rule-language.md', import.meta.url), 'utf8');
    for (const name of BUILT_IN_FACTS) {
      const { description, example } = BUILT_IN_FACT_DOCS[name];
      expect(page).toContain(`\n- \`${name}\`: ${description} Example: \`${example}\`\n`);
      expect(JSON.stringify(JSON.parse(example))).toContain(`{"fact":"${name}"`);
    }
  });
});
