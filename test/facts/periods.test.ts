// Periods built from a child's rows (spans) and chains of due dates inside them (dueChain), as
// the looked-after review rules use them: every edge a real extract has, with known answers.
import { describe, expect, it } from 'vitest';
import { WorkingDayCalendar } from '../../src/calendar/index.js';
import { compileExpression } from '../../src/facts/compile-expression.js';
import type { FactValue } from '../../src/facts/fact-value.js';
import { rowRecords } from '../../src/facts/row-record.js';
import type { Expr } from '../../src/rules/rule.js';
import type { TypedRow } from '../../src/typing/typed-table.js';
import { Invalid } from '../../src/typing/value.js';
import { call, d } from '../helpers/call-function.js';

type Cells = TypedRow['values'];
const episodes = (...rows: Cells[]) => rowRecords(rows.map((values, i): TypedRow => ({ source: { file: 'episodes.csv', sheet: 'List' }, row: i + 2, values })));
const ep = (start: string | null, end: string | null, marker: string | null, reason: string | null): Cells => ({ DECOM: start && d(start), DEC: end && d(end), RNE: marker, REC: reason });
const spans = (rows: FactValue, opens: FactValue = ['S'], continues: FactValue = ['X1']) => call('spans', rows, 'DECOM', 'DEC', 'RNE', opens, 'REC', continues);
const brief = (result: FactValue) => (result as { start: number; end: number | null; rows: number; first: Cells; last: Cells }[]).map((p) => [p.start, p.end, p.rows, p.first.DECOM, p.last.DECOM]);

describe('spans', () => {
  it('opens a period at an opening code, takes in the rows after it, closes at an end date with a reason that does not continue it', () => {
    const rows = episodes(
      ep('2016-01-01', '2016-01-31', 'P', 'E1'),
      ep('2016-02-01', '2016-03-01', ' s ', 'X1'),
      ep('2016-03-01', '2016-04-01', 'P', 'x1 '),
      ep('2016-04-01', '2016-05-01', 'S', 'E3'),
      ep('2016-06-01', null, 'S', null),
      ep('2016-07-01', '2016-08-01', 'P', null),
      ep('2016-09-01', null, 'S', 'E3'),
    );
    expect(brief(spans(rows))).toEqual([
      [d('2016-02-01'), d('2016-05-01'), 3, d('2016-02-01'), d('2016-04-01')],
      [d('2016-06-01'), d('2016-08-01'), 2, d('2016-06-01'), d('2016-07-01')],
      [d('2016-09-01'), null, 1, d('2016-09-01'), d('2016-09-01')],
    ]);
  });

  it('puts the rows in order of their start dates first, rows starting the same day in the order given', () => {
    const rows = episodes(ep('2016-04-01', '2016-05-01', 'P', 'E3'), ep('2016-02-01', null, 'S', null), ep('2016-03-01', null, 'P', null));
    expect(brief(spans(rows))).toEqual([[d('2016-02-01'), d('2016-05-01'), 3, d('2016-02-01'), d('2016-04-01')]]);
    expect(brief(spans(episodes(ep('2016-02-01', null, 'S', null), ep('2016-02-01', '2016-03-01', 'P', 'E3'))))).toEqual([[d('2016-02-01'), d('2016-03-01'), 2, d('2016-02-01'), d('2016-02-01')]]);
  });

  it('takes one opening or continuing code as well as a list of them', () => {
    const rows = episodes(ep('2016-02-01', '2016-03-01', 'T', 'C'), ep('2016-03-01', '2016-04-01', 'P', 'E'));
    expect(brief(spans(rows, 't', 'c'))).toEqual([[d('2016-02-01'), d('2016-04-01'), 2, d('2016-02-01'), d('2016-03-01')]]);
    expect(brief(spans(rows, 'S', 'c'))).toEqual([]);
    expect(brief(spans(rows, ['S', 'T'], ['X', 'C']))).toEqual([[d('2016-02-01'), d('2016-04-01'), 2, d('2016-02-01'), d('2016-03-01')]]);
  });

  it('gives no periods for no rows, or rows that never open one', () => {
    expect(spans([])).toEqual([]);
    expect(spans(episodes(ep('2016-02-01', null, 'P', null), ep('2016-03-01', null, null, null)))).toEqual([]);
  });

  it('gives an unreadable value in any column it reads, rather than guess', () => {
    for (const column of ['DECOM', 'DEC', 'RNE', 'REC']) {
      const bad = new Invalid('??', 'not readable', { file: 'episodes.csv', row: 3, column });
      expect(spans(episodes(ep('2016-02-01', null, 'S', null), { ...ep('2016-03-01', null, 'P', null), [column]: bad })), column).toBe(bad);
    }
  });

  it('cannot put rows in order when one has no start date: the result is unreadable, naming that row and column', () => {
    for (const at of [0, 1]) {
      const rows = [ep('2016-02-01', null, 'S', null), ep('2016-03-01', null, 'P', null)];
      rows[at] = ep(null, null, 'P', null);
      const result = spans(episodes(...rows));
      expect(result).toBeInstanceOf(Invalid);
      expect(result).toMatchObject({ raw: '', problem: 'DECOM is empty, so the rows cannot be put in order', ref: { file: 'episodes.csv', sheet: 'List', row: at + 2, column: 'DECOM' } });
    }
    expect(spans([ep(null, null, 'S', null)])).toMatchObject({ problem: 'DECOM is empty, so the rows cannot be put in order' });
  });
});

