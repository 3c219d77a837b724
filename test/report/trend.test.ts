// The trend model from weekly reports: weeks in date order, a gap where a rule did not run,
// medians of weeks open, and a rule's definition change found from its SHA-256.
import { describe, expect, it } from 'vitest';
import { buildTrend, parseWeek, TrendError } from '../../src/report/trend.js';

const week = (asOf: string, rules: [string, number, boolean?][], extra: Record<string, unknown> = {}) =>
  parseWeek({
    asOf,
    summary: { rules: rules.map(([ruleId, exceptions, ran]) => ({ ruleId, title: `Title of ${ruleId}`, tags: [], ran: ran ?? true, counts: { exceptions } })), totals: {} },
    ...extra,
  }, `${asOf}.json`);
const hashes = (sha: Record<string, string>) => ({ manifest: { ruleSet: { rules: Object.entries(sha).map(([id, sha256]) => ({ id, sha256 })) } } });

describe('buildTrend', () => {
  it('puts the weeks in date order and leaves a gap where a rule did not run or was not in the pack', () => {
    const trend = buildTrend([week('2017-01-25', [['a.x', 3], ['b.y', 1, false]]), week('2017-01-18', [['a.x', 5]]), week('2017-02-01', [['a.x', 2], ['b.y', 4]])]);
    expect(trend.weeks).toEqual(['2017-01-18', '2017-01-25', '2017-02-01']);
    expect(trend.rules.map((r) => [r.ruleId, r.title, r.open])).toEqual([['a.x', 'Title of a.x', [5, 3, 2]], ['b.y', 'Title of b.y', [null, null, 4]]]);
  });

  it('takes the median of the weeks open of each week\'s exceptions, and new and resolved from its totals', () => {
    const open = (weeksOpen: number[]) => ({ exceptions: weeksOpen.map((w) => ({ ruleId: 'a.x', dueDate: null, weeksOpen: w })) });
    const trend = buildTrend([
      week('2017-01-18', [['a.x', 0]], { exceptions: [{ ruleId: 'a.x', dueDate: null }] }),
      week('2017-01-25', [['a.x', 3]], { ...open([0, 4, 1]), summary: { rules: [], totals: { new: 2, resolved: 1 } } }),
      week('2017-02-01', [['a.x', 4]], open([0, 1, 2, 5])),
    ]);
    expect(trend.medianWeeksOpen).toEqual([null, 1, 1.5]);
    expect([trend.fresh, trend.resolved]).toEqual([[null, 2, null], [null, 1, null]]);
  });

  it("marks the week a rule's SHA-256 differs from the week before, and no other", () => {
    const trend = buildTrend([
      week('2017-01-18', [['a.x', 1], ['b.y', 1]], hashes({ 'a.x': 'aaa', 'b.y': 'bbb' })),
      week('2017-01-25', [['a.x', 1], ['b.y', 1]], hashes({ 'a.x': 'aaa', 'b.y': 'ccc' })),
      week('2017-02-01', [['a.x', 1], ['b.y', 1]], hashes({ 'a.x': 'aaa', 'b.y': 'ccc' })),
    ]);
    expect(trend.rules.map((r) => [r.ruleId, r.changedAt])).toEqual([['a.x', []], ['b.y', [{ week: 1, from: 'bbb', to: 'ccc' }]]]);
  });

  it('refuses two reports of the same week, and a file that is not a report', () => {
    expect(() => buildTrend([week('2017-01-18', []), week('2017-01-18', [])])).toThrow(new TrendError('Two reports are as of 18/01/2017: give one report per week'));
    expect(() => parseWeek({ asOf: '18/01/2017', summary: { rules: [] } }, 'x.json')).toThrow(/x\.json is not a csc-comply JSON report/);
  });
});
