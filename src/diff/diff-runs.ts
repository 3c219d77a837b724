import type { CheckResult } from '../engine/run-check.js';
import type { ExceptionRecord } from '../engine/outcome.js';
import { canonicalJson } from '../manifest/canonical-json.js';
import type { RuleDef } from '../rules/rule.js';

/** An exception as a diff names it: whom or what it is about, and when it was due. */
export interface ExceptionBrief {
  subject: string;
  dueDate: string | null;
}

/** Two runs side by side: `base` the rules before the change, `head` after; null where absent. */
export interface Pair<T> {
  base: T | null;
  head: T | null;
}

/** The same subject flagged on both sides with a different due date (a moved threshold). */
export interface MovedException {
  subject: string;
  from: string | null;
  to: string | null;
}

export interface RuleDiff {
  ruleId: string;
  title: string;
  /** changed: the rule's JSON differs (key order aside). */
  change: 'added' | 'removed' | 'changed' | 'unchanged';
  version: Pair<number>;
  /** Exceptions raised; null where the rule is absent or was not run (its input missing). */
  exceptions: Pair<number>;
  notEvaluable: Pair<number>;
  added: ExceptionBrief[];
  removed: ExceptionBrief[];
  moved: MovedException[];
}

export interface RunDiff {
  asOf: string;
  rules: RuleDiff[];
  totals: { rulesAdded: number; rulesRemoved: number; rulesChanged: number; exceptionsAdded: number; exceptionsRemoved: number; exceptionsMoved: number };
}

/** Run of one side of the diff: the rules it used and what they found. */
export interface DiffSide {
  rules: readonly RuleDef[];
  result: CheckResult;
}

const byId = (a: ExceptionRecord, b: ExceptionRecord) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The rule's exceptions in `from` whose id `not` does not have, in id order. */
function only(ruleId: string, from: CheckResult, not: CheckResult): ExceptionRecord[] {
  const other = new Set(not.exceptions.map((e) => e.id));
  return from.exceptions.filter((e) => e.ruleId === ruleId && !other.has(e.id)).sort(byId);
}

/**
 * Pairs exceptions only one side has by subject, earliest due date with earliest: a subject
 * still flagged but due on another date is "moved", not one removed and one added.
 */
function compare(removed: ExceptionRecord[], added: ExceptionRecord[]) {
  const moved: MovedException[] = [];
  const paired = new Set<ExceptionRecord>();
  for (const r of removed) {
    const a = added.find((x) => x.subject === r.subject && !paired.has(x));
    if (!a) continue;
    paired.add(r).add(a);
    moved.push({ subject: r.subject, from: r.dueDate, to: a.dueDate });
  }
  const brief = (e: ExceptionRecord): ExceptionBrief => ({ subject: e.subject, dueDate: e.dueDate });
  return { added: added.filter((e) => !paired.has(e)).map(brief), removed: removed.filter((e) => !paired.has(e)).map(brief), moved };
}

/** Per rule: whether its JSON changed, and which exceptions the change adds and removes on the same data. */
export function diffRuns(base: DiffSide, head: DiffSide): RunDiff {
  const ids = [...new Set([...base.rules, ...head.rules].map((r) => r.id))].sort();
  const rules = ids.map((ruleId): RuleDiff => {
    const before = base.rules.find((r) => r.id === ruleId);
    const after = head.rules.find((r) => r.id === ruleId);
    const summary = (side: DiffSide) => side.result.rules.find((r) => r.ruleId === ruleId && r.ran);
    const count = (side: DiffSide, key: 'exceptions' | 'notEvaluable') => summary(side)?.counts[key] ?? null;
    const change = !before ? 'added' : !after ? 'removed' : canonicalJson(before) === canonicalJson(after) ? 'unchanged' : 'changed';
    return {
      ruleId,
      title: (after ?? before)!.title,
      change,
      version: { base: before?.version ?? null, head: after?.version ?? null },
      exceptions: { base: count(base, 'exceptions'), head: count(head, 'exceptions') },
      notEvaluable: { base: count(base, 'notEvaluable'), head: count(head, 'notEvaluable') },
      ...compare(only(ruleId, base.result, head.result), only(ruleId, head.result, base.result)),
    };
  });
  const sum = (f: (r: RuleDiff) => number) => rules.reduce((n, r) => n + f(r), 0);
  return {
    asOf: head.result.asOf,
    rules,
    totals: {
      rulesAdded: sum((r) => Number(r.change === 'added')),
      rulesRemoved: sum((r) => Number(r.change === 'removed')),
      rulesChanged: sum((r) => Number(r.change === 'changed')),
      exceptionsAdded: sum((r) => r.added.length),
      exceptionsRemoved: sum((r) => r.removed.length),
      exceptionsMoved: sum((r) => r.moved.length),
    },
  };
}
