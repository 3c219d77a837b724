// The practice-standards rules on the real-format Annex A sample: the whole workbook, and the same
// lists as separate .xlsx and .csv files (dates written dd/mm/yyyy, as a UK export writes them).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { dayFromIso } from '../../src/calendar/index.js';
import { ukDate } from '../../src/engine/format.js';
import { runCheck, type CheckResult } from '../../src/engine/run-check.js';
import { loadPack } from '../../src/node/load-pack.js';
import { readInputs } from '../../src/node/read-inputs.js';
import type { RuleDef } from '../../src/rules/rule.js';

XLSX.set_fs(fs);

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SAMPLE = path.join(ROOT, 'test', 'fixtures', 'samples', 'annex-a-2024-jan-sample.xlsx');
const AS_OF = dayFromIso('2021-03-31')!;
const PRACTICE_LISTS = ['List 4', 'List 5', 'List 7', 'List 8', 'List 9'];
const pack = loadPack();
/** The practice rules that judge Annex A lists. */
const onAnnexA = (r: RuleDef) => r.id.startsWith('practice.') && r.dataset.startsWith('annex-a-list-');

const check = async (paths: string[]): Promise<CheckResult> => runCheck(pack, (await readInputs(paths)).tables, { asOf: AS_OF, select: onAnnexA });
const judged = (r: CheckResult) => r.exceptions.map((e) => [e.id, e.team, e.worker, e.message]);

/** Writes each practice list of the sample to its own .xlsx and .csv, dates as dd/mm/yyyy text in the CSV. */
function splitSample(dir: string): { xlsx: string[]; csv: string[] } {
  const wb = XLSX.readFile(SAMPLE, { dense: true });
  const out = { xlsx: [] as string[], csv: [] as string[] };
  for (const name of PRACTICE_LISTS) {
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[name]!, { header: 1, defval: null, raw: true });
    const dataset = pack.datasets.find((d) => d.id === `annex-a-list-${name.slice(5)}`)!;
    const isDate = (rows[0] as string[]).map((h) => dataset.columns[h]?.type === 'date');
    const texts = rows.map((r, i) => r.map((v, c) => (i > 0 && isDate[c] && typeof v === 'number' ? ukDate(v - 25569) : v)));
    const file = path.join(dir, name.replace(' ', '-').toLowerCase());
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Sheet1');
    XLSX.writeFile(book, `${file}.xlsx`);
    const csvBook = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(csvBook, XLSX.utils.aoa_to_sheet(texts), 'Sheet1');
    XLSX.writeFile(csvBook, `${file}.csv`, { bookType: 'csv' });
    out.xlsx.push(`${file}.xlsx`);
    out.csv.push(`${file}.csv`);
  }
  return out;
}

