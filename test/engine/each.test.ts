// A rule judged once per item of a list (`each`): every item is a judgement, a row with no items
// is still counted (not applicable), and an item that cannot be read is not evaluable, never a pass.
import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../src/calendar/index.js';
import { runCheck } from '../../src/engine/run-check.js';
import type { RuleDef } from '../../src/rules/rule.js';
import { HOME_OPEN, HOMES_HEAD, sheet, VISITS_HEAD, visitsPack } from '../helpers/visits-pack.js';

/** Each visit due at a home (visits matched on Child ID = URN): an exception for each one past. */
const EACH_VISIT: RuleDef = {
  ...HOME_OPEN,
  id: 'test.each-visit',
  related: { visits: { dataset: 'visits', match: { 'Child ID': 'URN' } } },
  each: { name: 'due', list: { related: 'visits', column: 'Visit Due' } },
  facts: {},
  conditions: { all: [{ fact: 'asOf', operator: 'after', value: { fact: 'due' } }] },
  exception: { dueDate: { fact: 'due' }, message: '{subject}: visit due {due}' },
};

function judged(visitRows: (string | number | null)[][]) {
  const homes = sheet('homes.csv', HOMES_HEAD, [['H1', 'Oak', '01/06/2010', 1], ['H2', 'Elm', '01/06/2010', 1], ['H3', 'Ash', '01/06/2010', 1]]);
  const result = runCheck(visitsPack([EACH_VISIT]), [homes, sheet('visits.csv', VISITS_HEAD, visitRows)], { asOf: dayFromIso('2017-01-18')! });
  return {
    counts: result.rules[0]!.counts,
    exceptions: result.exceptions.map((e) => e.message),
    notEvaluable: result.findings.filter((f) => f.kind === 'not-evaluable').map((f) => [f.file, f.row, f.column, f.value, f.message]),
  };
}

describe('a rule judging each item of a list', () => {
  it('judges every item; a row whose list is empty is counted once, as not applicable', () => {
    const visits = [['H1', '10/01/2017', null, 1, 'N', 'A'], ['H1', '18/01/2017', null, 1, 'N', 'A'], ['H3', '01/01/2017', null, 1, 'N', 'A']];
    expect(judged(visits)).toEqual({
      counts: { considered: 4, notApplicable: 1, checked: 3, passed: 1, exceptions: 2, merged: 0, notEvaluable: 0 },
      exceptions: ['H3: visit due 01/01/2017', 'H1: visit due 10/01/2017'],
      notEvaluable: [],
    });
  });

  it('an item that cannot be read is not evaluable, and the finding names its cell', () => {
    const visits = [['H1', '10/01/2017', null, 1, 'N', 'A'], ['H1', 'soon', null, 1, 'N', 'A'], ['H3', '01/01/2017', null, 1, 'N', 'A']];
    expect(judged(visits)).toEqual({
      counts: { considered: 4, notApplicable: 1, checked: 3, passed: 0, exceptions: 2, merged: 0, notEvaluable: 1 },
      exceptions: ['H3: visit due 01/01/2017', 'H1: visit due 10/01/2017'],
      notEvaluable: [['visits.csv', 3, 'Visit Due', 'soon', 'test.each-visit could not judge this row: not a date (expected dd/mm/yyyy, yyyy-mm-dd or an Excel date)']],
    });
  });
});
