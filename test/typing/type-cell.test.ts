import { describe, expect, it } from 'vitest';
import { typeCell } from '../../src/typing/type-cell.js';

describe('typeCell', () => {
  it('reads names with no-break or doubled spaces as the same text, so a worker is one group', () => {
    expect(typeCell('Lexie\u00a0Defore', 'text')).toEqual({ ok: true, value: 'Lexie Defore' });
    expect(typeCell(' Lexie  Defore ', 'text')).toEqual({ ok: true, value: 'Lexie Defore' });
  });

  it('keeps IDs as text with their leading zeros, and whole-number IDs without a decimal point', () => {
    expect(typeCell('007', 'id')).toEqual({ ok: true, value: '007' });
    expect(typeCell(12598894, 'id')).toEqual({ ok: true, value: '12598894' });
  });

  it('treats "-", "N/A", "#N/A" and Excel #N/A error cells as empty', () => {
    for (const empty of ['-', 'N/A', '#N/A', ' ', null, { error: '#N/A' }]) expect(typeCell(empty, 'date')).toEqual({ ok: true, value: null });
  });

  it('reports other Excel error cells as unreadable', () => {
    expect(typeCell({ error: '#REF!' }, 'date')).toEqual({ ok: false, problem: 'Excel error #REF!' });
  });
});