describe('practice rules on the Annex A sample workbook (as of 31/03/2021)', async () => {
  const result = await check([SAMPLE]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csc-comply-practice-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const split = splitSample(dir);

  it('reads every value and judges every row', () => {
    expect(result.findings.filter((f) => f.kind === 'unreadable-value' || f.kind === 'not-evaluable')).toEqual([]);
    for (const rule of result.rules) expect(rule.counts.notEvaluable, rule.ruleId).toBe(0);
  });

  it('runs every practice rule on an Annex A list, and counts the exceptions of those it pins', () => {
    expect(result.rules.map((r) => r.ruleId).sort()).toEqual(pack.rules.filter(onAnnexA).map((r) => r.id).sort());
    expect(result.rules.filter((r) => !r.ran)).toEqual([]);
    const counts = Object.fromEntries(result.rules.map((r) => [r.ruleId, [r.counts.considered, r.counts.notApplicable, r.counts.exceptions]]));
    expect(counts).toMatchObject({
      'practice.assessment-timescale': [5, 0, 5],
      'practice.icpc-timescale': [5, 2, 0],
      'practice.cp-visit-overdue': [7, 5, 2],
      'practice.cp-review-overdue': [7, 5, 0],
      'practice.lac-visit-overdue': [5, 1, 2],
      'practice.lac-review-overdue': [5, 1, 0],
      'practice.health-assessment-overdue': [5, 1, 1],
      'practice.pathway-plan-review-overdue': [6, 0, 6],
      'practice.care-leaver-contact-overdue': [6, 0, 6],
    });
  });

  it('names the child, due date, team and worker of each exception', () => {
    const some = result.exceptions.filter((e) => ['10692868', '14953858', '1761444', '2529037', '7961370'].includes(e.subject));
    expect(some.map((e) => [e.id, e.team, e.worker])).toEqual([
      ['practice.assessment-timescale:10692868:2019-07-19', 'Children in Care Team 1', 'Lexie Defore'], // the sample has a no-break space here: read as a space
      ['practice.care-leaver-contact-overdue:7961370:none', 'Care Leavers Team', 'Jae Vang'],
      ['practice.cp-visit-overdue:14953858:2021-03-16', 'Locality 4 Unit 1', 'Petra Wills'],
      ['practice.health-assessment-overdue:2529037:2021-02-04', 'Children in Care Team 2', 'Fatimah Davison'],
      ['practice.lac-visit-overdue:1761444:2021-02-17', 'Children in Care Team 1', 'Eugene Swift'],
      ['practice.pathway-plan-review-overdue:7961370:none', 'Care Leavers Team', 'Jae Vang'],
    ]);
    expect(some[0]!.message).toBe('Assessment started 16/05/2019, due to be authorised by 19/07/2019; authorised: 08/02/2021');
    expect(some[5]!.message).toBe('Pathway plan review overdue; latest review: no review recorded; next review due: unknown');
  });

  it('gives the same exceptions from the lists as separate .xlsx files', async () => {
    const separate = await check(split.xlsx);
    expect(separate.inputs.map((i) => i.dataset)).toEqual(['annex-a-list-4', 'annex-a-list-5', 'annex-a-list-7', 'annex-a-list-8', 'annex-a-list-9']);
    expect(judged(separate)).toEqual(judged(result));
  });

  it('gives the same exceptions from the lists as separate .csv files with dd/mm/yyyy dates', async () => {
    const separate = await check(split.csv);
    expect(separate.findings.filter((f) => f.kind === 'unreadable-value' || f.kind === 'not-evaluable')).toEqual([]);
    expect(judged(separate)).toEqual(judged(result));
  });
});

it('a date outside the bank-holiday calendar makes the row not evaluable, with a finding naming the year', () => {
  const table = { file: 'list4.csv', firstRow: 1, rows: [['Child Unique ID', 'Continuous Assessment Start Date', 'Continuous Assessment Date of Authorisation'], ['C1', '02/12/1999', null]] };
  const result = runCheck(pack, [table], { asOf: dayFromIso('2017-01-18')!, select: (r) => r.id === 'practice.assessment-timescale' });
  expect(result.exceptions).toEqual([]);
  expect(result.findings.filter((f) => f.kind === 'not-evaluable').map((f) => [f.row, f.message])).toEqual([
    [2, 'practice.assessment-timescale could not judge this row: working-day calendar does not cover 1999: bank holidays are only known for 2000-2027'],
  ]);
});

it('an authorisation dated before its assessment started is a finding, not an exception', () => {
  const table = { file: 'list4.csv', firstRow: 1, rows: [['Child Unique ID', 'Continuous Assessment Start Date', 'Continuous Assessment Date of Authorisation'], ['C1', '14/11/2016', '10/11/2016']] };
  const result = runCheck(pack, [table], { asOf: dayFromIso('2017-01-18')!, select: (r) => r.id === 'practice.assessment-timescale' });
  expect(result.exceptions).toEqual([]);
  expect(result.findings.filter((f) => f.kind === 'suspicious-value').map((f) => [f.row, f.column, f.message])).toEqual([
    [2, 'Continuous Assessment Date of Authorisation', 'Date of Authorisation 10/11/2016 is before the assessment start 14/11/2016: it looks wrong (not counted as late)'],
  ]);
});

it('a health assessment with no date of birth cannot be given its interval: the finding names the columns behind the due date', () => {
  const table = {
    file: 'list8.csv',
    firstRow: 1,
    rows: [
      ['Child Unique ID', 'Date of Birth', 'Date Started to be Looked After', 'Date Ceased to be Looked After', 'Date of Last Health Assessment'],
      ['C1', null, '05/01/2015', null, '18/07/2016'],
    ],
  };
  const result = runCheck(pack, [table], { asOf: dayFromIso('2017-01-18')!, select: (r) => r.id === 'practice.health-assessment-overdue' });
  expect(result.findings.filter((f) => f.kind === 'not-evaluable').map((f) => f.message)).toEqual([
    'practice.health-assessment-overdue could not judge this row: healthAssessmentDue (from Date of Last Health Assessment, Date Started to be Looked After, Date of Birth) is empty',
  ]);
});
