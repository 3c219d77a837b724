import type { RulePack } from '../rules/rule-pack.js';
import type { ParameterUnit, RuleCase, RuleDef } from '../rules/rule.js';
import { runCase } from './run-cases.js';

/** One numeric parameter moved by one unit, and whether the rule's cases notice. */
export interface BoundaryProbe {
  ruleId: string;
  parameter: string;
  unit: ParameterUnit;
  from: number;
  to: number;
  /** The first case whose outcome changes: absent when no case notices, so the rule is under-tested. */
  noticedBy?: string;
}

function withParameter(rule: RuleDef, name: string, value: number): RuleDef {
  return { ...rule, parameters: { ...rule.parameters, [name]: { ...rule.parameters[name]!, value } } };
}

/** A case fails when its outcome differs, or when the moved rule cannot even run it. */
function fails(pack: RulePack, ruleId: string, c: RuleCase): boolean {
  try {
    return !runCase(pack, ruleId, c).outcome.passed;
  } catch {
    return true;
  }
}

/**
 * Moves each numeric parameter (an interval or a count) one unit down and one unit up, never
 * below zero, and reruns the cases that pass as the rule stands: at least one must then fail,
 * else the cases do not pin the threshold where the rule puts it.
 */
export function boundaryProbes(pack: RulePack, rule: RuleDef, passing: readonly RuleCase[]): BoundaryProbe[] {
  const probes: BoundaryProbe[] = [];
  for (const [name, p] of Object.entries(rule.parameters)) {
    if (p.unit === 'text' || typeof p.value !== 'number') continue;
    for (const to of [p.value - 1, p.value + 1]) {
      if (to < 0) continue;
      const moved = withParameter(rule, name, to);
      const variant: RulePack = { ...pack, rules: pack.rules.map((r) => (r === rule ? moved : r)) };
      const noticedBy = passing.find((c) => fails(variant, rule.id, c))?.name;
      probes.push({ ruleId: rule.id, parameter: name, unit: p.unit, from: p.value, to, ...(noticedBy === undefined ? {} : { noticedBy }) });
    }
  }
  return probes;
}
