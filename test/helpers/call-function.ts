import { dayFromIso, WorkingDayCalendar } from '../../src/calendar/index.js';
import { compileExpression } from '../../src/facts/compile-expression.js';
import type { FactValue } from '../../src/facts/fact-value.js';
import type { Expr } from '../../src/rules/rule.js';

const env = { calendar: new WorkingDayCalendar({ dates: ['2017-01-02'] }) };

/** A day number from ISO text. */
export const d = (iso: string) => dayFromIso(iso)!;

/** A fact function called as a rule calls it (compiled, each argument a fact), on these values. */
export const call = (name: string, ...args: FactValue[]): FactValue => {
  const expr: Expr = { call: name, args: args.map((_, i) => ({ fact: `a${i}` })) };
  const slotOf = (fact: string) => Number(fact.slice(1));
  return compileExpression(expr, {}, slotOf)({ env, row: { source: { file: 'f' }, row: 2, values: {} }, related: {}, facts: args });
};
