// What kind of value each expression gives, which decides how a shown column is written in a
// report (a date as a date, a count as a number): columns by their dataset's type, parameters by
// their unit, facts by their definitions, function calls by what each function returns.
import { describe, expect, it } from 'vitest';
import type { ColumnType } from '../../src/datasets/dataset.js';
import { inferKind } from '../../src/facts/infer-kind.js';
import type { Expr, RuleDef } from '../../src/rules/rule.js';

const TYPES: Record<string, Record<string, ColumnType>> = {
  children: { ID: 'id', Name: 'text', 'Start Date': 'date', Visits: 'number' },
  reviews: { 'Review Date': 'date', Outcome: 'text' },
};
const columnType = (dataset: string, column: string) => TYPES[dataset]?.[column];
const rule = {
  dataset: 'children',
  related: { reviews: { dataset: 'reviews', match: { ID: 'ID' } } },
  parameters: { every: { value: 6, unit: 'months' }, most: { value: 3, unit: 'count' }, codes: { value: ['A'], unit: 'text' } },
  each: [{ name: 'month', list: { call: 'completeMonthsBefore', args: [{ fact: 'asOf' }, { param: 'every' }] } }, { name: 'step', list: { call: 'dueChain', args: [] } }],
  facts: {
    start: { column: 'Start Date' },
    again: { fact: 'start' },
    loopA: { fact: 'loopB' },
    loopB: { fact: 'loopA' },
    periods: { call: 'spans', args: [] },
    plain: { column: 'Name' },
  },
} as unknown as RuleDef;
const kind = (expr: Expr) => inferKind(expr, rule, columnType);

describe('inferKind', () => {
  it('a column by its type in the rule’s dataset; a related column is a list of dates when it holds dates', () => {
    expect([{ column: 'ID' }, { column: 'Name' }, { column: 'Start Date' }, { column: 'Visits' }, { column: 'Nope' }].map((e) => kind(e as Expr))).toEqual(['text', 'text', 'date', 'number', 'any']);
    expect(kind({ related: 'reviews', column: 'Review Date' })).toBe('dates');
    expect(kind({ related: 'reviews', column: 'Outcome' })).toBe('any');
    expect(kind({ related: 'visits', column: 'Review Date' })).toBe('any');
    expect(kind({ rows: 'reviews' })).toBe('rows');
  });

  it('a parameter by its unit, a literal by its type', () => {
    expect([{ param: 'every' }, { param: 'most' }, { param: 'codes' }, { param: 'nope' }].map((e) => kind(e))).toEqual(['interval', 'number', 'text', 'any']);
    expect(kind({ value: 3 })).toBe('number');
    expect(kind({ value: 'x' })).toBe('text');
  });

  it('a fact by its definition (a loop or an unknown fact gives no kind), the as-of date as a date', () => {
    expect(kind({ fact: 'start' })).toBe('date');
    expect(kind({ fact: 'again' })).toBe('date');
    expect(kind({ fact: 'loopA' })).toBe('any');
    expect(kind({ fact: 'nope' })).toBe('any');
    expect(kind({ fact: 'asOf' })).toBe('date');
  });

  it('an item of each: a date from a list of dates; a field of an item by what its function says of that field', () => {
    expect(kind({ fact: 'month' })).toBe('date');
    expect(kind({ fact: 'step' })).toBe('any');
    expect(kind({ fact: 'step', path: 'due' })).toBe('date');
    expect(kind({ fact: 'step', path: 'number' })).toBe('number');
    expect(kind({ fact: 'periods', path: 'start' })).toBe('date');
    expect(kind({ fact: 'periods', path: 'first' })).toBe('any');
    expect(kind({ fact: 'plain', path: 'start' })).toBe('any');
    expect(kind({ fact: 'nope', path: 'start' })).toBe('any');
    const more = { ...rule, facts: { ...rule.facts, due: { call: 'addInterval', args: [] }, odd: { call: 'nope', args: [] } } } as RuleDef;
    expect(inferKind({ fact: 'due', path: 'start' }, more, columnType)).toBe('any');
    expect(inferKind({ fact: 'odd', path: 'start' }, more, columnType)).toBe('any');
    expect(inferKind({ related: 'reviews', column: 'Review Date' }, { ...rule, related: undefined } as RuleDef, columnType)).toBe('any');
  });

  it('a call by what its function returns; a function that returns what it is given, by its arguments when they agree', () => {
    expect(kind({ call: 'addInterval', args: [{ fact: 'start' }, { param: 'every' }] })).toBe('date');
    expect(kind({ call: 'daysBetween', args: [] })).toBe('number');
    expect(kind({ call: 'coalesce', args: [{ fact: 'start' }, { column: 'Start Date' }] })).toBe('date');
    expect(kind({ call: 'coalesce', args: [{ fact: 'start' }, { value: 'none' }] })).toBe('any');
    expect(kind({ call: 'coalesce', args: [] })).toBe('any');
    expect(kind({ call: 'nope', args: [] })).toBe('any');
  });
});
