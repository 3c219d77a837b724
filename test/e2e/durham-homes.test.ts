// The January 2017 Durham cabinet report's ten homes, run through the real CLI path.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFromOptions } from '../../src/cli/run-options.js';
import { complyHere, ROOT, tempDir } from '../helpers/cli.js';
import { openWorkbook } from '../helpers/workbook.js';

const DURHAM = path.join(ROOT, 'fixtures', 'durham-homes');
const INSPECTION_RULES = ['inspection.full-due-soon', 'inspection.full-overdue', 'inspection.second-inspection-overdue'];

async function inspectionOutcomes(asOf: string) {
  const { result } = await runFromOptions({ data: [DURHAM], asOf });
  const exceptions = result.exceptions
    .filter((e) => INSPECTION_RULES.includes(e.ruleId))
    .map((e) => ({ rule: e.ruleId, urn: e.subject, due: e.dueDate, home: e.columns['Setting Name'] }));
  return { result, exceptions };
}

describe('Durham children’s homes (cabinet report, January 2017)', () => {
  it('at 18 Nov 2016 no inspection is overdue and West Rainton alone is due soon (15 Dec 2016)', async () => {
    const { result, exceptions } = await inspectionOutcomes('2016-11-18');
    expect(exceptions).toEqual([{ rule: 'inspection.full-due-soon', urn: 'SC047213', due: '2016-12-15', home: 'West Rainton' }]);
    for (const id of INSPECTION_RULES) {
      const rule = result.rules.find((r) => r.ruleId === id)!;
      expect(rule.ran, id).toBe(true);
      expect(rule.counts.checked, id).toBe(id === 'inspection.second-inspection-overdue' ? 2 : 10);
      expect(rule.counts.notEvaluable, id).toBe(0);
    }
  });

  it('at 18 Jan 2017 West Rainton’s full inspection and Moorside’s second inspection are overdue', async () => {
    const { exceptions } = await inspectionOutcomes('2017-01-18');
    expect(exceptions).toEqual([
      { rule: 'inspection.full-overdue', urn: 'SC047213', due: '2016-12-15', home: 'West Rainton' },
      { rule: 'inspection.second-inspection-overdue', urn: 'SC047262', due: '2016-12-28', home: 'Moorside' },
    ]);
  });

  it('Aycliffe Secure is judged as a secure unit (due 27 Mar 2017) and Moorside for its judgement', async () => {
    const { result } = await runFromOptions({ data: [DURHAM], asOf: '2017-03-28' });
    const second = result.exceptions.filter((e) => e.ruleId === 'inspection.second-inspection-overdue').map((e) => [e.subject, e.dueDate]);
    expect(second).toEqual([['SC047262', '2016-12-28'], ['SC047283', '2017-03-27']]);
  });

  it('without the visit and review logs the Reg 44 and Reg 45 rules are not run, and say so', async () => {
    const { result } = await inspectionOutcomes('2017-01-18');
    for (const id of ['reg44.monthly-visit', 'reg44.report-late', 'reg45.review-overdue', 'reg45.report-late']) {
      expect(result.rules.find((r) => r.ruleId === id)?.ran, id).toBe(false);
      expect(result.findings.some((f) => f.kind === 'rule-not-run' && f.ruleId === id), id).toBe(true);
    }
  });
});

it('comply check writes a Homes sheet: one row per home, Reg 44 and Reg 45 columns "not run" without their logs', async () => {
  const out = path.join(tempDir('durham-'), 'homes.xlsx');
  expect((await complyHere('check', '--data', DURHAM, '--as-of', '2017-01-18', '--out', out, '--quiet')).status).toBe(0);
  const wb = openWorkbook(out);
  expect(wb.names.slice(0, 2)).toEqual(['Summary', 'Homes']);
  const rows = wb.rows('Homes');
  const date = (iso: string) => new Date(`${iso}T00:00:00Z`);
  expect(rows[0]).toEqual(['URN', 'Setting Name', 'Latest Full Inspection', 'Judgement', 'Next Full Inspection Due', 'Months With No Reg 44 Visit', 'Latest Reg 45 Review']);
  expect(rows.slice(1).map((r) => r[1])).toEqual(['West Rainton', 'Cedar Drive', 'Park House', 'Attlee Estate', 'Newton Drive', 'Moorside', 'New Lea House', 'Aycliffe Secure', 'High Etherley', 'Blackgate East']);
  expect(rows[1]).toEqual(['SC047213', 'West Rainton', date('2015-12-15'), 'Outstanding', date('2016-12-15'), 'not run: input missing', 'not run: input missing']);
  expect(rows[6]!.slice(2, 5)).toEqual([date('2016-06-28'), 'Requires improvement to be good', date('2017-06-28')]);
  expect(wb.cell('Homes', 'C2')?.z).toBe('dd/mm/yyyy');
  fs.rmSync(path.dirname(out), { recursive: true });
});
