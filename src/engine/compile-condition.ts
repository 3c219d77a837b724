import type { SlotOf } from '../facts/compile-expression.js';
import type { FactValue } from '../facts/fact-value.js';
import type { Condition } from '../rules/rule.js';
import { OPERATORS } from './operators.js';

/** Facts of one candidate, each in its slot (see SlotOf). */
export type Predicate = (facts: readonly FactValue[]) => boolean;

/**
 * Compiles json-rules-engine conditions into one closure with json-rules-engine's semantics
 * (an empty `all` or `any` is true; an operator sees a fact value only if its validator accepts
 * it; every condition is evaluated, no short cut, so one that throws throws in both). The
 * differential test holds the two to the same answers.
 */
export function compileCondition(condition: Condition, slotOf: SlotOf): Predicate {
  if ('all' in condition) {
    const parts = condition.all.map((c) => compileCondition(c, slotOf));
    return (facts) => {
      let result = true;
      for (let i = 0; i < parts.length; i++) if (!parts[i]!(facts)) result = false;
      return result;
    };
  }
  if ('any' in condition) {
    const parts = condition.any.map((c) => compileCondition(c, slotOf));
    if (parts.length === 0) return () => true;
    return (facts) => {
      let result = false;
      for (let i = 0; i < parts.length; i++) if (parts[i]!(facts)) result = true;
      return result;
    };
  }
  if ('not' in condition) {
    const inner = compileCondition(condition.not, slotOf);
    return (facts) => !inner(facts);
  }
  const op = OPERATORS[condition.operator];
  if (!op) throw new Error(`unknown operator "${condition.operator}"`);
  const { value } = condition;
  const fact = slotOf(condition.fact);
  const { accepts, evaluate } = op;
  // The right-hand side is another fact or a constant: two closures, so neither asks which on every row.
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const other = slotOf(value.fact);
    return (facts) => {
      const left = facts[fact];
      return accepts(left) && evaluate(left, facts[other]) === true;
    };
  }
  return (facts) => {
    const left = facts[fact];
    return accepts(left) && evaluate(left, value) === true;
  };
}
