// A CSV file read whole (the browser page; the command line when it must go through rows twice)
// with more rows than a function call takes arguments: every row read, none lost to a stack overflow.
import { expect, it } from 'vitest';
import { parseWorkbook } from '../../src/read/workbook-tables.js';

it('reads a 200,000-row CSV held whole, each row as wide as the widest', () => {
  const text = `a,b\n${Array.from({ length: 200_000 }, (_, i) => (i === 7 ? `${i},x,extra` : `${i},x`)).join('\n')}\n`;
  const [table] = parseWorkbook(new TextEncoder().encode(text), 'long.csv');
  expect(table!.rows).toHaveLength(200_001);
  expect(table!.rows[200_000]).toEqual(['199999', 'x', null]);
});
