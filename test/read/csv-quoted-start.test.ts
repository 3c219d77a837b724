// A CSV file whose very first cell is quoted (a header exported with every cell in quotes): read
// as SheetJS reads it, whatever the chunks, the quotes removed and the separator inside kept.
import { expect, it } from 'vitest';
import { csvRows } from '../../src/read/csv-rows.js';

it('reads a quoted first cell, with a separator inside it, as one cell', () => {
  const text = '"Child, ID","Name"\r\n"C1","Ann"\r\nC2,Bo\r\n';
  const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0));
  for (const size of [1, 4, bytes.length]) {
    const chunks = Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));
    const reader = csvRows(chunks);
    expect([...reader], `chunks of ${size}`).toEqual([
      ['Child, ID', 'Name'],
      ['C1', 'Ann'],
      ['C2', 'Bo'],
    ]);
    expect(reader.strayQuotes).toEqual([]);
  }
});
