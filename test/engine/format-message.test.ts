import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../src/calendar/index.js';
import { compileMessage, formatMessage, REMEMBERED_MESSAGES, showValue } from '../../src/engine/format.js';
import type { FactValue } from '../../src/facts/fact-value.js';

const facts = { latest: dayFromIso('2016-07-18')!, due: null, count: 3 };
const kinds = { latest: 'date', due: 'date', count: 'number' } as const;

it('shows dates as dd/mm/yyyy and an empty fact as "none"', () => {
  expect(formatMessage('latest {latest}, due {due}, {count} times', facts, kinds)).toBe('latest 18/07/2016, due none, 3 times');
});

it('shows the text after | when the fact is empty, and the value when it is not', () => {
  expect(formatMessage('latest {latest|no review recorded}; due {due|unknown}', facts, kinds)).toBe('latest 18/07/2016; due unknown');
  expect(formatMessage('{due|}{latest:month|never}', facts, kinds)).toBe('July 2016');
});

it('pads day and month to two digits, and names every month', () => {
  const months = Array.from({ length: 12 }, (_v, i) => formatMessage('{d:month}', { d: dayFromIso(`2016-${String(i + 1).padStart(2, '0')}-05`)! }, {}));
  expect(months).toEqual(['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'].map((m) => `${m} 2016`));
  expect(formatMessage('{d}', { d: dayFromIso('2016-03-05')! }, { d: 'date' })).toBe('05/03/2016');
});

it('a placeholder says how to show its fact, over the fact’s own kind; a number or text is shown as it is', () => {
  const day = dayFromIso('2016-07-18')!;
  expect(formatMessage('{n} {n:date} {latest:number} {latest:month}', { n: day, latest: day }, kinds)).toBe(`${day} 18/07/2016 ${day} July 2016`);
  expect(formatMessage('{t:date} {t:month} {missing} {missing|not given}', { t: 'TBC' }, {})).toBe('TBC TBC none not given');
  expect(formatMessage('{b} {1x} {x:weeks} {x|a', { b: true, x: 1 }, {})).toBe('true {1x} {x:weeks} {x|a');
});

describe('a compiled message remembers the messages it has made', () => {
  const template = 'open {months} months ({days} days) since {start}; {status|no status}';
  const kinds = { start: 'date', months: 'number', days: 'number' } as const;
  const start = dayFromIso('2016-01-01')!;
  /** Facts for the nth message: repeating, in an order that revisits earlier ones, with empty, text and list values among them. */
  const factsFor = (n: number): Record<string, FactValue> => {
    const k = (n * 7919) % 6000;
    return {
      start: start + (k % 1500),
      months: k % 3 === 0 ? String(k % 40) : k % 40,
      days: k % 11 === 0 ? null : k,
      status: k % 5 === 0 ? [String(k % 3), 'b'] : k % 7 === 0 ? undefined! : `s${k % 4}`,
    };
  };

  it('gives the same message as one made afresh, for facts seen before and not, past as many as it remembers', () => {
    const remembering = compileMessage(template, kinds);
    const count = 3 * REMEMBERED_MESSAGES;
    for (let n = 0; n < count; n++) {
      const facts = factsFor(n);
      expect(remembering((name) => facts[name])).toBe(formatMessage(template, facts, kinds));
    }
  });

  it('tells apart facts that show alike but differ, and a message with no placeholder is its text', () => {
    const message = compileMessage('{a}|{b}', {});
    const list: FactValue[] = ['x'];
    const shown = [[1, 2], [1, 1], ['1', 2], [12, null], [1, 22], [null, null], [undefined, null], [list, 1]].map(([a, b]) => message((name) => (name === 'a' ? a : b) as FactValue));
    list[0] = 'y';
    shown.push(message((name) => (name === 'a' ? list : 1)));
    expect(shown).toEqual(['1|2', '1|1', '1|2', '12|none', '1|22', 'none|none', 'none|none', 'x|1', 'y|1']);
    expect(compileMessage('no placeholder', {})(() => 1)).toBe('no placeholder');
  });
});

describe('showValue: a fact as an output cell holds it', () => {
  const day = dayFromIso('2016-07-18')!;
  it.each([
    [day, 'date', '2016-07-18'],
    [day, 'month', '2016-07'],
    [day, 'number', day],
    [day, 'text', day],
    ['TBC', 'date', 'TBC'],
    [true, 'text', 'true'],
    [null, 'date', null],
  ] as const)('%j as %s: %j', (value, kind, shown) => {
    expect(showValue(value, kind)).toBe(shown);
  });
  it('a fact never set is an empty cell', () => {
    expect(showValue(undefined as unknown as FactValue, 'text')).toBeNull();
  });
});
