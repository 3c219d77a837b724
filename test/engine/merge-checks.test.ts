// A check shared out: the shares' results merged are the whole check's, and a share that read a
// dataset it was not given to (a header read otherwise than guessed) is caught.
import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../src/calendar/index.js';
import { byFileOrder, mergeChecks, splitHeld } from '../../src/engine/merge-checks.js';
import type { ExceptionRecord } from '../../src/engine/outcome.js';
import { runCheck, type CheckResult } from '../../src/engine/run-check.js';
import type { OverviewDef } from '../../src/rules/overview.js';
import type { RuleDef } from '../../src/rules/rule.js';
import { HOME_OPEN, HOMES_HEAD, sheet, VISIT_LATE, VISITS_HEAD, visitsPack } from '../helpers/visits-pack.js';

const AS_OF = dayFromIso('2017-01-18')!;
const visits = sheet('visits.csv', VISITS_HEAD, [
  ['C1', '10/01/2017', null, 2, 'North', 'Ann'],
  ['C2', 'soon', null, 1, 'North', 'Ann'],
  ['C3', '02/01/2017', null, 1, 'South', 'Bob'],
]);
const homes = sheet('homes.csv', HOMES_HEAD, [['H1', 'Oak', '01/06/2010', 4], ['H2', 'Elm', '01/02/2017', 3], [null, null, null, null]]);
const only = (id: string) => ({ asOf: AS_OF, select: (r: RuleDef) => r.id === id });

describe('mergeChecks', () => {
  it("gives the whole check's result from the shares' results, inputs in the order the files were given", () => {
    const pack = visitsPack();
    const shares = [runCheck(pack, [homes], only(HOME_OPEN.id)), runCheck(pack, [visits], only(VISIT_LATE.id))];
    expect(mergeChecks(shares, ['visits.csv', 'homes.csv'], [])).toEqual(runCheck(pack, [visits, homes], { asOf: AS_OF }));
    const reversed = mergeChecks(shares.reverse(), ['homes.csv', 'visits.csv'], []);
    expect(reversed).toEqual(runCheck(pack, [homes, visits], { asOf: AS_OF }));
    expect(reversed.rowTotals).toEqual({ read: 5, evaluated: 5, reported: 0, blank: 1 });
  });

  it('puts overviews in the order the pack lists them', () => {
    const table = (id: string) => ({ id, title: id, sheetName: id, columns: [], rows: [] });
    const result = (ids: string[]): CheckResult => ({ asOf: '2017-01-18', rules: [], exceptions: [], findings: [], inputs: [], overviews: ids.map(table), rowTotals: { read: 0, evaluated: 0, reported: 0, blank: 0 } });
    const defs = ['b', 'c', 'a'].map((id) => ({ id }) as OverviewDef);
    expect(mergeChecks([result(['a', 'c']), result(['b'])], [], defs).overviews.map((o) => o.id)).toEqual(['b', 'c', 'a']);
  });

  it("takes each rule's exceptions whole, in rule id order, keeping the order each rule found them in", () => {
    const raised = (ruleId: string, id: string) => ({ ruleId, id }) as ExceptionRecord;
    const result = (exceptions: ExceptionRecord[]): CheckResult => ({ asOf: '2017-01-18', rules: [], exceptions, findings: [], inputs: [], overviews: [], rowTotals: { read: 0, evaluated: 0, reported: 0, blank: 0 } });
    const first = result([raised('a', 'a2'), raised('a', 'a1'), raised('c', 'c1'), raised('d', 'd1')]);
    const second = result([raised('b', 'b2'), raised('b', 'b1'), raised('e', 'e1')]);
    const ids = (merged: CheckResult) => merged.exceptions.map((e) => e.id);
    expect(ids(mergeChecks([first, second], [], []))).toEqual(['a2', 'a1', 'b2', 'b1', 'c1', 'd1', 'e1']);
    expect(ids(mergeChecks([second, result([]), first], [], []))).toEqual(['a2', 'a1', 'b2', 'b1', 'c1', 'd1', 'e1']);
    expect(ids(mergeChecks([result([]), second], [], []))).toEqual(['b2', 'b1', 'e1']);
  });

  it('byFileOrder orders anything named by a file as the files were given', () => {
    const named = [{ file: 'c' }, { file: 'a' }, { file: 'b' }, { file: 'a' }];
    expect(named.sort(byFileOrder(['b', 'a', 'c'])).map((n) => n.file)).toEqual(['b', 'a', 'a', 'c']);
  });
});

describe('splitHeld', () => {
  const rule = (id: string, dataset: string, related?: string) => ({ id, dataset, ...(related ? { related: { r: { dataset: related, match: {} } } } : {}) }) as RuleDef;
  const rules = [rule('r.a', 'a', 'c'), rule('r.b', 'b')];
  const shares = [
    { files: ['a.csv', 'c.csv'], rules: ['r.a'] },
    { files: ['b.csv', 'd.csv'], rules: ['r.b'] },
  ];
  const read = (...datasets: (string | null)[][]) =>
    datasets.map((ds) => ({ inputs: ds.map((dataset) => ({ file: `${dataset}.csv`, dataset, headerRow: 1, rows: 1, blankRows: 0, evaluated: 1, reported: 0 })) }) as unknown as CheckResult);

  it('holds when each share read the datasets of its own rules, and any other dataset in one share only', () => {
    expect(splitHeld(shares, read(['a', 'c'], ['b', 'd']), rules)).toBe(true);
    expect(splitHeld(shares, read(['a', null], ['b', null]), rules)).toBe(true);
  });

  it("fails when a share read another share's dataset, or two shares read a dataset no rule reads", () => {
    expect(splitHeld(shares, read(['a', 'b'], ['b']), rules)).toBe(false);
    expect(splitHeld(shares, read(['a'], ['b', 'c']), rules)).toBe(false);
    expect(splitHeld(shares, read(['a', 'd'], ['b', 'd']), rules)).toBe(false);
  });
});
