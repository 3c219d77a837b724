// How a rule's expressions read a row: columns, related rows, facts and their fields, parameters,
// literal values and function calls, with an unreadable value carried through and an empty one
// giving an empty result (never a silent guess).
import { describe, expect, it } from 'vitest';
import { WorkingDayCalendar } from '../../src/calendar/index.js';
import { columnsRead, compileExpression, factsRead, parameterValue, type EvalContext } from '../../src/facts/compile-expression.js';
import type { FactValue } from '../../src/facts/fact-value.js';
import type { Expr, Parameter } from '../../src/rules/rule.js';
import type { TypedRow } from '../../src/typing/typed-table.js';
import { Invalid } from '../../src/typing/value.js';
import { d } from '../helpers/call-function.js';

const row = (n: number, values: TypedRow['values']): TypedRow => ({ source: { file: 'visits.csv' }, row: n, values });
const parameters: Record<string, Parameter> = {
  every: { value: 6, unit: 'months' },
  most: { value: 3, unit: 'count' },
  codes: { value: ['P', 'B'], unit: 'text' },
};
const FACTS = ['start', 'item', 'list'];
const context = (fields: Partial<EvalContext>): EvalContext => ({
  env: { calendar: new WorkingDayCalendar({ dates: ['2017-01-02'] }) },
  row: row(2, {}),
  related: {},
  facts: [],
  ...fields,
});
const run = (expr: Expr, ctx: Partial<EvalContext> = {}): FactValue => compileExpression(expr, parameters, (f) => FACTS.indexOf(f))(context(ctx));

describe('reading', () => {
  it('a column of the row judged (empty when the row lacks it) and a column of each related row', () => {
    const ctx = { row: row(2, { 'Start Date': d('2017-01-03') }), related: { visits: [row(5, { Date: d('2016-12-01') }), row(6, {})] } };
    expect(run({ column: 'Start Date' }, ctx)).toBe(d('2017-01-03'));
    expect(run({ column: 'End Date' }, ctx)).toBeNull();
    expect(run({ related: 'visits', column: 'Date' }, ctx)).toEqual([d('2016-12-01'), null]);
    expect(run({ related: 'reviews', column: 'Date' }, ctx)).toEqual([]);
  });

  it('the related rows themselves, as records of their values', () => {
    const visits = [row(5, { Date: d('2016-12-01') }), row(6, { Date: null })];
    expect([...(run({ rows: 'visits' }, { related: { visits } }) as FactValue[])]).toEqual([{ Date: d('2016-12-01') }, { Date: null }]);
    expect([...(run({ rows: 'reviews' }, { related: { visits } }) as FactValue[])]).toEqual([]);
  });

  it('a fact, and a field of a fact by a dotted path (empty where there is no such field)', () => {
    const facts: FactValue[] = [d('2017-01-03'), { due: d('2017-02-01'), held: { on: d('2017-01-30') } }];
    expect(run({ fact: 'start' }, { facts })).toBe(d('2017-01-03'));
    expect(run({ fact: 'list' }, { facts })).toBeNull();
    expect(run({ fact: 'item', path: 'due' }, { facts })).toBe(d('2017-02-01'));
    expect(run({ fact: 'item', path: 'held.on' }, { facts })).toBe(d('2017-01-30'));
    expect(run({ fact: 'item', path: 'held.by' }, { facts })).toBeNull();
    expect(run({ fact: 'item', path: 'missing.on' }, { facts })).toBeNull();
    expect(run({ fact: 'start', path: 'due' }, { facts })).toBeNull();
  });

  it('a parameter (an interval keeps its unit; counts and text are plain values) and a literal value', () => {
    expect(run({ param: 'every' })).toEqual({ n: 6, unit: 'months' });
    expect(run({ param: 'most' })).toBe(3);
    expect(run({ param: 'codes' })).toEqual(['P', 'B']);
    expect(parameterValue({ value: '7', unit: 'days' })).toEqual({ n: 7, unit: 'days' });
    expect(run({ value: 'Formal' })).toBe('Formal');
    expect(() => run({ param: 'nope' })).toThrow('unknown parameter "nope"');
    expect(() => run({ call: 'nope', args: [] })).toThrow('unknown function "nope"');
  });
});

