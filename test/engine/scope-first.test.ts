// A rule judges scope (appliesWhen) before it asks for its required facts: an out-of-scope row
// with an empty required fact is not applicable; a row whose scope cannot be decided without an
// empty required fact is still not evaluable.
import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../src/calendar/index.js';
import { runCheck } from '../../src/engine/run-check.js';
import { loadPack } from '../../src/node/load-pack.js';
import type { RuleDef } from '../../src/rules/rule.js';

const shipped = loadPack();
const rule: RuleDef = {
  id: 'test.scope-first',
  version: 1,
  title: 'Scope first',
  description: 'Open CIN cases whose child was last seen more than a month ago.',
  severity: 'low',
  source: { title: 'test', kind: 'local practice' },
  dataset: 'annex-a-list-6',
  subject: { column: 'Child Unique ID' },
  parameters: { every: { value: 1, unit: 'months' } },
  facts: {
    start: { column: 'CIN Start Date' },
    closed: { column: 'CIN Closure Date' },
    review: { column: 'Date Child Was Last Seen' },
    due: { call: 'addInterval', args: [{ fact: 'review' }, { param: 'every' }] },
  },
  requires: ['start', 'review'],
  appliesWhen: { all: [{ fact: 'closed', operator: 'isEmpty', value: true }, { fact: 'start', operator: 'onOrBefore', value: { fact: 'asOf' } }] },
  conditions: { all: [{ fact: 'asOf', operator: 'after', value: { fact: 'due' } }] },
  exception: { dueDate: { fact: 'due' }, message: 'Visit due {due}' },
};
const pack = { ...shipped, rules: [rule] };
const HEAD = ['Child Unique ID', 'CIN Start Date', 'CIN Closure Date', 'Date Child Was Last Seen'];

function judged(rows: (string | null)[][]) {
  const result = runCheck(pack, [{ file: 'list6.csv', firstRow: 1, rows: [HEAD, ...rows] }], { asOf: dayFromIso('2017-01-18')! });
  const { notApplicable, notEvaluable, exceptions } = result.rules[0]!.counts;
  const messages = result.findings.filter((f) => f.kind === 'not-evaluable').map((f) => f.message);
  return { notApplicable, notEvaluable, exceptions, messages };
}

describe('requires is checked after appliesWhen', () => {
  it('a closed case with no date last seen is not applicable, not "not evaluable"', () => {
    expect(judged([['C1', '01/01/2016', '01/06/2016', null]])).toEqual({ notApplicable: 1, notEvaluable: 0, exceptions: 0, messages: [] });
  });
  it('an open case with no date last seen is still not evaluable, naming the empty fact', () => {
    expect(judged([['C1', '01/01/2016', null, null]])).toEqual({
      notApplicable: 0,
      notEvaluable: 1,
      exceptions: 0,
      messages: ['test.scope-first could not judge this row: Date Child Was Last Seen is empty'],
    });
  });
  it('a required fact that appliesWhen reads makes an empty one not evaluable: scope cannot be decided without it', () => {
    expect(judged([['C1', null, null, '01/12/2016']]).messages).toEqual(['test.scope-first could not judge this row: CIN Start Date is empty']);
    expect(judged([['C1', null, '01/06/2016', '01/12/2016']])).toMatchObject({ notApplicable: 0, notEvaluable: 1 });
  });
});
