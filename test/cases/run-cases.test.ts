// A rule's cases as `comply test` and `comply validate` judge them, on the shipped drift rule
// (a CIN case open more than 6 months) and cases written here: whether a case passes, why one
// cannot run, whether the cases pin the threshold, and what validation asks of a cases file.
import { describe, expect, it } from 'vitest';
import { boundaryProbes } from '../../src/cases/boundary.js';
import { caseProblems } from '../../src/cases/case-problems.js';
import { packValidation } from '../../src/cases/pack-validation.js';
import { caseTable, runCase } from '../../src/cases/run-cases.js';
import { testJson, testPack } from '../../src/cases/test-pack.js';
import { loadPack } from '../../src/node/load-pack.js';
import type { PackFile, RulePack } from '../../src/rules/rule-pack.js';
import type { RuleCase } from '../../src/rules/rule.js';

const DRIFT = 'drift.cin-open-over-6-months';
const shipped = loadPack();
const child = (id: string, start: string, closed: string | null = null) => ({ 'Child Unique ID': id, 'CIN Start Date': start, 'CIN Closure Date': closed });
const aCase = (name: string, rows: object[], expect: RuleCase['expect'], more: Partial<RuleCase> = {}): RuleCase => ({
  name,
  asOf: '2017-01-18',
  data: { 'annex-a-list-6': rows as RuleCase['data'][string] },
  expect,
  ...more,
});
/** The shipped pack with only the drift rule, and these cases for it. */
const packWith = (...cases: RuleCase[]): RulePack => ({ ...shipped, rules: shipped.rules.filter((r) => r.id === DRIFT), cases: [{ rule: DRIFT, cases }] });

const flagged = aCase('C1 due 17 Jan', [child('C1', '17/07/2016')], [{ subject: 'C1', dueDate: '2017-01-17' }]);
const due18 = aCase('C2 due 18 Jan: not drift', [child('C2', '18/07/2016')], []);

