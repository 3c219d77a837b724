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
import { ExceptionsByDueDate } from './due-date-lists.js';
import { compileMessage, showValue } from './format.js';
import { judgedUnits } from './group-rows.js';
import { relatedIndex, relatedKey } from './related-index.js';
import type { ExceptionRecord, RuleCounts, RuleRun, ShownKind } from './outcome.js';
import type { RuleDef } from '../rules/rule.js';

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
  /** For a rule with no team: the service its dataset belongs to, on each exception (see ExceptionRecord.service). */
  service?: string | undefined;
  /** Told how each row was judged, with its facts by name (rules without `each` only): overviews read them. */
  observe?: (ctx: EvalContext, outcome: OutcomeKind, facts: Record<string, FactValue>) => void;
}

export type OutcomeKind = Outcome['kind'];

type Outcome =
  | { kind: 'notApplicable' | 'passed' }
  | { kind: 'exception'; record: ExceptionRecord }
  | { kind: 'notEvaluable'; problem: string; ref?: Invalid['ref']; raw?: string; column?: string };

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

/** The first `each` item or fact, in the rule's order, that could not be read or computed. */
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

type Message = ReturnType<typeof compileMessage>;

/**
 * Calls one of a rule's compiled closures (a condition, the subject, a shown value). Every such
 * call goes through this one place, which meets many closures from the first rule on, so the
 * JIT compiles a plain call here; where each call site met one closure per rule, the JIT bet on
 * that closure and had to compile the engine's steps again for the next rule.
 */
const invoke = <A, R>(f: (a: A) => R, a: A): R => f(a);

/**
 * One rule's run over its data: what judging a candidate (a row, or a row and its `each` items)
 * needs, read from the rule once, and what the run has found so far. Its steps are methods, not
 * closures made afresh for each rule: the JIT compiled each rule's closures anew, and compiles
 * the methods for all rules together (with `invoke`, a million-row check on two threads compiled
 * the step that judges a candidate's items 9-10 times, where it compiled the closures 12-15).
 * evaluateRule judges every row of the rule's data; rows judged as they are read are given to
 * `judgeUnit` one at a time (see judged-as-read.ts).
 */
export class Judging {
  readonly counts: RuleCounts = { considered: 0, notApplicable: 0, checked: 0, passed: 0, exceptions: 0, merged: 0, notEvaluable: 0 };
  /** The exceptions raised, repeats among them (merged when the run's result is taken). */
  private readonly raised = new ExceptionsByDueDate();
  readonly findings: Finding[] = [];
  /**
   * One array of facts for the whole run: slot 0 is the as-of date, then the constant facts
   * (computed here, once), each level's facts and item, and the candidate's facts. Before a
   * level's facts or a candidate's are computed, the slots from there on are emptied, so nothing
   * is read from the candidate before. One context, too, pointed at each row in turn (what
   * judging keeps, it copies).
   */
  readonly facts: FactValue[];
  readonly ctx: EvalContext;
  readonly ruleId: string;
  private readonly severity: RuleDef['severity'];
  private readonly dataset: string;
  /** The slots of the `each` items (a list read from cells may hold an unreadable one) and of the facts. */
  private readonly factSlots: number[];
  private readonly message: Message;
  private readonly warnings: { holds: CompiledRule['holds']; column?: string; message: Message }[];
  /** Overviews read the facts of every row they are told of, so an observed rule computes them all. */
  private readonly lazy: boolean;
  private readonly kinds: ShownKind[];
  /**
   * What the exception being made reads, in arrays and a function made once for the run rather
   * than for each exception: its shown values, the parts of its id (the rule id first), and for
   * its message the subject, due date and facts.
   */
  private readonly shown: FactValue[];
  private readonly idParts: string[];
  private readonly raising: { subject: FactValue; due: FactValue } = { subject: null, due: null };
  private readonly messageValue = (name: string): FactValue | undefined =>
    name === 'subject' ? this.raising.subject : name === 'dueDate' ? this.raising.due : this.named(this.facts, name);
  private readonly indexes: { name: string; columns: string[]; index: Map<string, TypedRow[]> }[];
  private readonly nothingRelated: boolean;

