import type { ColumnType } from '../datasets/dataset.js';
import { eachLevels, type Expr, type RuleDef } from '../rules/rule.js';
import { FUNCTIONS, type ValueKind } from './functions.js';

const COLUMN_KIND: Record<ColumnType, ValueKind> = { id: 'text', text: 'text', date: 'date', number: 'number' };

/** The kind of a field of the items a function gives, where the function declares it. */
function fieldKind(source: Expr | undefined, path: string): ValueKind {
  if (!source || !('call' in source)) return 'any';
  return FUNCTIONS[source.call]?.fields?.[path] ?? 'any';
}

/** What kind of value an expression gives (a date, a number, text...), so it can be shown right. */
export function inferKind(
  expr: Expr,
  rule: RuleDef,
  columnType: (dataset: string, column: string) => ColumnType | undefined,
  seen: string[] = [],
): ValueKind {
  if ('rows' in expr) return 'rows';
  if ('related' in expr) {
    const dataset = rule.related?.[expr.related]?.dataset;
    const t = dataset ? columnType(dataset, expr.column) : undefined;
    return t === 'date' ? 'dates' : 'any';
  }
  if ('column' in expr) {
    const t = columnType(rule.dataset, expr.column);
    return t ? COLUMN_KIND[t] : 'any';
  }
  if ('param' in expr) {
    const p = rule.parameters[expr.param];
    if (!p) return 'any';
    return p.unit === 'count' ? 'number' : p.unit === 'text' ? 'text' : 'interval';
  }
  if ('value' in expr) return typeof expr.value === 'number' ? 'number' : 'text';
  if ('fact' in expr) {
    const level = eachLevels(rule).find((l) => l.name === expr.fact);
    if (expr.path) return fieldKind(level?.list ?? rule.facts[expr.fact], expr.path);
    if (expr.fact === 'asOf') return 'date';
    if (level) {
      const list = inferKind(level.list, rule, columnType, seen);
      return list === 'dates' ? 'date' : 'any';
    }
    const def = rule.facts[expr.fact];
    if (!def || seen.includes(expr.fact)) return 'any';
    return inferKind(def, rule, columnType, [...seen, expr.fact]);
  }
  const f = FUNCTIONS[expr.call];
  if (!f) return 'any';
  if (f.returns === 'any') {
    const kinds = expr.args.map((a) => inferKind(a, rule, columnType, seen));
    return kinds.every((k) => k === kinds[0]) ? (kinds[0] ?? 'any') : 'any';
  }
  return f.returns;
}
