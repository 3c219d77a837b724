import { briefLabel, changeLabel, countLabel, hasDifferences, movedLabel } from './diff-labels.js';
import type { RunDiff } from './diff-runs.js';

/** The diff for a terminal or CI log: totals, then one line per rule and every exception added (+), removed (-) or due on another date (~). */
export function diffText(diff: RunDiff, what: string): string {
  const t = diff.totals;
  const out = [
    `Rule changes on ${what}, as of ${diff.asOf}`,
    `Rules: ${t.rulesAdded} added, ${t.rulesRemoved} removed, ${t.rulesChanged} changed. Exceptions: ${t.exceptionsAdded} added, ${t.exceptionsRemoved} removed, ${t.exceptionsMoved} due on another date.`,
    '',
  ];
  for (const r of diff.rules) {
    const notEvaluable = r.notEvaluable.base === r.notEvaluable.head || r.notEvaluable.base === null || r.notEvaluable.head === null ? '' : `; not evaluable ${countLabel(r.notEvaluable, '->')}`;
    out.push(`${hasDifferences(r) ? '*' : ' '} ${r.ruleId}: ${changeLabel(r, '->')}; exceptions ${countLabel(r.exceptions, '->')}${notEvaluable}`);
    for (const e of r.added) out.push(`    + ${briefLabel(e)}`);
    for (const e of r.removed) out.push(`    - ${briefLabel(e)}`);
    for (const m of r.moved) out.push(`    ~ ${movedLabel(m, '->')}`);
  }
  return `${out.join('\n')}\n`;
}
