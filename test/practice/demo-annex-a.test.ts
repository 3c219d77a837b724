// The Annex A practice rules on the shipped demo workbook, as `comply check --as-of 2017-01-18` runs
// them: the counts the demo generator (scripts/demo/) prints for the lateness it wrote.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../src/calendar/index.js';
import { runCheck } from '../../src/engine/run-check.js';
import { loadPack } from '../../src/node/load-pack.js';
import { readInputs } from '../../src/node/read-inputs.js';

const DEMO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'demo');
const pack = loadPack();
const { tables } = await readInputs([path.join(DEMO, 'annex-a.xlsx')]);
const result = runCheck(pack, tables, {
  asOf: dayFromIso('2017-01-18')!,
  select: (r) => r.id.startsWith('practice.') && r.dataset.startsWith('annex-a-list-'),
});
const counts = (ruleId: string) => result.rules.find((r) => r.ruleId === ruleId)!.counts;
const exceptions = (ruleId: string) => result.exceptions.filter((e) => e.ruleId === ruleId);

describe('Annex A practice rules on the demo county at 18/01/2017', () => {
  it('List 4: the 70 assessments authorised late and the 40 still open past 45 working days', () => {
    const late = exceptions('practice.assessment-timescale');
    expect(late).toHaveLength(110);
    expect(late.filter((e) => e.columns['Date of Authorisation'] === null)).toHaveLength(40);
  });

  it('List 5: 12 initial child protection conferences late or overdue', () => {
    expect(counts('practice.icpc-timescale').exceptions).toBe(12);
  });

  it('List 7: 15 current plans overdue a review conference, 26 overdue a visit (218 current, 32 ended)', () => {
    expect(counts('practice.cp-review-overdue')).toMatchObject({ considered: 250, notApplicable: 32, exceptions: 15 });
    expect(counts('practice.cp-visit-overdue')).toMatchObject({ considered: 250, notApplicable: 32, exceptions: 26 });
  });

  it('List 8: 35 visits overdue (28 older than 6 weeks, 7 new placements not visited within a week), 25 health assessments overdue', () => {
    expect(counts('practice.lac-visit-overdue').exceptions).toBe(35);
    expect(counts('practice.health-assessment-overdue').exceptions).toBe(25);
    expect(counts('practice.lac-review-overdue').exceptions).toBe(22);
  });

  it('List 9: 17 pathway plan reviews and 25 contacts overdue or never recorded', () => {
    expect(counts('practice.pathway-plan-review-overdue').exceptions).toBe(17);
    expect(counts('practice.care-leaver-contact-overdue').exceptions).toBe(25);
  });

  it('judges every row: nothing unreadable, nothing not evaluable', () => {
    for (const r of result.rules) expect(r.counts.notEvaluable, r.ruleId).toBe(0);
    expect(result.findings.filter((f) => f.kind === 'not-evaluable')).toEqual([]);
  });

  it('carries team and worker on every exception', () => {
    for (const e of result.exceptions) {
      expect(e.team, e.id).toBeTruthy();
      expect(e.worker, e.id).toBeTruthy();
    }
  });
});