describe('dueChain', () => {
  const every = (n: number, unit = 'days') => ({ n, unit });
  const chain = (start: string, until: string, events: (string | null | FactValue)[], ...intervals: FactValue[]) =>
    call('dueChain', d(start), d(until), events.map((e) => (typeof e === 'string' ? d(e) : e)), ...intervals);
  const item = (number: number, countsFrom: string, due: string, held: string | null) => ({ number, countsFrom: d(countsFrom), due: d(due), held: held && d(held) });

  it('counts the first due date from the start and each next from the event before it; the last interval repeats', () => {
    expect(chain('2017-01-01', '2017-12-31', ['2017-01-15', '2017-03-01'], every(20), every(90))).toEqual([
      item(1, '2017-01-01', '2017-01-21', '2017-01-15'),
      item(2, '2017-01-15', '2017-04-15', '2017-03-01'),
      item(3, '2017-03-01', '2017-05-30', null),
    ]);
    expect(chain('2017-01-01', '2017-12-31', ['2017-01-10', '2017-01-20'], every(20))).toEqual([
      item(1, '2017-01-01', '2017-01-21', '2017-01-10'),
      item(2, '2017-01-10', '2017-01-30', '2017-01-20'),
      item(3, '2017-01-20', '2017-02-09', null),
    ]);
  });

  it('takes the distinct events from the start to the last date, both included, in order; empty and unreadable-free non-dates skipped', () => {
    const events = ['2017-02-01', '2016-12-31', '2017-01-01', null, '2017-02-01', 'x', '2017-03-01', '2017-03-02', '2017-01-20'];
    expect(chain('2017-01-01', '2017-03-01', events, every(30))).toEqual([
      item(1, '2017-01-01', '2017-01-31', '2017-01-01'),
      item(2, '2017-01-01', '2017-01-31', '2017-01-20'),
      item(3, '2017-01-20', '2017-02-19', '2017-02-01'),
      item(4, '2017-02-01', '2017-03-03', '2017-03-01'),
      item(5, '2017-03-01', '2017-03-31', null),
    ]);
  });

  it('with no events (or a single value where a list is due), gives the first due date alone', () => {
    expect(chain('2017-01-01', '2017-03-01', [], every(2, 'weeks'))).toEqual([item(1, '2017-01-01', '2017-01-15', null)]);
    expect(call('dueChain', d('2017-01-01'), d('2017-03-01'), d('2017-02-01'), every(2, 'weeks'))).toEqual([item(1, '2017-01-01', '2017-01-15', null)]);
  });

  it('makes only the item whose due date is outside the working-day calendar unreadable, the next counting from the event held', () => {
    const expr: Expr = { call: 'dueChain', args: [0, 1, 2, 3].map((i) => ({ fact: `a${i}` })) };
    const env = { calendar: new WorkingDayCalendar({ dates: ['2017-01-02'] }) };
    const facts: FactValue[] = [d('2017-12-01'), d('2018-12-31'), [d('2017-12-20')], every(10, 'workingDays')];
    const result = compileExpression(expr, {}, (f) => Number(f.slice(1)))({ env, row: { source: { file: 'f' }, row: 2, values: {} }, related: {}, facts }) as { due: FactValue; held: FactValue }[];
    expect(result[0]!.due).toBe(d('2017-12-15'));
    expect(result[1]!.due).toBeInstanceOf(Invalid);
    expect((result[1]!.due as Invalid).problem).toMatch(/2018/);
    expect(result).toHaveLength(2);
    expect(() => chain('2017-01-01', '2017-03-01', [], 5)).toThrow('expected an interval parameter');
  });
});
