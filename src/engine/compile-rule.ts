import type { FactValue } from '../facts/fact-value.js';
import { columnsRead, compileExpression, factsRead, type Compiled, type SlotOf } from '../facts/compile-expression.js';
import { eachLevels, type Condition, type Expr, type GroupByDef, type RuleDef, type TopCondition } from '../rules/rule.js';
import { compileCondition, type Predicate } from './compile-condition.js';

/** Facts every rule can read without defining them. */
export const BUILT_IN_FACTS = ['asOf'] as const;

/** What each built-in fact holds, for docs/rule-language.md. */
export const BUILT_IN_FACT_DOCS: Record<(typeof BUILT_IN_FACTS)[number], { description: string; example: string }> = {
  asOf: {
    description: 'The date the check is run as of (`--as-of`, else today in Europe/London; a case’s `asOf`).',
    example: '{ "fact": "asOf", "operator": "after", "value": { "fact": "due" } }',
  },
};

/** A fact of a compiled rule: its name, its slot in a candidate's facts and how to compute it. */
export interface CompiledFact {
  name: string;
  slot: number;
  compute: Compiled;
}

export interface CompiledRule {
  def: RuleDef;
  /**
   * Each fact's slot in a candidate's facts: asOf first, then the constant facts, then for each
   * `each` level the facts that read no item of it or a deeper level (see `levelFacts`) and the
   * level's item, and last the facts that read the innermost item, each part in computing order.
   */
  slots: ReadonlyMap<string, number>;
  slotOf: SlotOf;
  subject: Compiled;
  /** Rows sharing these columns are judged once, as a group. */
  groupBy: GroupByDef | undefined;
  /** Levels of items each row (or group) is judged for: every combination, outermost first. */
  each: { name: string; slot: number; list: Compiled }[];
  /** Facts in an order where each comes after those it reads. */
  facts: CompiledFact[];
  /**
   * Facts that read no row (the as-of date, parameters and each other only): the same for every
   * candidate, so computed once per run. Their slots come right after asOf.
   */
  constantFacts: CompiledFact[];
  /**
   * For each `each` level, outermost first, the facts that read an item of the levels above it
   * and of none below (facts of a row or group, for the outermost): the same for every
   * candidate under one item, so computed once for all of them.
   */
  levelFacts: CompiledFact[][];
  /**
   * For each depth (each level, then the candidate), the first slot that changes below it: its
   * level facts, its item and everything after them. Emptied before that depth is computed.
   */
  firstSlotAt: number[];
  /**
   * The facts computed for each candidate (those reading the innermost item; every fact but the
   * constants for a rule without `each`), split in two, each part in computing order: those that
   * say whether the rule applies (required facts, those the applicability condition reads, and
   * the facts they read), and the rest, which a candidate the rule does not apply to never needs.
   */
  scopeFacts: CompiledFact[];
  restFacts: CompiledFact[];
  requires: string[];
  requiredSlots: number[];
  /**
   * The required facts (indexes into `requires`) that the applicability condition reads, directly
   * or through other facts: checked before it, since scope cannot be decided without them. The
   * others are checked only on rows the rule applies to.
   */
  requiredForScope: number[];
  requiredInScope: number[];
  /** What to call an empty required fact in a message: its column's header where it reads one. */
  requiredLabels: Record<string, string>;
  /** The column a required fact is read straight from, if it is: the column an empty one's finding names. */
  requiredColumns: Record<string, string | undefined>;
  applies: Predicate;
  /** Slots of the facts the applicability condition reads: if one cannot be computed, neither can applicability. */
  appliesReads: number[];
  holds: Predicate;
  warnings: { holds: Predicate; column?: string; message: string }[];
  dueDate: Compiled;
  /** Set on every compiled rule, empty or not, as are `worker` and `groupBy`: rules of one shape keep the engine's compiled code valid from rule to rule. */
  team: Compiled | undefined;
  worker: Compiled | undefined;
  show: { label: string; format?: string; value: Compiled }[];
}

