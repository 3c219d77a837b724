// How the CSV reader finds the separator, as SheetJS does: a first line "sep=;" (its line end
// dropped, CR LF or a lone CR), else the commonest separator in the first 1,024 characters only,
// wherever the chunks end; and no separator known before the first row is read.
import { expect, it } from 'vitest';
import { csvRows } from '../../src/read/csv-rows.js';

const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const chunks = (text: string, size: number) => {
  const bytes = latin1(text);
  return Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));
};

it('drops a "sep=" line ended by a lone CR, and reads the next line as the header', () => {
  expect([...csvRows([latin1('sep=;\rA;B\n1;2\n')])]).toEqual([
    ['A', 'B'],
    ['1', '2'],
  ]);
});

it('guesses the separator from the first 1,024 characters only, in one chunk or a byte at a time', () => {
  const header = `A;${'x'.repeat(1016)},,,tail`;
  const text = `${header}\n1,2,3,4,5,6,7\n`;
  for (const size of [1, 7, text.length]) {
    const reader = csvRows(chunks(text, size));
    expect([...reader], `chunks of ${size}`).toEqual([['A;' + 'x'.repeat(1016), null, null, 'tail'], ['1', '2', '3', '4', '5', '6', '7']]);
    expect(reader.separator).toBe(',');
  }
  const semicolons = `A;${'x'.repeat(1100)}\n${'1,'.repeat(20)}1\n`;
  expect([...csvRows([latin1(semicolons)])][1]).toEqual([`${'1,'.repeat(20)}1`]);
});

it('knows no separator before the first row is read', () => {
  const reader = csvRows([latin1('A;B\n')]);
  expect(reader.separator).toBeUndefined();
  expect(reader.next().value).toEqual(['A', 'B']);
  expect(reader.separator).toBe(';');
});