  constructor(
    private readonly rule: CompiledRule,
    data: RuleData,
    private readonly options: EvaluateOptions,
  ) {
    const def = rule.def;
    this.ruleId = def.id;
    this.severity = def.severity;
    this.dataset = def.dataset;
    this.factSlots = [...rule.each.map((l) => l.slot), ...rule.facts.map((f) => f.slot)];
    this.message = compileMessage(def.exception.message, { ...options.factKinds, dueDate: 'date' });
    this.warnings = rule.warnings.map((w) => ({ ...w, message: compileMessage(w.message, options.factKinds) }));
    this.lazy = !options.observe;
    this.kinds = rule.show.map((s) => options.columnKinds[s.label] ?? 'text');
    this.shown = new Array<FactValue>(rule.show.length).fill(null);
    this.idParts = [def.id, '', ''];
    this.indexes = Object.entries(def.related ?? {}).map(([name, r]) => ({
      name,
      columns: Object.values(r.match),
      index: relatedIndex(data.related[name] ?? [], Object.keys(r.match)),
    }));
    this.nothingRelated = this.indexes.length === 0 && !rule.groupBy;
    this.facts = new Array<FactValue>(rule.slots.size).fill(null);
    this.facts[0] = options.asOf;
    this.ctx = { env: options.env, row: undefined as unknown as TypedRow, related: {}, facts: this.facts };
    computeFacts(rule.constantFacts, this.ctx);
  }

  /** A fact by name, for messages. */
  private named(facts: readonly FactValue[], name: string): FactValue | undefined {
    return this.rule.slots.has(name) ? facts[this.rule.slotOf(name)] : undefined;
  }

  private warn(ctx: EvalContext): void {
    for (const w of this.warnings) {
      if (!invoke(w.holds, ctx.facts)) continue;
      const finding: Finding = {
        ...ctx.row.source,
        row: ctx.row.row,
        kind: 'suspicious-value',
        level: 'warning',
        ruleId: this.ruleId,
        dataset: this.dataset,
        message: w.message((name) => this.named(ctx.facts, name)),
      };
      if (w.column) finding.column = w.column;
      this.findings.push(finding);
    }
  }

  private exception(ctx: EvalContext, subject: FactValue): Outcome {
    const rule = this.rule;
    const due = invoke(rule.dueDate, ctx);
    const shown = this.shown;
    for (let i = 0; i < shown.length; i++) shown[i] = invoke(rule.show[i]!.value, ctx);
    const team = rule.team ? invoke(rule.team, ctx) : null;
    const worker = rule.worker ? invoke(rule.worker, ctx) : null;
    const invalid = invalidIn(due) ?? firstInvalid(shown) ?? invalidIn(team) ?? invalidIn(worker);
    if (invalid) return notEvaluable(invalid);
    const dueDate = typeof due === 'number' ? isoFromDay(due) : null;
    const columns: ExceptionRecord['columns'] = {};
    for (let i = 0; i < shown.length; i++) columns[rule.show[i]!.label] = showValue(shown[i]!, this.kinds[i]!);
    const id = this.idParts;
    id[1] = String(subject);
    id[2] = dueDate ?? 'none';
    this.raising.subject = subject;
    this.raising.due = due;
    const record: ExceptionRecord = {
      id: id.join(':'),
      ruleId: this.ruleId,
      severity: this.severity,
      subject: String(subject),
      dueDate,
      message: this.message(this.messageValue),
      team: text(team),
      worker: text(worker),
      columns,
      source: rowRef(ctx.row),
    };
    if (this.options.service) record.service = this.options.service;
    return { kind: 'exception', record };
  }

  /** Why these required facts (indexes into the rule's `requires`) leave the candidate not evaluable: the first unreadable one, else the first empty one. */
  private missingRequired(facts: readonly FactValue[], which: readonly number[]): Outcome | undefined {
    const rule = this.rule;
    for (const i of which) {
      const bad = invalidIn(facts[rule.requiredSlots[i]!]);
      if (bad) return notEvaluable(bad);
    }
    for (const i of which) {
      const value = facts[rule.requiredSlots[i]!];
      if (value !== null && value !== undefined) continue;
      const name = rule.requires[i]!;
      const column = rule.requiredColumns[name];
      const problem = `${rule.requiredLabels[name] ?? name} is empty`;
      return column === undefined ? { kind: 'notEvaluable', problem } : { kind: 'notEvaluable', problem, column };
    }
    return undefined;
  }

  /**
   * Judges one candidate, its facts computed as far as the judgement needs them. Scope comes
   * before the required facts: a row out of scope is not applicable even when a required fact
   * is empty, unless the applicability condition reads that fact.
   */
  private judge(ctx: EvalContext): Outcome {
    const rule = this.rule;
    const facts = ctx.facts;
    computeFacts(rule.scopeFacts, ctx);
    if (!this.lazy) computeFacts(rule.restFacts, ctx);
    const forScope = this.missingRequired(facts, rule.requiredForScope);
    if (forScope) return forScope;
    const badScope = invalidAmong(facts, rule.appliesReads);
    if (badScope) return notEvaluable(badScope);
    if (!invoke(rule.applies, facts)) return NOT_APPLICABLE;
    const inScope = this.missingRequired(facts, rule.requiredInScope);
    if (inScope) return inScope;
    if (this.lazy) computeFacts(rule.restFacts, ctx);
    const bad = firstInvalidFact(facts, this.factSlots);
    if (bad) return notEvaluable(bad);
    const subject = invoke(rule.subject, ctx);
    if (subject === null || subject === '') return { kind: 'notEvaluable', problem: 'no subject id' };
    if (subject instanceof Invalid) return notEvaluable(subject);
    if (this.warnings.length) this.warn(ctx);
    if (!invoke(rule.holds, facts)) return PASSED;
    return this.exception(ctx, subject);
  }