describe('runCase', () => {
  it('passes when the rule flags exactly the subjects and due dates expected, in any order', () => {
    const two = aCase('two', [child('C2', '01/01/2016'), child('C1', '17/07/2016')], [
      { subject: 'C1', dueDate: '2017-01-17' },
      { subject: 'C2', dueDate: '2016-07-01' },
    ]);
    expect(runCase(shipped, DRIFT, two).outcome).toMatchObject({ passed: true, actual: two.expect, expected: two.expect, actualNotEvaluable: 0 });
    expect(runCase(shipped, DRIFT, { ...two, expect: [...two.expect].reverse() }).outcome.passed).toBe(true);
  });

  it('fails on a wrong due date, a missing or an extra exception, or rows not evaluable it did not expect', () => {
    expect(runCase(shipped, DRIFT, { ...flagged, expect: [{ subject: 'C1', dueDate: '2017-01-18' }] }).outcome.passed).toBe(false);
    expect(runCase(shipped, DRIFT, { ...flagged, expect: [] }).outcome).toMatchObject({ passed: false, actual: [{ subject: 'C1', dueDate: '2017-01-17' }] });
    expect(runCase(shipped, DRIFT, { ...due18, expect: [{ subject: 'C2', dueDate: null }] }).outcome.passed).toBe(false);
    const unreadable = aCase('unreadable start', [child('C3', '31/02/2016')], []);
    expect(runCase(shipped, DRIFT, unreadable).outcome).toMatchObject({ passed: false, expectedNotEvaluable: 0, actualNotEvaluable: 1 });
    expect(runCase(shipped, DRIFT, { ...unreadable, expectNotEvaluable: 1 }).outcome).toMatchObject({ passed: true, expectedNotEvaluable: 1, actualNotEvaluable: 1 });
    expect(runCase(shipped, DRIFT, { ...due18, expectNotEvaluable: 1 }).outcome.passed).toBe(false);
  });

  it('checks the warnings raised only when the case says how many', () => {
    const outcome = runCase(shipped, DRIFT, { ...due18, expectWarnings: 0 }).outcome;
    expect(outcome).toMatchObject({ passed: true, expectedWarnings: 0, actualWarnings: 0 });
    expect(runCase(shipped, DRIFT, { ...due18, expectWarnings: 1 }).outcome.passed).toBe(false);
    expect('expectedWarnings' in runCase(shipped, DRIFT, due18).outcome).toBe(false);
    const sentBeforeVisit: RuleCase = {
      name: 'report sent before the visit',
      asOf: '2017-01-18',
      data: { 'reg44-visits': [{ URN: 'SC1', 'Setting Name': 'Home SC1', 'Visit Date': '10/06/2016', 'Independent Person': 'IP One', 'Report Sent Date': '01/06/2016' }] },
      expect: [],
    };
    expect(runCase(shipped, 'reg44.report-late', { ...sentBeforeVisit, expectWarnings: 1 }).outcome).toMatchObject({ passed: true, actualWarnings: 1 });
    expect(runCase(shipped, 'reg44.report-late', { ...sentBeforeVisit, expectWarnings: 0 }).outcome).toMatchObject({ passed: false, actualWarnings: 1 });
    const unreadable = aCase('unreadable start', [child('C3', '31/02/2016')], [], { expectNotEvaluable: 1, expectWarnings: 0 });
    expect(runCase(shipped, DRIFT, unreadable).outcome).toMatchObject({ passed: true, actualNotEvaluable: 1, actualWarnings: 0 });
  });

  it('judges the case by its own rule alone, and lists a subject’s undated exception before its dated ones', () => {
    const other = { ...shipped.rules.find((r) => r.id === DRIFT)!, id: 'drift.other', title: 'Another drift rule' };
    expect(runCase({ ...shipped, rules: [...shipped.rules, other] }, DRIFT, flagged).outcome).toMatchObject({ passed: true, actual: flagged.expect });
    expect(runCase(shipped, 'no.such-rule', due18).outcome).toMatchObject({ passed: true, actual: [], actualNotEvaluable: 0 });
    const both = aCase('both', [], [{ subject: 'C1', dueDate: '2017-01-17' }, { subject: 'C1', dueDate: null }]);
    expect(runCase(shipped, DRIFT, both).outcome.expected).toEqual([{ subject: 'C1', dueDate: null }, { subject: 'C1', dueDate: '2017-01-17' }]);
  });

  it('cannot run a case on a date that is not yyyy-mm-dd, or on a dataset the pack lacks, and says why', () => {
    expect(runCase(shipped, DRIFT, { ...due18, asOf: '18/01/2017' }).outcome).toEqual({ ...runCase(shipped, DRIFT, due18).outcome, passed: false, error: 'asOf "18/01/2017" is not yyyy-mm-dd' });
    expect(runCase(shipped, DRIFT, { ...due18, data: { 'no-such': [] } }).outcome).toMatchObject({ passed: false, error: 'unknown dataset "no-such"' });
  });

  it('lays the case rows out as a sheet: the dataset’s required headers, then any other header the rows use', () => {
    const dataset = shipped.datasets.find((d) => d.id === 'annex-a-list-6')!;
    const required = Object.entries(dataset.columns).filter(([, c]) => c.required).map(([name]) => name);
    const table = caseTable(dataset, [{ 'Child Unique ID': 'C1', Extra: 'x' }, { Other: 2 }]);
    expect(table).toMatchObject({ file: 'case:annex-a-list-6', sheet: 'annex-a-list-6', firstRow: 1 });
    expect(table.rows[0]).toEqual([...required, ...['Extra', 'Other'].filter((h) => !required.includes(h))]);
    expect(table.rows[1]![table.rows[0]!.indexOf('Extra')]).toBe('x');
    expect(table.rows[2]![table.rows[0]!.indexOf('Child Unique ID')]).toBeNull();
    expect(table.rows).toHaveLength(3);
  });
});

describe('boundary probes', () => {
  const drift = shipped.rules.find((r) => r.id === DRIFT)!;

  it('move each numeric threshold one unit down and up, and name the first passing case that notices', () => {
    expect(boundaryProbes(packWith(flagged, due18), drift, [flagged, due18])).toEqual([
      { ruleId: DRIFT, parameter: 'driftAfter', unit: 'months', from: 6, to: 5, noticedBy: 'C1 due 17 Jan' },
      { ruleId: DRIFT, parameter: 'driftAfter', unit: 'months', from: 6, to: 7, noticedBy: 'C1 due 17 Jan' },
    ]);
    expect(boundaryProbes(packWith(flagged, due18), drift, [due18, flagged]).map((p) => p.noticedBy)).toEqual(['C2 due 18 Jan: not drift', 'C1 due 17 Jan']);
  });

  it('report a move no case notices, never move below zero, and leave text parameters alone', () => {
    const far = aCase('opened years ago', [child('C9', '01/01/2010')], [{ subject: 'C9', dueDate: '2010-07-01' }]);
    expect(boundaryProbes(packWith(far), drift, [far]).map((p) => [p.to, p.noticedBy])).toEqual([
      [5, 'opened years ago'],
      [7, 'opened years ago'],
    ]);
    expect(boundaryProbes(packWith(due18), drift, [due18]).map((p) => [p.to, p.noticedBy])).toEqual([
      [5, 'C2 due 18 Jan: not drift'],
      [7, undefined],
    ]);
    const atZero = { ...drift, parameters: { driftAfter: { ...drift.parameters.driftAfter!, value: 0 }, label: { value: 'x', unit: 'text' as const } } };
    expect(boundaryProbes({ ...packWith(due18), rules: [atZero] }, atZero, [due18]).map((p) => [p.parameter, p.from, p.to])).toEqual([['driftAfter', 0, 1]]);
    const atOne = { ...drift, parameters: { driftAfter: { ...drift.parameters.driftAfter!, value: 1 } } };
    expect(boundaryProbes({ ...packWith(due18), rules: [atOne] }, atOne, [due18]).map((p) => p.to)).toEqual([0, 2]);
  });

  it('count a case the moved rule cannot run as noticing', () => {
    const cannotRun = aCase('bad', [child('C1', '17/07/2016')], [], { asOf: 'never' });
    expect(boundaryProbes(packWith(cannotRun), drift, [cannotRun]).map((p) => p.noticedBy)).toEqual(['bad', 'bad']);
  });
});

