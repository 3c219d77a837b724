// How a check is shared out: by groups of datasets no rule crosses, costliest first.
import { describe, expect, it } from 'vitest';
import { datasetGroups, planShares, type InputGuess } from '../../src/engine/split-plan.js';
import { loadPack } from '../../src/node/load-pack.js';
import type { RuleDef } from '../../src/rules/rule.js';
import { expectEachRuleInOneShare } from '../helpers/pack-checks.js';

const pack = loadPack();
const csv = (dataset: string, size: number): InputGuess => ({ file: `${dataset}.csv`, size, dataset });
const rule = (id: string, dataset: string, related?: string): RuleDef => ({ id, dataset, ...(related ? { related: { r: { dataset: related, match: { ID: 'ID' } } } } : {}) }) as RuleDef;

describe('planShares on the shipped pack', () => {
  it('keeps rules with their related datasets and overviews with the rules they count', () => {
    const groups = datasetGroups(pack.rules, pack.overviews, []);
    expect(groups.get('ssda903-reviews')).toBe(groups.get('ssda903-episodes'));
    expect(groups.get('supervision')).toBe(groups.get('staff'));
    expect(new Set(['reg44-visits', 'reg45-reviews'].map((d) => groups.get(d)))).toEqual(new Set([groups.get('ofsted-children-homes')]));
    expect(groups.get('annex-a-list-6')).not.toBe(groups.get('annex-a-list-8'));
  });

  it('runs each rule in the share that holds every dataset it reads, and every rule once', () => {
    expectEachRuleInOneShare(pack);
  });

  it('one share per group with input, costliest first: bytes, counted again for each rule that joins rows', () => {
    const rules = [rule('a.plain', 'a'), rule('b.joins', 'b', 'c'), rule('d.plain', 'd'), rule('e.no-input', 'e')];
    const shares = planShares(rules, [], [csv('a', 240), csv('d', 200), csv('b', 90), csv('c', 120)])!;
    expect(shares).toEqual([
      { files: ['b.csv', 'c.csv'], rules: ['b.joins'] },
      { files: ['a.csv'], rules: ['a.plain'] },
      { files: ['d.csv'], rules: ['d.plain'] },
      { files: [], rules: ['e.no-input'] },
    ]);
  });

  it('the last share takes files whose dataset was not recognised and the rules with no input', () => {
    const shares = planShares(pack.rules, pack.overviews, [csv('annex-a-list-6', 10), { file: 'notes.csv', size: 5, dataset: null }])!;
    expect(shares).toHaveLength(2);
    expect(shares[1]!.files).toEqual(['notes.csv']);
    expect(shares[1]!.rules).toContain('practice.lac-review-chain');
    expect(shares[1]!.rules).not.toContain('drift.cin-open-over-6-months');
  });

  it('no shares when a workbook is among the inputs: its sheets are only known once it is read', () => {
    expect(planShares(pack.rules, pack.overviews, [csv('annex-a-list-6', 10), { file: 'extracts.xlsx', size: 50, dataset: undefined }])).toBeNull();
  });

  it('a rule that groups rows, or judges each item of a list, joins rows too: its share costs twice its bytes', () => {
    const grouped = { ...rule('b.grouped', 'b'), groupBy: { columns: ['Home'] } } as RuleDef;
    const listed = { ...rule('c.listed', 'c'), each: { name: 'month', list: { fact: 'months' } } } as RuleDef;
    const shares = planShares([rule('a.plain', 'a'), grouped, listed], [], [csv('a', 250), csv('b', 200), csv('c', 150)])!;
    expect(shares.map((s) => s.rules)).toEqual([['b.grouped'], ['c.listed'], ['a.plain']]);
  });

  it('shares that cost the same (100 bytes read twice, 200 once) come in the order of their datasets’ first name, whatever order the files came in', () => {
    const rules = [rule('d.plain', 'd'), rule('z.joins', 'z', 'c')];
    const shares = planShares(rules, [], [csv('d', 200), csv('z', 50), csv('c', 50)])!;
    expect(shares).toEqual([
      { files: ['z.csv', 'c.csv'], rules: ['z.joins'] },
      { files: ['d.csv'], rules: ['d.plain'] },
    ]);
    expect(datasetGroups(rules, [], ['z', 'd'])).toEqual(new Map([['z', 'c'], ['d', 'd'], ['c', 'c']]));
  });

  it('rules of a share in id order; no last share when every file and rule has a group', () => {
    const shares = planShares([rule('a.two', 'a'), rule('a.four', 'a'), rule('a.one', 'a'), rule('a.three', 'a')], [], [csv('a', 10)]);
    expect(shares).toEqual([{ files: ['a.csv'], rules: ['a.four', 'a.one', 'a.three', 'a.two'] }]);
  });

  it('an overview keeps the rule it lists with the rules whose facts or exceptions it shows; files no rule reads each stand alone', () => {
    const rules = [rule('a.plain', 'a'), rule('b.plain', 'b'), rule('c.plain', 'c')];
    const overview = { id: 'o', title: 'O', sheetName: 'O', rowsOf: 'a.plain', columns: [{ label: 'Id', column: 'ID' }, { label: 'B', rule: 'b.plain', count: 'exceptions' as const }] };
    const inputs = [csv('a', 10), csv('b', 10), csv('c', 10), csv('x', 10), csv('y', 10)];
    expect(planShares(rules, [overview], inputs)!.map((s) => s.files)).toEqual([['a.csv', 'b.csv'], ['c.csv'], ['x.csv'], ['y.csv']]);
    expect(planShares(rules, [], inputs)!.map((s) => s.files)).toEqual([['a.csv'], ['b.csv'], ['c.csv'], ['x.csv'], ['y.csv']]);
  });

  it('datasets joined through a chain of rules (a with b, b with c) are one share', () => {
    const shares = planShares([rule('x.ab', 'a', 'b'), rule('y.bc', 'b', 'c')], [], [csv('a', 10), csv('b', 10), csv('c', 10)]);
    expect(shares).toEqual([{ files: ['a.csv', 'b.csv', 'c.csv'], rules: ['x.ab', 'y.bc'] }]);
  });
});
