import type { CaseResult, Expected } from './run-cases.js';

const shown = (e: Expected) => `${e.subject} due ${e.dueDate ?? '(no date)'}`;
const key = (e: Expected) => `${e.subject}\u0000${e.dueDate ?? ''}`;

/** Expected and actual exceptions paired up in order: equal ones on one line, the rest beside a gap. */
function pairs(expected: readonly Expected[], actual: readonly Expected[]): [string, string][] {
  const rows: [string, string][] = [];
  let i = 0;
  let j = 0;
  while (i < expected.length || j < actual.length) {
    const e = expected[i];
    const a = actual[j];
    if (e && a && key(e) === key(a)) {
      rows.push([shown(e), shown(a)]);
      i++;
      j++;
    } else if (e && (!a || key(e) < key(a))) {
      rows.push([shown(e), '-']);
      i++;
    } else {
      rows.push(['-', shown(a!)]);
      j++;
    }
  }
  return rows;
}

/**
 * A failed case as two columns, expected on the left and actual on the right; lines that
 * differ start with "!". Readable in a plain CI log.
 */
export function sideBySide(c: CaseResult, indent = '    '): string[] {
  const rows = pairs(c.expected, c.actual);
  if (rows.length === 0) rows.push(['(no exceptions)', '(no exceptions)']);
  if (c.expectedNotEvaluable > 0 || c.actualNotEvaluable > 0) rows.push([`not evaluable: ${c.expectedNotEvaluable}`, `not evaluable: ${c.actualNotEvaluable}`]);
  const width = Math.max('expected'.length, ...rows.map(([left]) => left.length)) + 3;
  const line = (mark: string, left: string, right: string) => `${indent}${mark} ${left.padEnd(width)}${right}`.trimEnd();
  const differs = ([left, right]: [string, string]) => left !== right;
  return [line(' ', 'expected', 'actual'), ...rows.map((r) => line(differs(r) ? '!' : ' ', r[0], r[1]))];
}
