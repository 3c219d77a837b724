import type { Day } from '../calendar/index.js';
import { isoFromDay } from '../calendar/index.js';
import { CalendarRangeError } from '../calendar/index.js';
import type { Compiled, EvalContext } from '../facts/compile-expression.js';
import { firstInvalid, notComputable, type FactValue } from '../facts/fact-value.js';
import type { FunctionEnv } from '../facts/functions.js';
import type { Finding } from '../findings/finding.js';
import type { TypedRow, TypedTable } from '../typing/typed-table.js';
import { Invalid } from '../typing/value.js';
import type { CompiledRule } from './compile-rule.js';
import { formatMessage, showValue } from './format.js';
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
  /** Told how each row was judged, with its facts (rules without `each` only): overviews read them. */
  observe?: (ctx: EvalContext, outcome: OutcomeKind) => void;
}

export type OutcomeKind = Outcome['kind'];

type Outcome =
  | { kind: 'notApplicable' | 'passed' }
  | { kind: 'exception'; record: ExceptionRecord }
  | { kind: 'notEvaluable'; problem: string; ref?: Invalid['ref']; raw?: string };

/**
 * Computes every fact; one that cannot be computed (an unreadable cell, a date outside the
 * working-day calendar) is kept as an Invalid so that judge() can say whether it mattered.
 * Returns the first such fact, if any.
 */
function computeFacts(rule: CompiledRule, ctx: EvalContext): Invalid | undefined {
  let first: Invalid | undefined;
  for (const { name, compute } of rule.facts) {
    const value = guarded(compute, ctx);
    ctx.facts[name] = value;
    if (!first && value instanceof Invalid) first = value;
  }
  return first;
}

/** A fact or list computed for this row; a date outside the working-day calendar makes it a problem. */
function guarded(compute: Compiled, ctx: EvalContext): FactValue {
  try {
    return compute(ctx);
  } catch (error) {
    if (!(error instanceof CalendarRangeError)) throw error;
    return notComputable(error.message);
  }
}

const invalidAmong = (facts: Record<string, FactValue>, names: readonly string[]) => firstInvalid(names.map((n) => facts[n]));
const notEvaluable = (bad: Invalid): Outcome => ({ kind: 'notEvaluable', problem: bad.problem, ref: bad.ref, raw: bad.raw });

/**
 * The contexts to judge for one row or group: one per combination of the `each` levels' items.
 * A list that cannot be computed is one not-evaluable outcome; an empty list is one
 * not-applicable outcome, so every row is counted.
 */
function expandEach(levels: CompiledRule['each'], ctx: EvalContext): (EvalContext | Outcome)[] {
  const [level, ...rest] = levels;
  if (!level) return [ctx];
  const items = guarded(level.list, ctx);
  if (items instanceof Invalid) return [notEvaluable(items)];
  if (!Array.isArray(items) || items.length === 0) return [{ kind: 'notApplicable' }];
  return items.flatMap((item) => expandEach(rest, { ...ctx, facts: { ...ctx.facts, [level.name]: item } }));
}

/** A warning of the rule that holds for this row: a suspicious-value finding naming the row and column. */
function warningFindings(rule: CompiledRule, ctx: EvalContext, options: EvaluateOptions): Finding[] {
  return rule.warnings
    .filter((w) => w.holds(ctx.facts))
    .map((w) => {
      const finding: Finding = {
        ...ctx.row.source,
        row: ctx.row.row,
        kind: 'suspicious-value',
        level: 'warning',
        ruleId: rule.def.id,
        dataset: rule.def.dataset,
        message: formatMessage(w.message, ctx.facts, options.factKinds),
      };
      if (w.column) finding.column = w.column;
      return finding;
    });
}

