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

  it('reads empty markers in any case and with spaces around them as empty, in every type of column', () => {
    const markers = ['', 'n/a', 'N/a', 'na', 'NA', 'Na', '#n/a', '#N/a', ' - ', '  n/a  ', '\u00a0N/A', 'N/A\u00a0', '\tNA', 'N/A  ', '-   ', undefined, { error: ' #n/a ' }];
    for (const type of ['id', 'text', 'number', 'date'] as const) for (const empty of markers) expect(typeCell(empty, type), `${JSON.stringify(empty)} as ${type}`).toBeNull();
  });

  it('reads text that merely starts like an empty marker as text', () => {
    for (const text of ['Nathan', 'NAS', 'N/A yet', 'nab', '-1', '--', '#N/A!', 'n/a, pending', 'Nadia Ali']) expect(typeCell(text, 'text'), text).toBe(text.trim());
    expect(typeCell('-', 'text')).toBeNull();
    expect(typeCell(0, 'number')).toBe(0);
    expect(typeCell(false, 'text')).toBe('false');
  });

  it('tidies tabs, line breaks, no-break and repeated spaces in text and ids, and leaves tidy text as it is', () => {
    const cases: [string, string][] = [
      ['Team  North', 'Team North'],
      ['Team North ', 'Team North'],
      [' Team North', 'Team North'],
      ['Team\tNorth', 'Team North'],
      ['Team\r\nNorth', 'Team North'],
      ['Team\u00a0\u00a0North', 'Team North'],
      ['a b c', 'a b c'],
      ['Zoë  Œuvre', 'Zoë Œuvre'],
      ['Zoë Œuvre', 'Zoë Œuvre'],
      ['~!{}', '~!{}'],
      ['\u738b\u00a0\u4f1f', '\u738b \u4f1f'],
    ];
    for (const [raw, tidy] of cases) {
      expect(typeCell(raw, 'text'), JSON.stringify(raw)).toBe(tidy);
      expect(typeCell(raw, 'id'), JSON.stringify(raw)).toBe(tidy);
    }
  });

  it('reads ids that Excel holds as numbers as the digits shown, a fraction as written', () => {
    expect(typeCell(1.5, 'id')).toBe('1.5');
    expect(typeCell(0, 'id')).toBe('0');
    expect(typeCell(123456789012, 'id')).toBe('123456789012');
  });

  it('reads numbers written with thousands commas and spaces; other text, and infinities, are not numbers', () => {
    expect(typeCell('1,234,567', 'number')).toBe(1234567);
    expect(typeCell(' 12.5 ', 'number')).toBe(12.5);
    expect(typeCell('-3', 'number')).toBe(-3);
    expect(typeCell(7, 'number')).toBe(7);
    for (const bad of ['12 hours', 'Infinity', '1/2', true]) expect(typeCell(bad, 'number'), String(bad)).toEqual(new Unreadable('not a number'));
    expect(typeCell(Number.POSITIVE_INFINITY, 'number')).toEqual(new Unreadable('not a number'));
  });

  it('reads dates as day numbers (days since 1970-01-01) from Excel serials, dd/mm/yyyy, ISO text and dates, and says why others are not dates', () => {
    for (const date of [42753, '18/01/2017', '2017-01-18', ' 18/01/2017', new Date(Date.UTC(2017, 0, 18))]) expect(typeCell(date, 'date'), String(date)).toBe(17184);
    expect(typeCell('01/13/2017', 'date')).toEqual(new Unreadable('month 13 does not exist'));
    expect(typeCell(60, 'date')).toEqual(new Unreadable('Excel date 60 is 29 February 1900, which does not exist (a known Excel quirk)'));
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
