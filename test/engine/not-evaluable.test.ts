// Why a rule could not judge a row, as its finding says: the empty required fact (by its column,
// or by its name and the columns it comes from), the unreadable value that decided scope or that
// the exception needed, a date outside the working-day calendar. Never a silent pass.
import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../src/calendar/index.js';
import { runCheck } from '../../src/engine/run-check.js';
import type { RawCell } from '../../src/read/raw-table.js';
import type { RuleDef } from '../../src/rules/rule.js';
import { sheet, VISIT_LATE, VISITS_HEAD, visitsPack } from '../helpers/visits-pack.js';

/** The rule's findings on rows it could not judge (row, column, message, value) and its counts, as of 18 January 2017. */
function judged(rule: RuleDef, rows: RawCell[][]) {
  const result = runCheck(visitsPack([rule]), [sheet('visits.csv', VISITS_HEAD, rows)], { asOf: dayFromIso('2017-01-18')! });
  const notJudged = result.findings.filter((f) => f.kind === 'not-evaluable');
  expect(notJudged.map((f) => [f.file, f.sheet, f.level])).toEqual(notJudged.map(() => ['visits.csv', undefined, 'warning']));
  const findings = notJudged.map((f) => [f.row, f.column, f.message.replace(`${rule.id} could not judge this row: `, ''), f.value]);
  return { findings, counts: result.rules[0]!.counts, subjects: result.exceptions.map((e) => e.subject) };
}