/** A candidate's facts by name, as overviews and json-rules-engine take them (facts never set are left out). */
export function factsByName(rule: CompiledRule, facts: readonly FactValue[]): Record<string, FactValue> {
  const named: Record<string, FactValue> = {};
  for (const [name, slot] of rule.slots) if (facts[slot] !== undefined) named[name] = facts[slot];
  return named;
}

/** Orders fact definitions so that each is computed after the facts it reads; a cycle is an error. */
export function orderFacts(facts: RuleDef['facts'], given: readonly string[]): string[] {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, path: string[]) => {
    if (given.includes(name) || state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') throw new Error(`facts read each other in a cycle: ${[...path, name].join(' -> ')}`);
    const expr = facts[name];
    if (!expr) throw new Error(`unknown fact "${name}"`);
    state.set(name, 'visiting');
    for (const dep of factsRead(expr)) visit(dep, [...path, name]);
    state.set(name, 'done');
    order.push(name);
  };
  for (const name of Object.keys(facts).sort()) visit(name, []);
  return order;
}

const ALWAYS: TopCondition = { all: [] };

/** The columns a fact is computed from, through the facts it reads. */
function sourceColumns(def: RuleDef, name: string, seen: Set<string> = new Set()): string[] {
  const expr = def.facts[name];
  if (!expr || seen.has(name)) return [];
  seen.add(name);
  return [...new Set([...columnsRead(expr), ...factsRead(expr).flatMap((f) => sourceColumns(def, f, seen))])];
}

/** A required fact as a message names it: its column, or its name and the columns it comes from. */
/** The column a fact is read straight from, if it is. */
function columnOf(def: RuleDef, name: string): string | undefined {
  const expr = def.facts[name];
  return expr && 'column' in expr ? expr.column : undefined;
}

function requiredLabel(def: RuleDef, name: string): string {
  const column = columnOf(def, name);
  if (column !== undefined) return column;
  const columns = sourceColumns(def, name);
  return columns.length ? `${name} (from ${columns.join(', ')})` : name;
}

/** Every fact a condition reads, on either side of its operators. */
function conditionFacts(c: Condition): string[] {
  if ('all' in c) return c.all.flatMap(conditionFacts);
  if ('any' in c) return c.any.flatMap(conditionFacts);
  if ('not' in c) return conditionFacts(c.not);
  const v = c.value;
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? [c.fact, v.fact] : [c.fact];
}

/** The named facts and every fact they read, directly or through other facts. */
function withDependencies(def: RuleDef, names: readonly string[]): Set<string> {
  const found = new Set<string>();
  const visit = (name: string) => {
    const expr = def.facts[name];
    if (!expr || found.has(name)) return;
    found.add(name);
    factsRead(expr).forEach(visit);
  };
  names.forEach(visit);
  return found;
}

/** Whether an expression reads no row, given the facts known to read none. */
function readsNoRow(expr: Expr, constants: ReadonlySet<string>): boolean {
  if ('call' in expr) return expr.args.every((a) => readsNoRow(a, constants));
  if ('fact' in expr) return constants.has(expr.fact);
  return 'param' in expr || 'value' in expr;
}

/** The facts (in computing order) whose value is the same for every candidate of a run. */
function constantFacts(def: RuleDef, order: readonly string[]): Set<string> {
  const constants = new Set<string>(BUILT_IN_FACTS);
  for (const name of order) if (readsNoRow(def.facts[name]!, constants)) constants.add(name);
  BUILT_IN_FACTS.forEach((name) => constants.delete(name));
  return constants;
}

/**
 * How deep among the `each` levels each fact is: 0 if it reads no level's item (directly or
 * through other facts), else one more than the innermost level whose item it reads.
 */
