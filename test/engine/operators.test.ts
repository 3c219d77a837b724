// What each operator a rule may use means, on values a rule meets: dates as day numbers (empty
// when the cell was), text as councils type it (any case, doubled or odd spaces, full-width forms).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dayFromYmd } from '../../src/calendar/index.js';
import { OPERATORS } from '../../src/engine/operators.js';

const judge = (operator: string, value: unknown, compareTo: unknown) => {
  const op = OPERATORS[operator]!;
  return op.accepts(value) && op.evaluate(value, compareTo);
};
const JAN_1 = dayFromYmd(2017, 1, 1);
const JAN_2 = dayFromYmd(2017, 1, 2);

describe('date operators: day numbers, and false when either date is empty', () => {
  it.each([
    ['before', [false, true, false]],
    ['onOrBefore', [true, true, false]],
    ['after', [false, false, true]],
    ['onOrAfter', [true, false, true]],
  ] as const)('%s: same day, earlier, later', (operator, [same, earlier, later]) => {
    expect([judge(operator, JAN_1, JAN_1), judge(operator, JAN_1, JAN_2), judge(operator, JAN_2, JAN_1)]).toEqual([same, earlier, later]);
    for (const empty of [null, undefined, '', Number.NaN, Number.POSITIVE_INFINITY, '2017-01-01']) {
      expect(judge(operator, empty, JAN_1), `${String(empty)} ${operator} a date`).toBe(false);
      expect(judge(operator, JAN_1, empty), `a date ${operator} ${String(empty)}`).toBe(false);
    }
  });

  it('isEmpty: null, undefined and the empty text are empty; 0, false and a space are not', () => {
    for (const empty of [null, undefined, '']) expect([judge('isEmpty', empty, true), judge('isEmpty', empty, false)]).toEqual([true, false]);
    for (const value of [0, false, ' ', 'x', JAN_1]) expect([judge('isEmpty', value, true), judge('isEmpty', value, false)]).toEqual([false, true]);
  });
});

describe('text operators ignore case, spacing and character width', () => {
  it.each([
    ['textIn', 'Looked  After', ['looked after'], true],
    ['textIn', 'looked after', ['LOOKED\u00a0 AFTER'], true],
    ['textIn', '  Child\tin\nneed ', ['child in need'], true],
    ['textIn', 'ＣＩＮ', ['cin'], true],
    ['textIn', 'looked after child', ['looked after'], false],
    ['textIn', 'cin', 'CIN', true],
    ['textStartsWith', 'Requires  improvement to be good', ['requires improvement', 'inadequate'], true],
    ['textStartsWith', 'Good', ['requires improvement', 'inadequate'], false],
    ['textStartsWith', 'not inadequate', ['inadequate'], false],
    ['textContains', "Secure  Children's Home", ["children's home"], true],
    ['textContains', 'Residential family centre', ["children's home", 'childrens home'], false],
  ] as const)('%s %j in %j: %s', (operator, value, texts, expected) => {
    expect(judge(operator, value, texts)).toBe(expected);
  });

  it('a value that is not text (a number, a date, an empty cell) matches no text', () => {
    for (const operator of ['textIn', 'textStartsWith', 'textContains']) {
      for (const value of [12, JAN_1, null, undefined]) expect(judge(operator, value, ['12']), `${operator} ${String(value)}`).toBe(false);
    }
  });
});

describe("json-rules-engine's own operators keep its meaning", () => {
  it.each([
    ['equal', 1, 1, true], ['equal', 1, '1', false],
    ['notEqual', 1, '1', true], ['notEqual', 'a', 'a', false],
    ['in', 'b', ['a', 'b'], true], ['in', 'c', ['a', 'b'], false],
    ['notIn', 'c', ['a', 'b'], true], ['notIn', 'a', ['a', 'b'], false],
    ['contains', ['a', 'b'], 'b', true], ['contains', ['a'], 'b', false], ['contains', 'ab', 'b', false],
    ['doesNotContain', ['a'], 'b', true], ['doesNotContain', ['a', 'b'], 'b', false], ['doesNotContain', 'a', 'b', false],
    ['lessThan', 1, 2, true], ['lessThan', 2, 2, false], ['lessThan', 'x', 2, false],
    ['lessThanInclusive', 2, 2, true], ['lessThanInclusive', 3, 2, false],
    ['greaterThan', 3, 2, true], ['greaterThan', 2, 2, false], ['greaterThan', null, -1, false],
    ['greaterThanInclusive', 2, 2, true], ['greaterThanInclusive', 1, 2, false], ['greaterThanInclusive', '3', 2, true],
  ] as const)('%s %j %j: %s', (operator, value, compareTo, expected) => {
    expect(judge(operator, value, compareTo)).toBe(expected);
  });
});

describe('text operators fold spacing, not remove it', () => {
  it('words run together are another text: "Lookedafter" is not "looked after"', () => {
    expect(judge('textIn', 'Lookedafter', ['looked after'])).toBe(false);
    expect(judge('textIn', 'Looked after', ['lookedafter'])).toBe(false);
    expect(judge('textStartsWith', 'Childin need', ['child in'])).toBe(false);
    expect(judge('textContains', 'Notneeded', ['not needed'])).toBe(false);
  });
});

describe('the rule-language reference (docs/rule-language.md) states each operator as defined', () => {
  const page = readFileSync(new URL('../../docs/rule-language.md', import.meta.url), 'utf8');
  const section = (name: string) => {
    const start = page.indexOf(`#### \`${name}\`\n`);
    return start < 0 ? '' : page.slice(start, page.indexOf('\n#### ', start + 1));
  };

  it.each(Object.keys(OPERATORS))('%s: what it tests, and an example condition using it', (name) => {
    const { description, example } = OPERATORS[name]!;
    // json-rules-engine's comparisons are described by their symbol (`<`): "fact < value".
    const tests = /[a-z]/i.test(description) ? description : `fact ${description} value`;
    expect(section(name)).toContain(`\nTests: ${tests}.\n`);
    expect(section(name)).toContain(`\n- Example: \`${example}\``);
    expect((JSON.parse(example) as { operator: string }).operator).toBe(name);
  });
});
