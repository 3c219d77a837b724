// What `comply validate` says of a value that does not fit its operator, where the rule fixes the
// value (written in the condition, or a parameter read through facts). The operators keep
// json-rules-engine's meaning (src/engine/operators.ts): `in` looks the fact up with the value's
// indexOf, so one text finds any part of itself; `contains` and `equal` look for or compare one
// value, so a list is never found nor equal. Such a rule runs without a word and is wrong on
// every row: each is an error, failing validation as any other.
import { describe, expect, it } from 'vitest';
import { OPERATORS } from '../../src/engine/operators.js';
import { openLong, pack, problemsOf, type Json } from './small-pack.js';

/** The problems of the small pack's rule after the edit, as `pointer: message`. */
function afterEdit(edit: (rule: Json) => void): string[] {
  const rule = openLong();
  rule.facts.team = { column: 'Team' };
  edit(rule);
  return problemsOf(pack({ 'test/open-long.rule.json': rule })).map((p) => p.replace(/^[^ ]+ /, ''));
}

/** The rule with one more condition, on the child's team. */
const condition = (operator: string, value: unknown) => afterEdit((r) => r.conditions.all.push({ fact: 'team', operator, value }));

/** The rule with a text parameter `wanted` read through the fact `wanted`, compared with the team by the operator. */
const throughParameter = (operator: string, value: unknown) =>
  afterEdit((r) => {
    r.parameters.wanted = { value, unit: 'text' };
    r.facts.wanted = { param: 'wanted' };
    r.conditions.all.push({ fact: 'team', operator, value: { fact: 'wanted' } });
  });

describe('the engine, as the messages describe it', () => {
  it('"in" with one text finds any part of it; "contains" never finds a list, "equal" never equals one', () => {
    expect(['Op', 'pen', '', 'Open'].map((fact) => OPERATORS.in!.evaluate(fact, 'Open'))).toEqual([true, true, true, true]);
    expect(OPERATORS.contains!.evaluate(['P', 'Q'], ['P', 'Q'])).toBe(false);
    expect(OPERATORS.equal!.evaluate(['P'], ['P'])).toBe(false);
  });
});

describe('"in" and "notIn" with one text instead of a list', () => {
  it('refuses one text written in the condition, saying what it would match and what to write', () => {
    expect(condition('in', 'Open')).toEqual([
      '/conditions/all/1/value: "in" needs a list, but the value is one text, "Open": the fact would be looked for inside that text, so a part of it such as "Op" would be found; write a list: ["Open"]',
    ]);
    expect(condition('notIn', 'LS')).toEqual([
      '/conditions/all/1/value: "notIn" needs a list, but the value is one text, "LS": the fact would be looked for inside that text, so a part of it such as "L" would be found; write a list: ["LS"]',
    ]);
    expect(condition('in', 'P')).toEqual([
      '/conditions/all/1/value: "in" needs a list, but the value is one text, "P": the fact would be looked for inside that text, so a part of it such as an empty text would be found; write a list: ["P"]',
    ]);
  });

  it('refuses one text parameter read through facts, naming the parameter', () => {
    expect(throughParameter('in', 'Open')).toEqual([
      '/conditions/all/1/value: "in" needs a list, but parameter "wanted" is one text, "Open": the fact would be looked for inside that text, so a part of it such as "Op" would be found; write the parameter\'s value as a list: ["Open"]',
    ]);
  });

  it('refuses true, false or nothing, which is no list either', () => {
    expect(condition('in', true)).toEqual(['/conditions/all/1/value: "in" needs a list (such as ["Open", "Active"]), but the value is true']);
    expect(condition('notIn', null)).toEqual(['/conditions/all/1/value: "notIn" needs a list (such as ["Open", "Active"]), but the value is null']);
  });

  it('accepts a list, a list parameter, and a fact the rule does not fix (a column, a function)', () => {
    expect(condition('in', ['Open'])).toEqual([]);
    expect(throughParameter('notIn', ['Open', 'Active'])).toEqual([]);
    expect(condition('in', { fact: 'start' })).toEqual([]);
  });

  it('follows a fact through the facts it reads, but not into a field of it, an `each` item, or a loop of facts', () => {
    const reading = (value: Json, edit: (r: Json) => void = () => {}) =>
      afterEdit((r) => {
        r.parameters.wanted = { value: 'Open', unit: 'text' };
        r.facts.wanted = { param: 'wanted' };
        r.facts.chosen = { fact: 'wanted' };
        edit(r);
        r.conditions.all.push({ fact: 'team', operator: 'in', value });
      }).filter((p) => p.includes('needs a list'));
    expect(reading({ fact: 'chosen' })).toEqual([
      '/conditions/all/1/value: "in" needs a list, but parameter "wanted" is one text, "Open": the fact would be looked for inside that text, so a part of it such as "Op" would be found; write the parameter\'s value as a list: ["Open"]',
    ]);
    expect(reading({ fact: 'field' }, (r) => void (r.facts.field = { fact: 'wanted', path: 'first' }))).toEqual([]);
    const withMonths = (r: Json) => {
      r.each = { name: 'month', list: { param: 'months' } };
      r.parameters.months = { value: ['Open'], unit: 'text' };
    };
    expect(reading({ fact: 'chosen' }, withMonths)).toHaveLength(1);
    expect(reading({ fact: 'month' }, (r) => {
      r.each = { name: 'month', list: { param: 'months' } };
      r.parameters.months = { value: ['Open'], unit: 'text' };
      r.facts.month = { param: 'wanted' };
    })).toEqual([]);
    expect(reading({ fact: 'round' }, (r) => {
      r.facts.round = { fact: 'about' };
      r.facts.about = { fact: 'round' };
    })).toEqual([]);
  });

  it('refuses one text given to rowsWhere with "in", as a value or a parameter', () => {
    const withVisits = (value: Json) =>
      afterEdit((r) => {
        r.related = { seen: { dataset: 'visits', match: { ID: 'ID' } } };
        if ('param' in value) r.parameters.visitor = { value: 'Nurse', unit: 'text' };
        r.facts.byNurse = { call: 'rowsWhere', args: [{ rows: 'seen' }, { value: 'Visitor' }, { value: 'in' }, value] };
      });
    expect(withVisits({ param: 'visitor' })).toEqual([
      '/facts/byNurse/args/3: "in" needs a list, but parameter "visitor" is one text, "Nurse": the fact would be looked for inside that text, so a part of it such as "Nur" would be found; write the parameter\'s value as a list: ["Nurse"]',
    ]);
    expect(withVisits({ value: 'Nurse' })).toEqual([
      '/facts/byNurse/args/3: "in" needs a list, but the value is one text, "Nurse": the fact would be looked for inside that text, so a part of it such as "Nur" would be found; write it as a parameter with unit "text" and the value ["Nurse"]',
    ]);
  });
});

