// Narrowing related or grouped rows by a column condition, then counting and summarising them.
import { describe, expect, it } from 'vitest';
import { OPERATORS } from '../../src/engine/operators.js';
import { rowRecords } from '../../src/facts/row-record.js';
import { Invalid } from '../../src/typing/value.js';
import { call, d } from '../helpers/call-function.js';

const episodes = [
  { CHILD: 'A', DECOM: d('2016-01-10'), DEC: d('2016-03-01'), RNE: 'S', LS: 'C2' },
  { CHILD: 'A', DECOM: d('2016-03-01'), DEC: d('2016-06-01'), RNE: ' p ', LS: 'C2' },
  { CHILD: 'A', DECOM: d('2016-06-01'), DEC: null, RNE: 'B', LS: 'V3' },
  { CHILD: 'A', DECOM: d('2016-07-01'), DEC: null, RNE: 'L', LS: 'E1' },
];
const codes = ['P', 'B', 'T', 'U'];

describe('rowsWhere and rowsWhereNot', () => {
  it('keep the rows whose column meets the operator (text codes from a list, case and spacing ignored)', () => {
    expect(call('rowsWhere', episodes, 'RNE', 'textIn', codes)).toEqual([episodes[1], episodes[2]]);
    expect(call('rowsWhereNot', episodes, 'LS', 'textIn', ['V3', 'V4'])).toEqual([episodes[0], episodes[1], episodes[3]]);
  });
  it('compare dates; isEmpty tests whether the column is empty, so rows with an empty date can be left out first', () => {
    expect(call('rowsWhere', episodes, 'DEC', 'isEmpty', true)).toEqual([episodes[2], episodes[3]]);
    expect(call('rowsWhereNot', episodes, 'DEC', 'isEmpty', true)).toEqual([episodes[0], episodes[1]]);
    expect(call('rowsWhere', call('rowsWhereNot', episodes, 'DEC', 'isEmpty', true), 'DEC', 'after', d('2016-03-01'))).toEqual([episodes[1]]);
  });
  it('cannot tell with a row whose column is empty (any operator but isEmpty), in rowsWhere and rowsWhereNot alike: never a row silently left out or kept', () => {
    const unfilled = [...episodes, { CHILD: 'A', DECOM: d('2016-08-01'), DEC: null, RNE: null, LS: null }];
    for (const [name, column, operator, value] of [
      ['rowsWhere', 'RNE', 'textIn', codes],
      ['rowsWhereNot', 'LS', 'textIn', ['V3', 'V4']],
      ['rowsWhere', 'DEC', 'after', d('2016-03-01')],
      ['rowsWhere', 'RNE', 'equal', 'P'],
    ] as const) {
      const result = call(name, column === 'DEC' ? episodes : unfilled, column, operator, value as never);
      expect(result, `${name} ${column}`).toBeInstanceOf(Invalid);
      expect((result as Invalid).problem).toBe(`${column} is empty, so whether the row meets the rule's test of it (${operator}) cannot be told`);
    }
  });
  it('narrow a narrowed list further', () => {
    const placements = call('rowsWhere', episodes, 'RNE', 'textIn', codes);
    expect(call('rowsWhere', placements, 'DECOM', 'onOrAfter', d('2016-06-01'))).toEqual([episodes[2]]);
  });
  it('give an unreadable value in the column read, rather than guess', () => {
    const bad = new Invalid('31/02/2016', 'not a date', { file: 'e.csv', row: 5, column: 'DECOM' });
    const result = call('rowsWhere', [...episodes, { CHILD: 'A', DECOM: bad, RNE: 'P' }], 'DECOM', 'after', d('2016-01-01'));
    expect(result).toBe(bad);
  });
  it('refuse an operator that does not exist', () => {
    expect(() => call('rowsWhere', episodes, 'RNE', 'oneOf', codes)).toThrow(/unknown operator "oneOf"/);
  });
});

describe('rowsOpenOn', () => {
  it('keeps the rows started on or before the date and not ended by it (an empty end is still open)', () => {
    expect(call('rowsOpenOn', episodes, 'DECOM', 'DEC', d('2016-02-29'))).toEqual([episodes[0]]);
    expect(call('rowsOpenOn', episodes, 'DECOM', 'DEC', d('2016-03-01'))).toEqual([episodes[1]]);
    expect(call('rowsOpenOn', episodes, 'DECOM', 'DEC', d('2016-01-09'))).toEqual([]);
    expect(call('rowsOpenOn', episodes, 'DECOM', 'DEC', d('2016-07-01'))).toEqual([episodes[2], episodes[3]]);
  });
  it('cannot tell with a row that has no start date', () => {
    const result = call('rowsOpenOn', [...episodes, { CHILD: 'A', DECOM: null, DEC: null }], 'DECOM', 'DEC', d('2016-07-01'));
    expect(result).toBeInstanceOf(Invalid);
    expect((result as Invalid).problem).toBe('DECOM is empty, so whether the row was open cannot be told');
  });
  it('names the row with no start date, the first row too, when the rows were read from a sheet', () => {
    const rows = rowRecords([null, d('2016-01-10')].map((start, i) => ({ source: { file: 'episodes.csv' }, row: i + 2, values: { DECOM: start, DEC: null } })));
    expect(call('rowsOpenOn', rows, 'DECOM', 'DEC', d('2016-07-01'))).toMatchObject({ raw: '', ref: { file: 'episodes.csv', row: 2, column: 'DECOM' } });
  });
  it('gives an unreadable start or end date rather than guess', () => {
    const bad = new Invalid('31/02/2016', 'not a date', { file: 'e.csv', row: 5, column: 'DEC' });
    expect(call('rowsOpenOn', [...episodes, { CHILD: 'A', DECOM: d('2016-01-01'), DEC: bad }], 'DECOM', 'DEC', d('2016-07-01'))).toBe(bad);
    expect(call('rowsOpenOn', [{ CHILD: 'A', DECOM: bad, DEC: null }, ...episodes], 'DECOM', 'DEC', d('2016-07-01'))).toBe(bad);
  });
});

it('isEmpty holds for a list with nothing in it, so a condition can ask whether any row is left', () => {
  expect(OPERATORS.isEmpty!.evaluate([], true)).toBe(true);
  expect(OPERATORS.isEmpty!.evaluate([episodes[0]], false)).toBe(true);
});

describe('count, columnValues and summaries of a narrowed list', () => {
  it('count counts the items that are not empty', () => {
    expect(call('count', episodes)).toBe(4);
    expect(call('count', [d('2016-01-01'), null, '', d('2016-02-01')])).toBe(2);
    expect(call('count', call('rowsWhere', episodes, 'RNE', 'textIn', ['T']))).toBe(0);
  });
  it('columnValues lists a column of the rows, for date summaries', () => {
    const dates = call('columnValues', call('rowsWhere', episodes, 'RNE', 'textIn', codes), 'DECOM');
    expect(dates).toEqual([d('2016-03-01'), d('2016-06-01')]);
    expect(call('countBetween', dates, d('2016-03-02'), d('2016-06-01'))).toBe(1);
    expect(call('earliest', dates)).toBe(d('2016-03-01'));
    expect(call('latest', dates, d('2016-05-01'))).toBe(d('2016-06-01'));
    expect(call('latest', [])).toBeNull();
  });
});
