// Findings are listed in one stable order (file, sheet, row, column, kind, rule, message), so the
// same inputs give byte-identical reports and a reader finds a file's problems together, row by row.
import { expect, it } from 'vitest';
import { compareFindings, type Finding } from '../../src/findings/finding.js';

const f = (name: string, fields: Partial<Finding>): Finding & { name: string } => ({ name, kind: 'unreadable-value', level: 'error', message: 'm', file: 'b.csv', ...fields });

it('orders findings by file, sheet, row, column, kind, rule and message, a missing field first', () => {
  const ordered = [
    f('no sheet', { file: 'a.xlsx' }),
    f('sheet A, no row', { file: 'a.xlsx', sheet: 'A' }),
    f('sheet A row 2', { file: 'a.xlsx', sheet: 'A', row: 2 }),
    f('sheet A row 10', { file: 'a.xlsx', sheet: 'A', row: 10 }),
    f('sheet B row 1', { file: 'a.xlsx', sheet: 'B', row: 1 }),
    f('row 3, no column', { row: 3 }),
    f('row 3 column A', { row: 3, column: 'A' }),
    f('row 3 column B, missing-id', { row: 3, column: 'B', kind: 'missing-id' }),
    f('row 3 column B, not-evaluable, no rule', { row: 3, column: 'B', kind: 'not-evaluable' }),
    f('row 3 column B, not-evaluable, rule r1', { row: 3, column: 'B', kind: 'not-evaluable', ruleId: 'r1' }),
    f('row 3 column B, not-evaluable, rule r2, message a', { row: 3, column: 'B', kind: 'not-evaluable', ruleId: 'r2', message: 'a' }),
    f('row 3 column B, not-evaluable, rule r2, message b', { row: 3, column: 'B', kind: 'not-evaluable', ruleId: 'r2', message: 'b' }),
    f('c.csv', { file: 'c.csv' }),
  ];
  for (const order of [[...ordered].reverse(), [...ordered.slice(6), ...ordered.slice(0, 6)], [...ordered].sort((a, b) => (a.name < b.name ? 1 : -1))]) {
    expect(order.sort(compareFindings).map((x) => x.name)).toEqual(ordered.map((x) => x.name));
  }
});

it('finds two findings that differ in nothing it orders by equal, either way round', () => {
  const [a, b] = [f('a', { row: 2, level: 'error' }), f('b', { row: 2, level: 'warning' })];
  expect(compareFindings(a, b)).toBe(0);
  expect(compareFindings(b, a)).toBe(0);
  expect(compareFindings(f('x', { row: 1 }), f('y', { row: 2 }))).toBeLessThan(0);
  expect(compareFindings(f('y', { row: 2 }), f('x', { row: 1 }))).toBeGreaterThan(0);
});