describe('"contains", "doesNotContain", "equal" and "notEqual" with a list instead of one value', () => {
  it('refuses a list written in the condition: it never holds, or always does', () => {
    expect(condition('contains', ['P', 'Q'])).toEqual([
      '/conditions/all/1/value: "contains" looks for one value in the fact\'s list, but the value is a list, ["P", "Q"]: a list is never found in it, so the test never holds; write one value, such as "P" (for any of several, one condition each under "any")',
    ]);
    expect(condition('doesNotContain', ['P'])).toEqual([
      '/conditions/all/1/value: "doesNotContain" looks for one value in the fact\'s list, but the value is a list, ["P"]: a list is never found in it, so the test always holds; write one value, such as "P" (for none of several, one condition each under "all")',
    ]);
    expect(condition('equal', ['Open', 'Active'])).toEqual([
      '/conditions/all/1/value: "equal" compares with one value, but the value is a list, ["Open", "Active"]: no value equals a list, so the test never holds; for one of several, use "in"',
    ]);
    expect(condition('notEqual', ['Closed'])).toEqual([
      '/conditions/all/1/value: "notEqual" compares with one value, but the value is a list, ["Closed"]: no value equals a list, so the test always holds; for none of several, use "notIn"',
    ]);
  });

  it('refuses a list parameter read through facts, and accepts one text', () => {
    expect(throughParameter('contains', ['P', 'Q'])).toEqual([
      '/conditions/all/1/value: "contains" looks for one value in the fact\'s list, but parameter "wanted" is a list, ["P", "Q"]: a list is never found in it, so the test never holds; write one value, such as "P" (for any of several, one condition each under "any")',
    ]);
    expect(throughParameter('contains', 'P')).toEqual([]);
    expect(condition('equal', 'Open')).toEqual([]);
  });
});

describe('operators that take one text or a list alike', () => {
  it('accepts one text for textIn, textContains and textStartsWith (it is read as a list of one)', () => {
    for (const operator of ['textIn', 'textContains', 'textStartsWith']) expect(condition(operator, 'Open')).toEqual([]);
    expect(OPERATORS.textIn!.evaluate('Op', 'Open')).toBe(false);
  });
});
