// How a check is shared out: by groups of datasets no rule crosses, costliest first.
import { describe, expect, it } from 'vitest';
import { datasetGroups, planShares, type InputGuess } from '../../src/engine/split-plan.js';
import { loadPack } from '../../src/node/load-pack.js';

const pack = loadPack();
const csv = (dataset: string, size: number): InputGuess => ({ file: `${dataset}.csv`, size, dataset });

describe('planShares on the shipped pack', () => {
  it('keeps rules with their related datasets and overviews with the rules they count', () => {
    const groups = datasetGroups(pack.rules, pack.overviews, []);
    expect(groups.get('ssda903-reviews')).toBe(groups.get('ssda903-episodes'));
    expect(groups.get('supervision')).toBe(groups.get('staff'));
    expect(new Set(['reg44-visits', 'reg45-reviews'].map((d) => groups.get(d)))).toEqual(new Set([groups.get('ofsted-children-homes')]));
    expect(groups.get('annex-a-list-6')).not.toBe(groups.get('annex-a-list-8'));
  });

  it('one share per group with input, costliest first: bytes, counted again for each rule that joins rows', () => {
    const shares = planShares(pack.rules, pack.overviews, [
      csv('annex-a-list-6', 240),
      csv('annex-a-list-8', 210),
      csv('ssda903-episodes', 90),
      csv('ssda903-reviews', 120),
      csv('reg44-visits', 10),
    ])!;
    expect(shares.map((s) => s.files)).toEqual([
      ['ssda903-episodes.csv', 'ssda903-reviews.csv'],
      ['annex-a-list-6.csv'],
      ['annex-a-list-8.csv'],
      ['reg44-visits.csv'],
      [],
    ]);
    expect(shares[0]!.rules).toEqual(['practice.lac-review-chain']);
    expect(shares[3]!.rules).toEqual(['inspection.full-due-soon', 'inspection.full-overdue', 'inspection.second-inspection-overdue', 'reg44.monthly-visit', 'reg44.report-late', 'reg45.report-late', 'reg45.review-overdue']);
    expect(shares.flatMap((s) => s.rules).sort()).toEqual(pack.rules.map((r) => r.id).sort());
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
});