describe('testPack', () => {
  it('runs each rule’s cases in rule id order, then probes its thresholds with the cases that pass, and totals them', () => {
    const wrong = { ...flagged, name: 'wrong', expect: [] };
    const report = testPack(packWith(wrong, flagged, due18));
    expect(report.rules.map((r) => [r.ruleId, r.cases.map((c) => [c.name, c.passed]), r.probes.map((p) => p.noticedBy)])).toEqual([
      [DRIFT, [['wrong', false], ['C1 due 17 Jan', true], ['C2 due 18 Jan: not drift', true]], ['C1 due 17 Jan', 'C1 due 17 Jan']],
    ]);
    expect(report.totals).toEqual({ cases: 3, failed: 1, probes: 2, underTested: 0 });
    expect(testJson(report)).toBe(`${JSON.stringify(report, null, 2)}\n`);
    const reg44 = shipped.rules.find((r) => r.id === 'reg44.report-late')!;
    const two = testPack({ ...packWith(flagged, due18), rules: [reg44, ...packWith().rules], cases: [{ rule: DRIFT, cases: [flagged, due18] }, { rule: reg44.id, cases: [] }] });
    expect(two.rules.map((r) => [r.ruleId, r.cases.length])).toEqual([[DRIFT, 2], ['reg44.report-late', 0]]);
    expect(testPack(packWith(due18)).totals).toEqual({ cases: 1, failed: 0, probes: 2, underTested: 1 });
    const ids = testPack({ ...shipped, rules: [...shipped.rules].reverse(), cases: [] }).rules.map((r) => r.ruleId);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toHaveLength(shipped.rules.length);
  });
});

