import type { ExceptionBrief, MovedException, Pair, RuleDiff } from './diff-runs.js';

/** "changed, version 1 -> 2", "changed, version not bumped (still 1)", "added", "removed", "unchanged". */
export function changeLabel(r: RuleDiff, arrow: string): string {
  if (r.change !== 'changed') return r.change;
  const { base, head } = r.version;
  return base === head ? `changed, version not bumped (still ${base})` : `changed, version ${base} ${arrow} ${head}`;
}

/** "40 -> 52"; "not run" for a side where the rule is absent or its input was missing. */
export function countLabel(p: Pair<number>, arrow: string): string {
  const side = (n: number | null) => (n === null ? 'not run' : String(n));
  return p.base === p.head ? side(p.head) : `${side(p.base)} ${arrow} ${side(p.head)}`;
}

const due = (d: string | null) => d ?? '(no date)';
export const briefLabel = (e: ExceptionBrief): string => `${e.subject} due ${due(e.dueDate)}`;
export const movedLabel = (m: MovedException, arrow: string): string => `${m.subject} due ${due(m.from)} ${arrow} ${due(m.to)}`;

/** Whether a rule needs more than its summary line: a change to it or to what it finds. */
export const hasDifferences = (r: RuleDiff): boolean =>
  r.change !== 'unchanged' || r.added.length > 0 || r.removed.length > 0 || r.moved.length > 0 || r.notEvaluable.base !== r.notEvaluable.head;
