import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alwaysReadable, typeCell, Unreadable } from '../../src/typing/type-cell.js';

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

  it('reads every cell it calls always readable (a column not kept skips typing those)', () => {
    const cell = fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null), fc.record({ error: fc.constantFrom('#N/A', '#REF!') }));
    fc.assert(
      fc.property(cell, fc.constantFrom('id', 'text', 'date', 'number') as fc.Arbitrary<'id' | 'text' | 'date' | 'number'>, (value, type) => {
        if (alwaysReadable(value, type)) expect(typeCell(value, type)).not.toBeInstanceOf(Unreadable);
      }),
    );
    expect(alwaysReadable('12/13/2017', 'date')).toBe(false);
  });
});