function judge(rule: CompiledRule, ctx: EvalContext, options: EvaluateOptions, findings: Finding[]): Outcome {
  const bad = computeFacts(rule, ctx);
  const badRequired = invalidAmong(ctx.facts, rule.requires);
  if (badRequired) return notEvaluable(badRequired);
  const empty = rule.requires.find((name) => ctx.facts[name] === null || ctx.facts[name] === undefined);
  if (empty) return { kind: 'notEvaluable', problem: `${rule.requiredLabels[empty] ?? empty} is empty` };
  const badScope = invalidAmong(ctx.facts, rule.appliesReads);
  if (badScope) return notEvaluable(badScope);
  if (!rule.applies(ctx.facts)) return { kind: 'notApplicable' };
  if (bad) return notEvaluable(bad);
  const subject = rule.subject(ctx);
  if (subject === null || subject === '') return { kind: 'notEvaluable', problem: 'no subject id' };
  if (subject instanceof Invalid) return notEvaluable(subject);
  findings.push(...warningFindings(rule, ctx, options));
  if (!rule.holds(ctx.facts)) return { kind: 'passed' };
  const due = rule.dueDate(ctx);
  const shown = rule.show.map((s) => s.value(ctx));
  const extra = [due, ...shown, rule.team?.(ctx) ?? null, rule.worker?.(ctx) ?? null];
  const invalid = firstInvalid(extra);
  if (invalid) return notEvaluable(invalid);
  const dueDate = typeof due === 'number' ? isoFromDay(due) : null;
  const def = rule.def;
  const columns: ExceptionRecord['columns'] = {};
  rule.show.forEach((s, i) => {
    columns[s.label] = showValue(shown[i]!, options.columnKinds[s.label] ?? 'text');
  });
  const text = (v: FactValue | undefined) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);
  const row = ctx.row;
  const record: ExceptionRecord = {
    id: `${def.id}:${String(subject)}:${dueDate ?? 'none'}`,
    ruleId: def.id,
    severity: def.severity,
    subject: String(subject),
    dueDate,
    message: formatMessage(def.exception.message, { ...ctx.facts, subject, dueDate: due }, { ...options.factKinds, dueDate: 'date' }),
    team: text(extra[extra.length - 2]),
    worker: text(extra[extra.length - 1]),
    columns,
    source: row.source.sheet === undefined ? { file: row.source.file, row: row.row } : { ...row.source, row: row.row },
  };
  return { kind: 'exception', record };
}

const compareExceptions = (a: ExceptionRecord, b: ExceptionRecord) =>
  (a.dueDate ?? '') < (b.dueDate ?? '') ? -1 : (a.dueDate ?? '') > (b.dueDate ?? '') ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** Judges every row (or group of rows), once per combination of `each` items, of the rule's dataset. */
export function evaluateRule(rule: CompiledRule, data: RuleData, options: EvaluateOptions): Omit<RuleRun, 'summary'> & { counts: RuleCounts } {
  const counts: RuleCounts = { considered: 0, notApplicable: 0, checked: 0, passed: 0, exceptions: 0, merged: 0, notEvaluable: 0 };
  const byId = new Map<string, ExceptionRecord>();
  const findings: Finding[] = [];
  const def = rule.def;
  const indexes = Object.entries(def.related ?? {}).map(([name, r]) => ({
    name,
    match: r.match,
    index: relatedIndex(data.related[name] ?? [], Object.keys(r.match)),
  }));
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
        const ref = outcome.ref?.file ? outcome.ref : { ...row.source, row: row.row };
        const finding: Finding = {
          ...ref,
          kind: 'not-evaluable',
          level: 'warning',
          ruleId: def.id,
          message: `${def.id} could not judge this row: ${outcome.problem}`,
        };
        if (outcome.raw) finding.value = outcome.raw;
        findings.push(finding);
      }
    }
  };
  for (const unit of judgedUnits(data.tables, rule.groupBy?.columns)) {
    const row = unit.row;
    const related: Record<string, readonly TypedRow[]> = {};
    for (const { name, match, index } of indexes) {
      const key = relatedKey(Object.values(match).map((c) => row.values[c] ?? null));
      related[name] = key === undefined ? [] : (index.get(key) ?? []);
    }
    if (rule.groupBy) related[rule.groupBy.name] = unit.rows;
    const base: EvalContext = { env: options.env, row, related, facts: { asOf: options.asOf } };
    for (const step of expandEach(rule.each, base)) {
      if ('kind' in step) {
        record(step, row);
        continue;
      }
      const outcome = judge(rule, step, options, findings);
      if (rule.each.length === 0) options.observe?.(step, outcome.kind);
      record(outcome, row);
    }
  }
  counts.exceptions = byId.size;
  counts.checked = counts.considered - counts.notApplicable;
  counts.passed = counts.checked - counts.exceptions - counts.merged - counts.notEvaluable;
  return { counts, exceptions: [...byId.values()].sort(compareExceptions), findings };
}