  private record(outcome: Outcome, row: TypedRow): void {
    const counts = this.counts;
    counts.considered++;
    switch (outcome.kind) {
      case 'notApplicable':
        counts.notApplicable++;
        return;
      case 'passed':
        counts.passed++;
        return;
      case 'exception':
        this.raised.raise(outcome.record);
        return;
      case 'notEvaluable': {
        counts.notEvaluable++;
        const kind = 'not-evaluable';
        const ruleId = this.ruleId;
        const message = `${ruleId} could not judge this row: ${outcome.problem}`;
        // Spelled out for the row itself (the common case): a spread costs microseconds a finding here.
        const finding: Finding = outcome.ref?.file
          ? { ...outcome.ref, kind, level: 'warning', ruleId, message }
          : row.source.sheet === undefined
            ? { file: row.source.file, row: row.row, kind, level: 'warning', ruleId, message }
            : { file: row.source.file, sheet: row.source.sheet, row: row.row, kind, level: 'warning', ruleId, message };
        if (outcome.raw) finding.value = outcome.raw;
        if (outcome.column) finding.column = outcome.column;
        this.findings.push(finding);
      }
    }
  }

  /**
   * Judges the candidates under `depth`: one per combination of the remaining `each` levels'
   * items, the facts that read no deeper item computed once for all of them. A list that cannot
   * be computed is one not-evaluable outcome; an empty list is one not-applicable outcome, so
   * every row is counted.
   */
  private judgeFrom(depth: number, ctx: EvalContext): void {
    const rule = this.rule;
    const facts = this.facts;
    for (let slot = rule.firstSlotAt[depth]!; slot < facts.length; slot++) facts[slot] = undefined as unknown as FactValue;
    const levels = rule.each;
    if (depth === levels.length) {
      const outcome = this.judge(ctx);
      if (depth === 0 && this.options.observe) this.options.observe(ctx, outcome.kind, factsByName(rule, facts));
      this.record(outcome, ctx.row);
      return;
    }
    computeFacts(rule.levelFacts[depth]!, ctx);
    const level = levels[depth]!;
    const items = guarded(level.list, ctx);
    if (items instanceof Invalid) return this.record(notEvaluable(items), ctx.row);
    if (!Array.isArray(items) || items.length === 0) return this.record(NOT_APPLICABLE, ctx.row);
    for (const item of items) {
      facts[level.slot] = item;
      this.judgeFrom(depth + 1, ctx);
    }
  }

  /** Judges a row (or a group of rows, the first standing for them), with the rows related to it. */
  judgeUnit(row: TypedRow, group?: { name: string; rows: TypedRow[] }): void {
    const ctx = this.ctx;
    ctx.row = row;
    if (!this.nothingRelated) {
      const related: Record<string, readonly TypedRow[]> = {};
      for (const { name, columns, index } of this.indexes) {
        const key = relatedKey(row.values, columns);
        related[name] = key === undefined ? [] : (index.get(key) ?? []);
      }
      if (group) related[group.name] = group.rows;
      ctx.related = related;
    }
    this.judgeFrom(0, ctx);
  }

  /** What the run found: its counts, its exceptions in due-date order, its findings. */
  result(): Omit<RuleRun, 'summary'> & { counts: RuleCounts } {
    const counts = this.counts;
    const { ordered, repeats } = this.raised.inDueDateOrder();
    counts.exceptions = ordered.length;
    counts.merged = repeats;
    counts.checked = counts.considered - counts.notApplicable;
    return { counts, exceptions: ordered, findings: this.findings };
  }
}

/** Judges every row (or group of rows), once per combination of `each` items, of the rule's dataset. */
export function evaluateRule(rule: CompiledRule, data: RuleData, options: EvaluateOptions): Omit<RuleRun, 'summary'> & { counts: RuleCounts } {
  const judging = new Judging(rule, data, options);
  if (rule.groupBy) {
    const name = rule.groupBy.name;
    for (const unit of judgedUnits(data.tables, rule.groupBy.columns)) judging.judgeUnit(unit.row, { name, rows: unit.rows });
  } else {
    for (const table of data.tables) for (const row of table.rows) judging.judgeUnit(row);
  }
  return judging.result();
}
