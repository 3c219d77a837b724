import type { Day } from '../calendar/index.js';
import { isoFromDay } from '../calendar/index.js';
import { CalendarRangeError } from '../calendar/index.js';
import type { Compiled, EvalContext } from '../facts/compile-expression.js';
import { firstInvalid, invalidIn, notComputable, type FactValue } from '../facts/fact-value.js';
import type { FunctionEnv } from '../facts/functions.js';
import type { Finding, SourceRef } from '../findings/finding.js';
import type { TypedRow, TypedTable } from '../typing/typed-table.js';
import { Invalid } from '../typing/value.js';
import { factsByName, type CompiledRule } from './compile-rule.js';
import { compileMessage, showValue } from './format.js';
import { judgedUnits } from './group-rows.js';
import { relatedIndex, relatedKey } from './related-index.js';
import type { ExceptionRecord, RuleCounts, RuleRun, ShownKind } from './outcome.js';

export interface RuleData {
  /** Tables of the rule's own dataset. */
  tables: readonly TypedTable[];
  /** Tables of each related dataset, by the rule's name for it. */
  related: Record<string, readonly TypedTable[]>;
}

export interface EvaluateOptions {
  asOf: Day;
  env: FunctionEnv;
  /** Each fact's kind (date, number, text), for messages. */
  factKinds: Record<string, ShownKind>;
  columnKinds: Record<string, ShownKind>;
  /** Told how each row was judged, with its facts by name (rules without `each` only): overviews read them. */
  observe?: (ctx: EvalContext, outcome: OutcomeKind, facts: Record<string, FactValue>) => void;
}

export type OutcomeKind = Outcome['kind'];

type Outcome =
  | { kind: 'notApplicable' | 'passed' }
  | { kind: 'exception'; record: ExceptionRecord }
  | { kind: 'notEvaluable'; problem: string; ref?: Invalid['ref']; raw?: string };

const NOT_APPLICABLE: Outcome = { kind: 'notApplicable' };
const PASSED: Outcome = { kind: 'passed' };

/** A fact or list computed for this row; a date outside the working-day calendar makes it a problem. */
function guarded(compute: Compiled, ctx: EvalContext): FactValue {
  try {
    return compute(ctx);
  } catch (error) {
    if (!(error instanceof CalendarRangeError)) throw error;
    return notComputable(error.message);
  }
}

/**
 * Computes these facts in order; one that cannot be computed (an unreadable cell, a date outside
 * the working-day calendar) is kept as an Invalid so that the judgement can say whether it mattered.
 */
function computeFacts(facts: CompiledRule['facts'], ctx: EvalContext): void {
  for (const { slot, compute } of facts) ctx.facts[slot] = guarded(compute, ctx);
}

/** The first of these facts that is unreadable, if any (lists are searched too). */
function invalidAmong(facts: readonly FactValue[], slots: readonly number[]): Invalid | undefined {
  for (const slot of slots) {
    const bad = invalidIn(facts[slot]);
    if (bad) return bad;
  }
  return undefined;
}

/** The first fact, in the rule's order, that could not be computed. */
function firstInvalidFact(facts: readonly FactValue[], slots: readonly number[]): Invalid | undefined {
  for (const slot of slots) {
    const value = facts[slot];
    if (value instanceof Invalid) return value;
  }
  return undefined;
}

const notEvaluable = (bad: Invalid): Outcome => ({ kind: 'notEvaluable', problem: bad.problem, ref: bad.ref, raw: bad.raw });

/** Where a row was read (file, sheet, Excel row), built without a spread: it is made for every exception and finding. */
const rowRef = (row: TypedRow): SourceRef & { row: number } =>
  row.source.sheet === undefined ? { file: row.source.file, row: row.row } : { file: row.source.file, sheet: row.source.sheet, row: row.row };
const text = (v: FactValue | undefined) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);

