import { describe, expect, it } from 'vitest';
import { runCase } from '../../src/cases/run-cases.js';
import { loadPack } from '../../src/node/load-pack.js';

const pack = loadPack();

describe.each(pack.cases.map((set) => [set.rule, set] as const))('%s', (ruleId, set) => {
  it.each(set.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { outcome } = runCase(pack, ruleId, c);
    expect(outcome.error).toBeUndefined();
    expect(outcome.actual).toEqual(outcome.expected);
    expect(outcome.actualNotEvaluable, 'rows not evaluable').toBe(c.expectNotEvaluable ?? 0);
    if (c.expectWarnings !== undefined) expect(outcome.actualWarnings).toBe(c.expectWarnings);
  });
});

it('every rule in the shipped pack has cases, with at least one exception and one pass', () => {
  for (const rule of pack.rules) {
    const set = pack.cases.find((s) => s.rule === rule.id);
    expect(set, rule.id).toBeDefined();
    expect(set!.cases.some((c) => c.expect.length > 0), rule.id).toBe(true);
    expect(set!.cases.some((c) => c.expect.length === 0), rule.id).toBe(true);
  }
});