describe('a row the rule cannot judge', () => {
  it('names a required fact computed from columns by its name and those columns', () => {
    const rule: RuleDef = {
      ...VISIT_LATE,
      parameters: { ...VISIT_LATE.parameters, grace: { value: 1, unit: 'weeks' } },
      facts: { ...VISIT_LATE.facts, lateFrom: { call: 'addInterval', args: [{ fact: 'due' }, { param: 'grace' }] } },
      requires: ['lateFrom'],
      conditions: { all: [{ fact: 'asOf', operator: 'after', value: { fact: 'lateFrom' } }] },
    };
    expect(judged(rule, [['C1', null, null, 1, 'North', 'Ann'], ['C2', '01/01/2017', null, 1, 'North', 'Ann'], ['C3', '12/01/2017', null, 1, 'North', 'Ann']])).toEqual({
      findings: [[2, undefined, 'lateFrom (from Visit Due) is empty', undefined]],
      counts: { considered: 3, notApplicable: 0, checked: 3, passed: 1, exceptions: 1, merged: 0, notEvaluable: 1 },
      subjects: ['C2'],
    });
  });

  it('names the column of a required fact read straight from one, empty', () => {
    expect(judged(VISIT_LATE, [['C1', null, null, 1, 'North', 'Ann'], ['C2', 'N/A', null, 1, 'North', 'Ann'], ['C3', '01/01/2017', null, 1, 'North', 'Ann']])).toMatchObject({
      findings: [
        [2, 'Visit Due', 'Visit Due is empty', undefined],
        [3, 'Visit Due', 'Visit Due is empty', undefined],
      ],
      counts: { considered: 3, notEvaluable: 2, exceptions: 1 },
    });
  });

  it('names an unreadable value that decides whether the rule applies, even where a required fact is empty', () => {
    expect(judged(VISIT_LATE, [['C1', '01/01/2017', 'yesterday', 1, 'North', 'Ann'], ['C2', null, '31/02/2017', 1, 'North', 'Ann']])).toMatchObject({
      findings: [
        [2, 'Visited', 'not a date (expected dd/mm/yyyy, yyyy-mm-dd or an Excel date)', 'yesterday'],
        [3, 'Visited', '31 February 2017 does not exist', '31/02/2017'],
      ],
      counts: { considered: 2, notApplicable: 0, notEvaluable: 2, exceptions: 0 },
    });
  });

  it("is not judged when a fact only the exception's message reads is unreadable", () => {
    expect(judged(VISIT_LATE, [['C1', '01/01/2017', null, 'two', 'North', 'Ann']])).toMatchObject({
      findings: [[2, 'Visits', 'not a number', 'two']],
      counts: { considered: 1, notEvaluable: 1, exceptions: 0, passed: 0 },
    });
  });

  it('is not judged when a shown column it reads is unreadable, and is judged when the row passes', () => {
    const rule: RuleDef = { ...VISIT_LATE, facts: { due: { column: 'Visit Due' }, visited: { column: 'Visited' } }, warnWhen: [], exception: { ...VISIT_LATE.exception, message: 'late', show: [{ label: 'Visits', value: { column: 'Visits' } }] } };
    expect(judged(rule, [['C1', '01/01/2017', null, 'two', 'North', 'Ann'], ['C2', '18/01/2017', null, 'two', 'North', 'Ann']])).toMatchObject({
      findings: [[2, 'Visits', 'not a number', 'two']],
      counts: { considered: 2, notEvaluable: 1, exceptions: 0, passed: 1 },
    });
  });

  it('says so when a date falls outside the working-day calendar', () => {
    const rule: RuleDef = {
      ...VISIT_LATE,
      parameters: { ...VISIT_LATE.parameters, grace: { value: 5, unit: 'workingDays' } },
      facts: { ...VISIT_LATE.facts, lateFrom: { call: 'addInterval', args: [{ fact: 'due' }, { param: 'grace' }] } },
      conditions: { all: [{ fact: 'asOf', operator: 'after', value: { fact: 'lateFrom' } }] },
    };
    const { findings, counts } = judged(rule, [['C1', '01/01/1900', null, 1, 'North', 'Ann'], ['C2', '02/01/2017', null, 1, 'North', 'Ann']]);
    expect(findings).toEqual([[2, undefined, expect.stringMatching(/^working-day calendar does not cover 1900: bank holidays are only known for \d{4}-\d{4}$/), undefined]]);
    expect(counts).toMatchObject({ notEvaluable: 1, exceptions: 1 });
  });

  it("is not judged when the exception's due date, team or worker is read from an unreadable cell", () => {
    const rows = [['C1', '01/01/2017', null, 'two', 'North', 'Ann']];
    const from = (part: 'dueDate' | 'team' | 'worker') => judged({ ...VISIT_LATE, facts: { due: { column: 'Visit Due' }, visited: { column: 'Visited' } }, warnWhen: [], exception: { ...VISIT_LATE.exception, message: 'late', [part]: { column: 'Visits' } } }, rows);
    for (const part of ['dueDate', 'team', 'worker'] as const) {
      expect(from(part), part).toEqual({
        findings: [[2, 'Visits', 'not a number', 'two']],
        counts: { considered: 1, notApplicable: 0, checked: 1, passed: 0, exceptions: 0, merged: 0, notEvaluable: 1 },
        subjects: [],
      });
    }
  });

  it('names an unreadable value among several that decide scope, whichever the condition reads first', () => {
    const rule: RuleDef = { ...VISIT_LATE, requires: [], appliesWhen: { all: [{ fact: 'due', operator: 'onOrBefore', value: { fact: 'asOf' } }, { fact: 'visited', operator: 'isEmpty', value: true }] } };
    expect(judged(rule, [['C1', '01/01/2017', 'yesterday', 1, 'North', 'Ann']])).toMatchObject({
      findings: [[2, 'Visited', 'not a date (expected dd/mm/yyyy, yyyy-mm-dd or an Excel date)', 'yesterday']],
      counts: { considered: 1, notApplicable: 0, notEvaluable: 1 },
    });
  });

  it('is not judged when its subject is unreadable or empty text', () => {
    const byVisits: RuleDef = { ...VISIT_LATE, subject: { column: 'Visits' }, facts: { due: { column: 'Visit Due' }, visited: { column: 'Visited' } }, warnWhen: [], exception: { ...VISIT_LATE.exception, message: 'late', show: [] } };
    const fromVisits = judged(byVisits, [['C1', '01/01/2017', null, 'two', 'North', 'Ann']]);
    expect(fromVisits.findings).toEqual([[2, 'Visits', 'not a number', 'two']]);
    expect(judged({ ...VISIT_LATE, subject: { value: '' } }, [['C1', '01/01/2017', null, 1, 'North', 'Ann']]).findings).toEqual([[2, undefined, 'no subject id', undefined]]);
  });
});
