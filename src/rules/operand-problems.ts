import { eachLevels, type ConditionValue, type Expr, type RuleDef } from './rule.js';

/** A value compared with, as the rule fixes it: written in (a condition's value or `{ "value": ... }`), or a parameter. */
interface Fixed {
  value: unknown;
  /** Where it is written: in a condition, in a `{ "value": ... }` expression (which cannot hold a list), or a parameter's value. */
  in: 'condition' | 'expression' | 'parameter';
  parameter?: string;
}

/**
 * The value a condition (or rowsWhere) compares with, where the rule fixes it: written in, a
 * parameter, or a fact that is one of these (through other facts). Undefined where rows give it.
 */
export function fixedOperand(rule: RuleDef, v: ConditionValue | Expr, seen: string[] = []): Fixed | undefined {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return { value: v, in: 'condition' };
  if ('value' in v) return { value: v.value, in: 'expression' };
  if ('param' in v) return Object.hasOwn(rule.parameters, v.param) ? { value: rule.parameters[v.param]!.value, in: 'parameter', parameter: v.param } : undefined;
  if (!('fact' in v) || ('path' in v && v.path !== undefined) || seen.includes(v.fact) || !Object.hasOwn(rule.facts, v.fact)) return undefined;
  if (eachLevels(rule).some((l) => l.name === v.fact)) return undefined;
  return fixedOperand(rule, rule.facts[v.fact]!, [...seen, v.fact]);
}

const listText = (list: unknown[]) => `[${list.map((x) => JSON.stringify(x)).join(', ')}]`;
const subject = (f: Fixed) => (f.in === 'parameter' ? `parameter "${f.parameter}"` : 'the value');

/** `in` and `notIn` look the fact up with the value's indexOf: in one text, any part of it is found. */
function notAList(operator: string, f: Fixed): string {
  if (typeof f.value !== 'string') return `"${operator}" needs a list (such as ["Open", "Active"]), but ${subject(f)} is ${JSON.stringify(f.value)}`;
  const part = f.value.length > 1 ? JSON.stringify(f.value.slice(0, Math.ceil(f.value.length / 2))) : 'an empty text';
  const list = listText([f.value]);
  const fix = { condition: `write a list: ${list}`, expression: `write it as a parameter with unit "text" and the value ${list}`, parameter: `write the parameter's value as a list: ${list}` }[f.in];
  return `"${operator}" needs a list, but ${subject(f)} is one text, ${JSON.stringify(f.value)}: the fact would be looked for inside that text, so a part of it such as ${part} would be found; ${fix}`;
}

/** What `contains`, `doesNotContain`, `equal` and `notEqual` do with a list (`it`: where it is written): it is never found, nor equal. */
const ONE_VALUE: Record<string, (it: string, list: unknown[]) => string> = {
  contains: (it, list) => `looks for one value in the fact's list, but ${it} is a list, ${listText(list)}: a list is never found in it, so the test never holds; write one value, such as ${JSON.stringify(list[0])} (for any of several, one condition each under "any")`,
  doesNotContain: (it, list) => `looks for one value in the fact's list, but ${it} is a list, ${listText(list)}: a list is never found in it, so the test always holds; write one value, such as ${JSON.stringify(list[0])} (for none of several, one condition each under "all")`,
  equal: (it, list) => `compares with one value, but ${it} is a list, ${listText(list)}: no value equals a list, so the test never holds; for one of several, use "in"`,
  notEqual: (it, list) => `compares with one value, but ${it} is a list, ${listText(list)}: no value equals a list, so the test always holds; for none of several, use "notIn"`,
};

/** Why the operator cannot mean what is written with this value (one text for `in`, a list for `contains`), if so. */
export function operandProblem(operator: string, f: Fixed | undefined): string | undefined {
  if (!f) return undefined;
  if ((operator === 'in' || operator === 'notIn') && !Array.isArray(f.value)) return notAList(operator, f);
  const oneValue = Object.hasOwn(ONE_VALUE, operator) ? ONE_VALUE[operator] : undefined;
  return oneValue && Array.isArray(f.value) ? `"${operator}" ${oneValue(subject(f), f.value)}` : undefined;
}
