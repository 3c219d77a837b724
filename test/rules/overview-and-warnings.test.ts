// Pack validation of the optional parts a rule author may add: warnWhen and overviews.
import { describe, expect, it } from 'vitest';
import { caseTable } from '../../src/cases/run-cases.js';
import { dayFromIso } from '../../src/calendar/index.js';
import { runCheck } from '../../src/engine/run-check.js';
import { loadPack } from '../../src/node/load-pack.js';
import type { OverviewDef } from '../../src/rules/overview.js';
import type { RuleDef } from '../../src/rules/rule.js';
import { overviewProblems } from '../../src/rules/validate-overview.js';
import { ruleProblems } from '../../src/rules/validate-pack.js';

const pack = loadPack();
const datasets = new Map(pack.datasets.map((d) => [d.id, d]));
const rules = new Map(pack.rules.map((r) => [r.id, r]));
const messages = (problems: { pointer: string; message: string }[]) => problems.map((p) => `${p.pointer}: ${p.message}`);

describe('warnWhen', () => {
  it('names only facts the rule has and columns of its dataset', () => {
    const rule: RuleDef = structuredClone(rules.get('reg44.report-late')!);
    rule.warnWhen = [{ conditions: { all: [{ fact: 'sentt', operator: 'before', value: { fact: 'visit' } }] }, column: 'Sent', message: 'looks wrong' }];
    expect(messages(ruleProblems(rule, 'x.rule.json', datasets))).toEqual([
      '/warnWhen/0/column: dataset "reg44-visits" has no column "Sent"',
      '/warnWhen/0/conditions/all/0/fact: unknown fact "sentt" (did you mean "sent"?)',
    ]);
  });
});

describe('overviews', () => {
  const homes = pack.overviews.find((o) => o.id === 'homes')!;

  it('the shipped homes overview is valid', () => {
    expect(overviewProblems(homes, 'overviews/homes.json', rules, new Set(), datasets)).toEqual([]);
  });

  it('refuses rows from a rule judged per item, facts of another dataset or of a rule with each, and unknown names', () => {
    const bad: OverviewDef = {
      ...homes,
      rowsOf: 'inspection.full-overdue',
      columns: [
        { label: 'A', column: 'Nope' },
        { label: 'B', rule: 'reg44.report-late', fact: 'due' },
        { label: 'C', rule: 'reg44.monthly-visit', fact: 'monthEnd' },
        { label: 'D', rule: 'inspection.full-overdue', fact: 'nope' },
        { label: 'E', rule: 'no.such-rule', count: 'exceptions' },
      ],
    };
    expect(messages(overviewProblems(bad, 'o.json', rules, new Set(), datasets))).toEqual([
      '/columns/0/column: dataset "ofsted-children-homes" has no column "Nope"',
      '/columns/1/rule: rule "reg44.report-late" judges "reg44-visits", not the rows\' dataset "ofsted-children-homes"',
      '/columns/2/rule: rule "reg44.monthly-visit" judges each row several times (each): use "count" instead of a fact',
      '/columns/3/fact: rule "inspection.full-overdue" has no fact "nope"',
      '/columns/4/rule: no rule with id "no.such-rule"',
    ]);
    expect(messages(overviewProblems({ ...homes, rowsOf: 'reg44.monthly-visit' }, 'o.json', rules, new Set(), datasets))[0]).toContain('judges each row several times');
  });
});

it('an overview says "not evaluable" where the rule could not judge the row, and leaves rows out of scope', () => {
  const table = (id: string, rows: Record<string, string | null>[]) => caseTable(datasets.get(id)!, rows);
  const result = runCheck(pack, [
    table('ofsted-children-homes', [
      { URN: 'SC1', 'Setting Name': 'One', 'Registration Date': '01/01/2010' },
      { URN: 'SC2', 'Setting Name': 'Two', 'Registration Date': '01/01/2010', 'Closed Date': '01/01/2016' },
    ]),
    table('reg45-reviews', [{ URN: 'SC1', 'Review Completed Date': '31/09/2016', 'Report Sent Date': null }]),
  ], { asOf: dayFromIso('2017-01-18')!, select: (r) => r.id === 'inspection.full-overdue' || r.id === 'reg45.review-overdue' });
  expect(result.overviews[0]!.rows).toEqual([['SC1', 'One', null, null, '2011-01-01', 'not run: input missing', 'not evaluable']]);
});