function factDepths(def: RuleDef, order: readonly string[], levels: readonly string[]): Map<string, number> {
  const depths = new Map(levels.map((name, i) => [name, i + 1]));
  for (const name of order) depths.set(name, Math.max(0, ...factsRead(def.facts[name]!).map((f) => depths.get(f) ?? 0)));
  return depths;
}

/** Compiles a validated rule into closures: the fast path for whole runs. */
export function compileRule(def: RuleDef): CompiledRule {
  const p = def.parameters;
  const levels = eachLevels(def);
  const given = [...BUILT_IN_FACTS, ...levels.map((l) => l.name)];
  const order = orderFacts(def.facts, given);
  const constants = constantFacts(def, order);
  const depths = factDepths(def, order, levels.map((l) => l.name));
  const atDepth = (d: number) => new Set(order.filter((name) => !constants.has(name) && depths.get(name) === d));
  const levelNames = levels.map((_l, d) => atDepth(d));
  const layout: string[] = [...BUILT_IN_FACTS, ...order.filter((name) => constants.has(name))];
  const firstSlotAt: number[] = [];
  levels.forEach((level, d) => {
    firstSlotAt.push(layout.length);
    layout.push(...levelNames[d]!, level.name);
  });
  firstSlotAt.push(layout.length);
  const candidate = atDepth(levels.length);
  layout.push(...candidate);
  const slots = new Map(layout.map((name, i) => [name, i]));
  const slotOf: SlotOf = (name) => {
    const slot = slots.get(name);
    if (slot === undefined) throw new Error(`unknown fact "${name}"`);
    return slot;
  };
  const facts = order.map((name) => ({ name, slot: slotOf(name), compute: compileExpression(def.facts[name]!, p, slotOf) }));
  const appliesReads = conditionFacts((def.appliesWhen ?? ALWAYS) as Condition);
  const scope = withDependencies(def, [...(def.requires ?? []), ...appliesReads]);
  const decidesScope = withDependencies(def, appliesReads);
  const requiredIndexes = (def.requires ?? []).map((_name, i) => i);
  const compiled: CompiledRule = {
    def,
    slots,
    slotOf,
    subject: compileExpression(def.subject, p, slotOf),
    each: levels.map((l) => ({ name: l.name, slot: slotOf(l.name), list: compileExpression(l.list, p, slotOf) })),
    facts,
    constantFacts: facts.filter((f) => constants.has(f.name)),
    levelFacts: levelNames.map((names) => facts.filter((f) => names.has(f.name))),
    firstSlotAt,
    scopeFacts: facts.filter((f) => candidate.has(f.name) && scope.has(f.name)),
    restFacts: facts.filter((f) => candidate.has(f.name) && !scope.has(f.name)),
    requires: def.requires ?? [],
    requiredSlots: (def.requires ?? []).map(slotOf),
    requiredForScope: requiredIndexes.filter((i) => decidesScope.has(def.requires![i]!)),
    requiredInScope: requiredIndexes.filter((i) => !decidesScope.has(def.requires![i]!)),
    requiredLabels: Object.fromEntries((def.requires ?? []).map((name) => [name, requiredLabel(def, name)])),
    requiredColumns: Object.fromEntries((def.requires ?? []).map((name) => [name, columnOf(def, name)])),
    applies: compileCondition((def.appliesWhen ?? ALWAYS) as Condition, slotOf),
    appliesReads: appliesReads.map(slotOf),
    holds: compileCondition(def.conditions as Condition, slotOf),
    warnings: (def.warnWhen ?? []).map((w) => ({ ...w, holds: compileCondition(w.conditions as Condition, slotOf) })),
    dueDate: compileExpression(def.exception.dueDate, p, slotOf),
    show: (def.exception.show ?? []).map((s) => ({ label: s.label, format: s.format, value: compileExpression(s.value, p, slotOf) })),
    groupBy: def.groupBy,
    team: def.exception.team && compileExpression(def.exception.team, p, slotOf),
    worker: def.exception.worker && compileExpression(def.exception.worker, p, slotOf),
  };
  return compiled;
}