describe('what validation asks of a rule’s cases', () => {
  const file = (path: string, json: object): PackFile => ({ path, json, text: JSON.stringify(json, null, 2) });
  const files = [file('drift/x.rule.json', { id: DRIFT }), file('drift/x.cases.json', { rule: DRIFT })];
  const problems = (pack: RulePack, packFiles = files) => caseProblems(pack, packFiles).map((p) => `${p.file} ${p.pointer}: ${p.message}`);

  it('a case that raises an exception and one that passes, with names of their own', () => {
    expect(problems(packWith(flagged, due18))).toEqual([]);
    expect(problems(packWith(due18))).toEqual(['drift/x.cases.json /cases: no case raises an exception: add one where the rule flags a row']);
    expect(problems(packWith(flagged))).toEqual(['drift/x.cases.json /cases: no case passes: add one where the rule flags nothing and every row can be judged']);
    expect(problems(packWith(flagged, { ...due18, expectNotEvaluable: 1 }))).toEqual(['drift/x.cases.json /cases: no case passes: add one where the rule flags nothing and every row can be judged']);
    expect(problems(packWith(flagged, due18, { ...due18, expectNotEvaluable: 0 }))).toEqual(['drift/x.cases.json /cases/2/name: another case is also called "C2 due 18 Jan: not drift"']);
  });

  it('real dates, datasets the rule reads and columns they define (with the nearest column named)', () => {
    const odd = aCase('odd', [child('C1', '17/07/2016'), { 'Child Unique ID': 'C2', 'CIN Strat Date': 'x' }], [{ subject: 'C1', dueDate: '2017-02-30' }], { asOf: '2017-13-01' });
    expect(problems(packWith(flagged, due18, odd))).toEqual([
      'drift/x.cases.json /cases/2/asOf: "2017-13-01" is not a real date',
      'drift/x.cases.json /cases/2/expect/0/dueDate: "2017-02-30" is not a real date',
      'drift/x.cases.json /cases/2/data/annex-a-list-6/1/CIN Strat Date: dataset "annex-a-list-6" has no column "CIN Strat Date" (did you mean "CIN Start Date"?)',
    ]);
    const elsewhere = { ...due18, name: 'elsewhere', data: { 'staff/list': [], 'annex-a-list-6': [] } };
    expect(problems(packWith(flagged, elsewhere))).toEqual([`drift/x.cases.json /cases/1/data/staff~1list: rule "${DRIFT}" does not read dataset "staff/list" (it reads annex-a-list-6)`]);
    expect(problems(packWith(flagged, due18, { ...due18, name: 'headers aside', data: { 'annex-a-list-6': [{ ' child unique id ': 'C1' }] } }))).toEqual([]);
  });

  it('no problem with an exception expected with no due date; a dataset the pack lacks named; each rule’s datasets listed', () => {
    expect(problems(packWith(flagged, due18, aCase('undated', [], [{ subject: 'C1', dueDate: null }])))).toEqual([]);
    const noDataset = { ...packWith(flagged, due18), datasets: shipped.datasets.filter((d) => d.id !== 'annex-a-list-6') };
    expect(problems(noDataset)).toEqual([
      `drift/x.cases.json /cases/0/data/annex-a-list-6: rule "${DRIFT}" does not read dataset "annex-a-list-6" (it reads annex-a-list-6)`,
      `drift/x.cases.json /cases/1/data/annex-a-list-6: rule "${DRIFT}" does not read dataset "annex-a-list-6" (it reads annex-a-list-6)`,
    ]);
    const visits = shipped.rules.find((r) => r.id === 'reg44.monthly-visit')!;
    const misplaced = aCase('misplaced', [], []);
    const pack = { ...shipped, rules: [visits], cases: [{ rule: visits.id, cases: [misplaced] }] };
    expect(problems(pack, [file('reg44/v.cases.json', { rule: visits.id })])).toContain(
      `reg44/v.cases.json /cases/0/data/annex-a-list-6: rule "reg44.monthly-visit" does not read dataset "annex-a-list-6" (it reads ofsted-children-homes, reg44-visits)`,
    );
  });

  it('each rule’s own cases, and its own rule file named where it has none', () => {
    const other = { ...shipped.rules.find((r) => r.id === DRIFT)!, id: 'drift.other' };
    const pack = { ...packWith(flagged, due18), rules: [other, ...packWith().rules], cases: [{ rule: DRIFT, cases: [flagged, due18] }, { rule: 'drift.other', cases: [due18] }] };
    const withOther = [file('drift/o.cases.json', { rule: 'drift.other' }), file('drift/o.rule.json', { id: 'drift.other' }), ...files];
    expect(problems(pack, withOther)).toEqual(['drift/o.cases.json /cases: no case raises an exception: add one where the rule flags a row']);
    const none = { ...pack, cases: [] };
    expect(problems(none, withOther)).toEqual([
      'drift/o.rule.json /id: no cases: add a .cases.json file beside the rule, with a case that raises an exception and one that passes',
      'drift/x.rule.json /id: no cases: add a .cases.json file beside the rule, with a case that raises an exception and one that passes',
    ]);
  });

  it('a cases file for every rule, and only one', () => {
    expect(problems({ ...packWith(), cases: [] })).toEqual([`drift/x.rule.json /id: no cases: add a .cases.json file beside the rule, with a case that raises an exception and one that passes`]);
    expect(problems({ ...packWith(), cases: [] }, [])).toEqual([`${DRIFT} /id: no cases: add a .cases.json file beside the rule, with a case that raises an exception and one that passes`]);
    const twice = [...files, file('drift/y.cases.json', { rule: DRIFT })];
    expect(problems(packWith(flagged, due18), twice)).toEqual(['drift/y.cases.json /rule: drift/x.cases.json already holds the cases of "drift.cin-open-over-6-months"']);
  });

  it('comply validate: each problem, then a closing line counting the problems, warnings and files checked', () => {
    const warning = { file: 'drift/x.rule.json', pointer: '/facts', message: 'a warning', warning: true };
    const problem = { file: 'datasets/a.json', pointer: '/id', message: 'a problem\u0007' };
    const checked = (p: RulePack, listed: object[]) => packValidation(p, [...files, file('datasets/a.json', {})], listed as never, 'pack/');
    expect(checked(packWith(flagged, due18), []).lines).toEqual(['No problems: 1 rule file(s), 1 cases file(s), 1 dataset(s) in pack/']);
    expect(checked(packWith(flagged, due18), [warning])).toEqual({ lines: ['pack/drift/x.rule.json: /facts: warning: a warning', 'No problems (1 warning(s)): 1 rule file(s), 1 cases file(s), 1 dataset(s) in pack/'], problems: 0 });
    const broken = checked(packWith(due18), [warning, problem]);
    expect(broken.problems).toBe(2);
    expect(broken.lines.at(-1)).toBe('2 problem(s) (1 warning(s)) in 2 file(s): 1 rule file(s), 1 cases file(s), 1 dataset(s) in pack/');
    expect(broken.lines).toContain('pack/datasets/a.json: /id: a problem\\x07');
  });
});
