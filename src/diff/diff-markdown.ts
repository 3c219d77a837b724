import { briefLabel, changeLabel, countLabel, movedLabel } from './diff-labels.js';
import type { RunDiff } from './diff-runs.js';

/** Exceptions listed per rule and direction in a pull-request comment; the rest are counted. */
export const MARKDOWN_LIST_LIMIT = 50;

const cell = (s: string) => s.replace(/[\\`*_|<>[\]]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');

function list(labels: readonly string[]): string[] {
  const shown = labels.slice(0, MARKDOWN_LIST_LIMIT).map((label) => `- ${cell(label)}`);
  const rest = labels.length - shown.length;
  return rest > 0 ? [...shown, `- … and ${rest} more (\`comply diff --format json\` lists them all)`] : shown;
}

/** The diff as a pull-request comment: a table of rules, then the exceptions each change adds or removes. */
export function diffMarkdown(diff: RunDiff, what: string): string {
  const t = diff.totals;
  const out = [
    `### Rule changes: exceptions on ${cell(what)} as of ${diff.asOf}`,
    '',
    `Rules: ${t.rulesAdded} added, ${t.rulesRemoved} removed, ${t.rulesChanged} changed. Exceptions: **${t.exceptionsAdded} added, ${t.exceptionsRemoved} removed, ${t.exceptionsMoved} due on another date**.`,
    '',
    '| Rule | Rule change | Exceptions (base → this) | Added | Removed | Due date moved | Not evaluable |',
    '|---|---|---|---:|---:|---:|---|',
    ...diff.rules.map(
      (r) => `| \`${r.ruleId}\` | ${changeLabel(r, '→')} | ${countLabel(r.exceptions, '→')} | ${r.added.length} | ${r.removed.length} | ${r.moved.length} | ${countLabel(r.notEvaluable, '→')} |`,
    ),
  ];
  for (const r of diff.rules.filter((x) => x.added.length || x.removed.length || x.moved.length)) {
    out.push(
      '',
      `<details><summary><code>${r.ruleId}</code>: ${r.added.length} added, ${r.removed.length} removed, ${r.moved.length} due on another date</summary>`,
      '',
      ...list(r.added.map((e) => `added: ${briefLabel(e)}`)),
      ...list(r.removed.map((e) => `removed: ${briefLabel(e)}`)),
      ...list(r.moved.map((m) => `due date moved: ${movedLabel(m, '→')}`)),
      '',
      '</details>',
    );
  }
  return `${out.join('\n')}\n`;
}
