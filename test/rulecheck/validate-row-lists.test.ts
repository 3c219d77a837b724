// `comply validate` on rows narrowed by a column condition: the operator must exist, and the
// columns named must be the rows' dataset's, through narrowed rows and the facts holding them.
import { rmSync } from 'node:fs';
import { afterEach, expect, it } from 'vitest';
import { validationProblems } from '../helpers/pack-checks.js';
import { editJson, REG44, tempPack } from './temp-pack.js';

const made: string[] = [];
afterEach(() => made.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The Reg 44 rule with facts added, and the messages `comply validate` gives (without file and place). */
function withFacts(facts: Record<string, unknown>): string[] {
  const dir = tempPack();
  made.push(dir);
  editJson(dir, `${REG44}.rule.json`, (r) => {
    Object.assign(r.facts, facts);
    r.parameters.codes = { value: ['A. Person'], unit: 'text' };
  });
  return validationProblems(dir).map((p) => p.replace(/^[^ ]+ /, ''));
}

const visitRows = { rows: 'visits' };
const byPerson = { call: 'rowsWhere', args: [visitRows, { value: 'Independent Person' }, { value: 'textIn' }, { param: 'codes' }] };

it('accepts rows narrowed by a column of their dataset, with a known operator', () => {
  expect(withFacts({ visitsBy: { call: 'count', args: [byPerson] } })).toEqual([]);
});

it('names an unknown operator, and a column the rows do not have, through narrowed rows and facts', () => {
  const messages = withFacts({
    byWord: { call: 'rowsWhere', args: [visitRows, { value: 'Independent Person' }, { value: 'oneOf' }, { param: 'codes' }] },
    narrowed: byPerson,
    dated: { call: 'columnValues', args: [{ fact: 'narrowed' }, { value: 'Visit Dates' }] },
    deeper: { call: 'rowsWhere', args: [byPerson, { value: 'Visit Typo' }, { value: 'isEmpty' }, { value: true }] },
  });
  expect(messages).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^\/facts\/byWord\/args\/2: rowsWhere needs an operator name here \(a text value: equal, .*textIn\)$/),
      '/facts/dated/args/1: dataset "reg44-visits" has no column "Visit Dates" (did you mean "Visit Date"?)',
      '/facts/deeper/args/1: dataset "reg44-visits" has no column "Visit Typo"',
    ]),
  );
});