/** Judges one candidate (a row, or a row and its `each` items) of one rule: built once per rule run. */
function judgeFor(rule: CompiledRule, options: EvaluateOptions, findings: Finding[]) {
  const def = rule.def;
  const factSlots = rule.facts.map((f) => f.slot);
  /** A fact by name, for messages. */
  const named = (facts: readonly FactValue[], name: string) => (rule.slots.has(name) ? facts[rule.slotOf(name)] : undefined);
  const message = compileMessage(def.exception.message, { ...options.factKinds, dueDate: 'date' });
  const warnings = rule.warnings.map((w) => ({ ...w, message: compileMessage(w.message, options.factKinds) }));
  // Overviews read the facts of every row they are told of, so an observed rule computes them all.
  const lazy = !options.observe;

  function warn(ctx: EvalContext): void {
    for (const w of warnings) {
      if (!w.holds(ctx.facts)) continue;
      const finding: Finding = {
        ...ctx.row.source,
        row: ctx.row.row,
        kind: 'suspicious-value',
        level: 'warning',
        ruleId: def.id,
        dataset: def.dataset,
        message: w.message((name) => named(ctx.facts, name)),
      };
      if (w.column) finding.column = w.column;
      findings.push(finding);
    }
  }

  // What every exception of the rule shares, read once: rules differ in shape, and reading them
  // afresh for each exception made the JIT compile this again for each rule.
  const { id: ruleId, severity } = def;
  const { show, dueDate: dueOf, team: teamOf, worker: workerOf } = rule;
  const kinds = show.map((s) => options.columnKinds[s.label] ?? 'text');

  function exception(ctx: EvalContext, subject: FactValue): Outcome {
    const due = dueOf(ctx);
    const shown = show.map((s) => s.value(ctx));
    const team = teamOf?.(ctx) ?? null;
    const worker = workerOf?.(ctx) ?? null;
    const invalid = invalidIn(due) ?? firstInvalid(shown) ?? invalidIn(team) ?? invalidIn(worker);
    if (invalid) return notEvaluable(invalid);
    const dueDate = typeof due === 'number' ? isoFromDay(due) : null;
    const columns: ExceptionRecord['columns'] = {};
    for (let i = 0; i < show.length; i++) columns[show[i]!.label] = showValue(shown[i]!, kinds[i]!);
    const row = ctx.row;
    const record: ExceptionRecord = {
      id: `${ruleId}:${String(subject)}:${dueDate ?? 'none'}`,
      ruleId,
      severity,
      subject: String(subject),
      dueDate,
      message: message((name) => (name === 'subject' ? subject : name === 'dueDate' ? due : named(ctx.facts, name))),
      team: text(team),
      worker: text(worker),
      columns,
      source: rowRef(row),
    };
    return { kind: 'exception', record };
  }

  return (ctx: EvalContext): Outcome => {
    const facts = ctx.facts;
    computeFacts(rule.scopeFacts, ctx);
    if (!lazy) computeFacts(rule.restFacts, ctx);
    const badRequired = invalidAmong(facts, rule.requiredSlots);
    if (badRequired) return notEvaluable(badRequired);
    for (let i = 0; i < rule.requiredSlots.length; i++) {
      const value = facts[rule.requiredSlots[i]!];
      if (value !== null && value !== undefined) continue;
      const name = rule.requires[i]!;
      return { kind: 'notEvaluable', problem: `${rule.requiredLabels[name] ?? name} is empty` };
    }
    const badScope = invalidAmong(facts, rule.appliesReads);
    if (badScope) return notEvaluable(badScope);
    if (!rule.applies(facts)) return NOT_APPLICABLE;
    if (lazy) computeFacts(rule.restFacts, ctx);
    const bad = firstInvalidFact(facts, factSlots);
    if (bad) return notEvaluable(bad);
    const subject = rule.subject(ctx);
    if (subject === null || subject === '') return { kind: 'notEvaluable', problem: 'no subject id' };
    if (subject instanceof Invalid) return notEvaluable(subject);
    if (warnings.length) warn(ctx);
    if (!rule.holds(facts)) return PASSED;
    return exception(ctx, subject);
  };
}

const compareExceptions = (a: ExceptionRecord, b: ExceptionRecord) =>
  (a.dueDate ?? '') < (b.dueDate ?? '') ? -1 : (a.dueDate ?? '') > (b.dueDate ?? '') ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** Judges every row (or group of rows), once per combination of `each` items, of the rule's dataset. */
