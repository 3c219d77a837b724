import { describe, expect, it } from 'vitest';
import { typeCell, Unreadable } from '../../src/typing/type-cell.js';

describe('typeCell', () => {
  it('reads names with no-break or doubled spaces as the same text, so a worker is one group', () => {
    expect(typeCell('Lexie\u00a0Defore', 'text')).toBe('Lexie Defore');
    expect(typeCell(' Lexie  Defore ', 'text')).toBe('Lexie Defore');
  });

  it('keeps IDs as text with their leading zeros, and whole-number IDs without a decimal point', () => {
    expect(typeCell('007', 'id')).toBe('007');
    expect(typeCell(12598894, 'id')).toBe('12598894');
  });

  it('treats "-", "N/A", "#N/A" and Excel #N/A error cells as empty', () => {
    for (const empty of ['-', 'N/A', '#N/A', ' ', null, { error: '#N/A' }]) expect(typeCell(empty, 'date')).toBeNull();
  });

  it('reports other Excel error cells as unreadable', () => {
    expect(typeCell({ error: '#REF!' }, 'date')).toEqual(new Unreadable('Excel error #REF!'));
  });
});
