import { foldText } from '../engine/operators.js';

/**
 * "Did you mean ...?" for a misspelt name in a rule: the known name nearest to it, by the
 * edit distance of their folded forms (case and spacing ignored), when it is near enough to be
 * a slip rather than another name.
 */

/** Edits (insert, delete, substitute, swap two neighbours) to turn a into b: optimal string alignment distance. */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}

/** The known name nearest to `name`, if at most a third of its letters (at least one) differ; the first of equals. */
export function nearestName(name: string, known: Iterable<string>): string | undefined {
  const target = foldText(name);
  const limit = Math.max(1, Math.floor(target.length / 3));
  let best: { name: string; distance: number } | undefined;
  for (const k of known) {
    const distance = editDistance(target, foldText(k));
    if (distance <= limit && (!best || distance < best.distance)) best = { name: k, distance };
  }
  return best?.name;
}

/** ` (did you mean "x"?)` when a known name is near, else nothing: to end a message about an unknown name. */
export function didYouMean(name: string, known: Iterable<string>): string {
  const near = nearestName(name, known);
  return near === undefined ? '' : ` (did you mean "${near}"?)`;
}

/** The message for a column a dataset does not define, with the nearest column it does. */
export function noColumn(dataset: { id: string; columns: Record<string, unknown> }, column: string): string {
  return `dataset "${dataset.id}" has no column "${column}"${didYouMean(column, Object.keys(dataset.columns))}`;
}