export function evaluateRule(rule: CompiledRule, data: RuleData, options: EvaluateOptions): Omit<RuleRun, 'summary'> & { counts: RuleCounts } {
  const counts: RuleCounts = { considered: 0, notApplicable: 0, checked: 0, passed: 0, exceptions: 0, merged: 0, notEvaluable: 0 };
  const byId = new Map<string, ExceptionRecord>();
  const findings: Finding[] = [];
  const def = rule.def;
  const judge = judgeFor(rule, options, findings);
  const indexes = Object.entries(def.related ?? {}).map(([name, r]) => ({
    name,
    columns: Object.values(r.match),
    index: relatedIndex(data.related[name] ?? [], Object.keys(r.match)),
  }));
  const levels = rule.each;
  /**
   * One array of facts for the whole run: slot 0 is the as-of date, then the constant facts
   * (computed here, once), each level's facts and item, and the candidate's facts. Before a
   * level's facts or a candidate's are computed, the slots from there on are emptied, so nothing
   * is read from the candidate before. One context, too, pointed at each row in turn (what
   * judging keeps, it copies).
   */
  const facts: FactValue[] = new Array<FactValue>(rule.slots.size).fill(null);
  facts[0] = options.asOf;
  const ctx: EvalContext = { env: options.env, row: undefined as unknown as TypedRow, related: {}, facts };
  computeFacts(rule.constantFacts, ctx);
  const record = (outcome: Outcome, row: TypedRow) => {
    counts.considered++;
    switch (outcome.kind) {
      case 'notApplicable':
        counts.notApplicable++;
        return;
      case 'passed':
        counts.passed++;
        return;
      case 'exception':
        if (byId.has(outcome.record.id)) counts.merged++;
        else byId.set(outcome.record.id, outcome.record);
        return;
      case 'notEvaluable': {
        counts.notEvaluable++;
        const kind = 'not-evaluable';
        const message = `${def.id} could not judge this row: ${outcome.problem}`;
        // Spelled out for the row itself (the common case): a spread costs microseconds a finding here.
        const finding: Finding = outcome.ref?.file
          ? { ...outcome.ref, kind, level: 'warning', ruleId: def.id, message }
          : row.source.sheet === undefined
            ? { file: row.source.file, row: row.row, kind, level: 'warning', ruleId: def.id, message }
            : { file: row.source.file, sheet: row.source.sheet, row: row.row, kind, level: 'warning', ruleId: def.id, message };
        if (outcome.raw) finding.value = outcome.raw;
        findings.push(finding);
      }
    }
  };
  /**
   * Judges the candidates under `depth`: one per combination of the remaining `each` levels'
   * items, the facts that read no deeper item computed once for all of them. A list that cannot
   * be computed is one not-evaluable outcome; an empty list is one not-applicable outcome, so
   * every row is counted.
   */
  const judgeFrom = (depth: number, ctx: EvalContext) => {
    for (let slot = rule.firstSlotAt[depth]!; slot < facts.length; slot++) facts[slot] = undefined as unknown as FactValue;
    if (depth === levels.length) {
      const outcome = judge(ctx);
      if (depth === 0) options.observe?.(ctx, outcome.kind, factsByName(rule, facts));
      record(outcome, ctx.row);
      return;
    }
    computeFacts(rule.levelFacts[depth]!, ctx);
    const level = levels[depth]!;
    const items = guarded(level.list, ctx);
    if (items instanceof Invalid) return record(notEvaluable(items), ctx.row);
    if (!Array.isArray(items) || items.length === 0) return record(NOT_APPLICABLE, ctx.row);
    for (const item of items) {
      facts[level.slot] = item;
      judgeFrom(depth + 1, ctx);
    }
  };
  const nothingRelated = indexes.length === 0 && !rule.groupBy;
  const judgeUnit = (row: TypedRow, group?: { name: string; rows: TypedRow[] }) => {
    ctx.row = row;
    if (!nothingRelated) {
      const related: Record<string, readonly TypedRow[]> = {};
      for (const { name, columns, index } of indexes) {
        const key = relatedKey(row.values, columns);
        related[name] = key === undefined ? [] : (index.get(key) ?? []);
      }
      if (group) related[group.name] = group.rows;
      ctx.related = related;
    }
    judgeFrom(0, ctx);
  };
  if (rule.groupBy) {
    const name = rule.groupBy.name;
    for (const unit of judgedUnits(data.tables, rule.groupBy.columns)) judgeUnit(unit.row, { name, rows: unit.rows });
  } else {
    for (const table of data.tables) for (const row of table.rows) judgeUnit(row);
  }
  counts.exceptions = byId.size;
  counts.checked = counts.considered - counts.notApplicable;
  counts.passed = counts.checked - counts.exceptions - counts.merged - counts.notEvaluable;
  return { counts, exceptions: [...byId.values()].sort(compareExceptions), findings };
}