describe('calling a function', () => {
  const bad = new Invalid('31/02/2016', 'not a date', { file: 'visits.csv', row: 4, column: 'Date' });
  const worse = new Invalid('x', 'not a number', { file: 'visits.csv', row: 5, column: 'N' });
  const value = (v: FactValue): Expr => ({ value: v as string });
  const facts = (...vs: FactValue[]) => ({ facts: vs });

  it('with one, two or more arguments, gives its result', () => {
    expect(run({ call: 'dayAfter', args: [{ fact: 'start' }] }, facts(d('2017-01-03')))).toBe(d('2017-01-04'));
    expect(run({ call: 'subtract', args: [value(10), value(3)] })).toBe(7);
    expect(run({ call: 'add', args: [value(1), value(2), value(4)] })).toBe(7);
    expect(run({ call: 'add', args: [value(1), value(2), value(4), value(8)] })).toBe(15);
  });

  it('gives the first unreadable argument (or unreadable value in a list) instead of a result', () => {
    expect(run({ call: 'dayAfter', args: [{ fact: 'start' }] }, facts(bad))).toBe(bad);
    expect(run({ call: 'latest', args: [{ fact: 'start' }] }, facts([d('2017-01-03'), bad]))).toBe(bad);
    expect(run({ call: 'subtract', args: [{ fact: 'start' }, { fact: 'item' }] }, facts(1, bad))).toBe(bad);
    expect(run({ call: 'subtract', args: [{ fact: 'start' }, { fact: 'item' }] }, facts(bad, worse))).toBe(bad);
    expect(run({ call: 'add', args: [{ fact: 'start' }, { fact: 'item' }, { fact: 'list' }] }, facts(1, worse, bad))).toBe(worse);
    expect(run({ call: 'add', args: [{ fact: 'start' }, { fact: 'item' }, { fact: 'list' }] }, facts(1, 2, [3, bad]))).toBe(bad);
    expect(run({ call: 'add', args: [{ fact: 'start' }, value(2), value(4), { fact: 'item' }] }, facts(1, [3, bad]))).toBe(bad);
  });

  it('judged row after row, finds an unreadable date in each row\'s own related rows: never carried to the next row, never missed after a clean one', () => {
    const slotOf = (f: string) => FACTS.indexOf(f);
    const countBetween = compileExpression({ call: 'countBetween', args: [{ related: 'visits', column: 'Date' }, { fact: 'start' }, { fact: 'item' }] }, parameters, slotOf);
    const latestBefore = compileExpression({ call: 'latestBefore', args: [{ related: 'visits', column: 'Date' }, { fact: 'item' }] }, parameters, slotOf);
    const clean = [row(5, { Date: d('2016-12-01') })];
    const dirty = [row(6, { Date: d('2016-11-20') }), row(7, { Date: bad })];
    // Each month of a home is judged with the same related rows; then the next home's.
    const judged = (visits: TypedRow[]) => {
      const ctx = context({ related: { visits }, facts: [d('2016-11-01'), d('2016-12-31')] });
      return [countBetween(ctx), latestBefore(ctx), countBetween(ctx), latestBefore(ctx)];
    };
    expect(judged(clean)).toEqual([1, d('2016-12-01'), 1, d('2016-12-01')]);
    expect(judged(dirty)).toEqual([bad, bad, bad, bad]);
    expect(judged(clean)).toEqual([1, d('2016-12-01'), 1, d('2016-12-01')]);
    expect(judged(dirty)).toEqual([bad, bad, bad, bad]);
  });

  it('is empty when an argument is empty, unless the function takes empty values', () => {
    expect(run({ call: 'dayAfter', args: [{ fact: 'start' }] }, facts(null))).toBeNull();
    expect(run({ call: 'subtract', args: [{ fact: 'start' }, { fact: 'item' }] }, facts(null, 1))).toBeNull();
    expect(run({ call: 'subtract', args: [{ fact: 'start' }, { fact: 'item' }] }, facts(1, null))).toBeNull();
    expect(run({ call: 'add', args: [{ fact: 'start' }, { fact: 'item' }, { fact: 'list' }] }, facts(1, 2, null))).toBeNull();
    expect(run({ call: 'add', args: [{ fact: 'start' }, value(2), value(4), { fact: 'item' }] }, facts(1, null))).toBeNull();
    expect(run({ call: 'coalesce', args: [{ fact: 'start' }] }, facts(null))).toBeNull();
    expect(run({ call: 'coalesce', args: [{ fact: 'start' }, { fact: 'item' }] }, facts(null, 'x'))).toBe('x');
    expect(run({ call: 'coalesce', args: [{ fact: 'start' }, { fact: 'item' }, { fact: 'list' }] }, facts(null, null, 'y'))).toBe('y');
    expect(run({ call: 'whenEmpty', args: [{ fact: 'start' }, { fact: 'item' }] }, facts(null, 'none'))).toBe('none');
  });
});

describe('what an expression reads', () => {
  const expr: Expr = { call: 'latest', args: [{ fact: 'start' }, { column: 'End Date' }, { related: 'visits', column: 'Date' }, { call: 'dayAfter', args: [{ fact: 'item' }, { column: 'Start Date' }] }, { param: 'every' }] };

  it('the facts, in order, and the columns of its own dataset (not those of related rows)', () => {
    expect(factsRead(expr)).toEqual(['start', 'item']);
    expect(columnsRead(expr)).toEqual(['End Date', 'Start Date']);
    expect(factsRead({ column: 'x' })).toEqual([]);
    expect(columnsRead({ fact: 'x' })).toEqual([]);
  });
});
