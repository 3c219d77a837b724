// A case expects no row left unjudged unless it says how many: a silently not-evaluable row fails it.
import { describe, expect, it } from 'vitest';
import { runCase } from '../../src/cases/run-cases.js';
import { sideBySide } from '../../src/cases/side-by-side.js';
import { loadPack } from '../../src/node/load-pack.js';
import type { RuleCase } from '../../src/rules/rule.js';

const pack = loadPack();
const RULE = 'drift.cin-open-over-6-months';
const unreadableStart: RuleCase = {
  name: 'a start date that cannot be read',
  asOf: '2017-01-18',
  data: { 'annex-a-list-6': [{ 'Child Unique ID': 'C1', 'CIN Start Date': '31/02/2016', 'CIN Closure Date': null }] },
  expect: [],
};

describe('expectNotEvaluable', () => {
  it('is zero when a case leaves it out: a row the rule could not judge fails the case', () => {
    const { outcome } = runCase(pack, RULE, unreadableStart);
    expect(outcome).toMatchObject({ passed: false, expectedNotEvaluable: 0, actualNotEvaluable: 1 });
    expect(sideBySide(outcome)).toContainEqual(expect.stringMatching(/^ *! not evaluable: 0 +not evaluable: 1$/));
  });
  it('passes when the case says how many rows it expects not evaluable', () => {
    expect(runCase(pack, RULE, { ...unreadableStart, expectNotEvaluable: 1 }).outcome.passed).toBe(true);
  });
});
