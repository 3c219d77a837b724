import type { Expr, Parameter } from '../rules/rule.js';
import type { TypedRow } from '../typing/typed-table.js';
import type { FactValue } from './fact-value.js';
import { firstInvalid, invalidIn } from './fact-value.js';
import type { Invalid } from '../typing/value.js';
import { FUNCTIONS, type FunctionEnv } from './functions.js';
import { pathSteps, readField, readPath, rowRecords } from './row-record.js';

/** Everything an expression may read while one candidate is judged. */
export interface EvalContext {
  env: FunctionEnv;
  row: TypedRow;
  related: Record<string, readonly TypedRow[]>;
  /** The candidate's facts, each in its slot. */
  facts: FactValue[];
}

/**
 * Where a fact is kept while a candidate is judged: rules are compiled with each fact name
 * turned into a slot of an array, so reading a fact is an index, not a lookup by name.
 */
export type SlotOf = (fact: string) => number;

export type Compiled = (ctx: EvalContext) => FactValue;

/** The facts an expression reads (to order fact computation). */
export function factsRead(expr: Expr): string[] {
  if ('fact' in expr) return [expr.fact];
  if ('call' in expr) return expr.args.flatMap(factsRead);
  return [];
}

/** The columns of the rule's own dataset an expression reads. */
export function columnsRead(expr: Expr): string[] {
  if ('column' in expr && !('related' in expr)) return [expr.column];
  if ('call' in expr) return expr.args.flatMap(columnsRead);
  return [];
}

/** A parameter as a fact: intervals keep their unit, counts and text are plain values. */
export function parameterValue(p: Parameter): FactValue {
  if (p.unit === 'count' || p.unit === 'text') return p.value;
  return { n: Number(p.value), unit: p.unit };
}

const NO_ROWS: readonly TypedRow[] = [];

/**
 * A list made from the related rows of that name, made again only when they change: a row judged
 * for several items (months, periods) reads the same related rows for each. Functions never
 * change the lists they are given.
 */
function perRows(name: string, make: (rows: readonly TypedRow[]) => FactValue[]): Compiled {
  let rows: readonly TypedRow[] | undefined;
  let list: FactValue[] = [];
  return (ctx) => {
    const current = ctx.related[name] ?? NO_ROWS;
    if (current !== rows) {
      rows = current;
      list = make(current);
    }
    return list;
  };
}

/**
 * invalidIn for one argument of a call, remembering the last list it searched: a row judged for
 * several items (months, periods) gives the same list of its related rows' values for each
 * (perRows), and functions never change the lists they are given, so that list is searched once.
 */
function listCheck(): (value: FactValue) => Invalid | undefined {
  let list: FactValue[] | undefined;
  let bad: Invalid | undefined;
  return (value) => {
    if (!Array.isArray(value)) return invalidIn(value);
    if (value !== list) {
      list = value;
      bad = firstInvalid(value);
    }
    return bad;
  };
}

/** Compiles an expression into a closure; unknown names are caught by rule validation first. */
export function compileExpression(expr: Expr, parameters: Record<string, Parameter>, slotOf: SlotOf): Compiled {
  if ('rows' in expr) {
    const { rows } = expr;
    return perRows(rows, rowRecords);
  }
  if ('related' in expr) {
    const { related, column } = expr;
    return perRows(related, (rows) => rows.map((r) => r.values[column] ?? null));
  }
  if ('column' in expr) {
    const { column } = expr;
    return (ctx) => ctx.row.values[column] ?? null;
  }
  if ('fact' in expr) {
    const { path } = expr;
    const fact = slotOf(expr.fact);
    if (path === undefined) return (ctx) => ctx.facts[fact] ?? null;
    const steps = pathSteps(path);
    if (steps.length === 1) {
      const key = steps[0]!;
      return (ctx) => readField(ctx.facts[fact], key);
    }
    return (ctx) => readPath(ctx.facts[fact], steps);
  }
  if ('param' in expr) {
    const p = parameters[expr.param];
    if (!p) throw new Error(`unknown parameter "${expr.param}"`);
    const value = parameterValue(p);
    return () => value;
  }
  if ('value' in expr) {
    const { value } = expr;
    return () => value;
  }
  const f = FUNCTIONS[expr.call];
  if (!f) throw new Error(`unknown function "${expr.call}"`);
  const args = expr.args.map((a) => compileExpression(a, parameters, slotOf));
  const { fn, takesEmpty } = f;
  // One to three arguments are most calls: judged without building an argument list.
  if (args.length === 1) {
    const [a] = args as [Compiled];
    const badA = listCheck();
    return (ctx) => {
      const x = a(ctx);
      const bad = badA(x);
      if (bad) return bad;
      return !takesEmpty && x === null ? null : fn(ctx.env, x);
    };
  }
  if (args.length === 2) {
    const [a, b] = args as [Compiled, Compiled];
    const [badA, badB] = [listCheck(), listCheck()];
    return (ctx) => {
      const x = a(ctx);
      const y = b(ctx);
      const bad = badA(x) ?? badB(y);
      if (bad) return bad;
      return !takesEmpty && (x === null || y === null) ? null : fn(ctx.env, x, y);
    };
  }
  if (args.length === 3) {
    const [a, b, c] = args as [Compiled, Compiled, Compiled];
    const [badA, badB, badC] = [listCheck(), listCheck(), listCheck()];
    return (ctx) => {
      const x = a(ctx);
      const y = b(ctx);
      const z = c(ctx);
      const bad = badA(x) ?? badB(y) ?? badC(z);
      if (bad) return bad;
      return !takesEmpty && (x === null || y === null || z === null) ? null : fn(ctx.env, x, y, z);
    };
  }
  return (ctx) => {
    const values = args.map((a) => a(ctx));
    const bad = firstInvalid(values);
    if (bad) return bad;
    if (!takesEmpty && values.includes(null)) return null;
    return fn(ctx.env, ...values);
  };
}
