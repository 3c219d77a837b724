// Counts checked against numbers known by construction, not against each other: a small extract
// whose every row's fate (exception, passed, not applicable, not evaluable, blank, not recognised)
// is decided by the test, and a CSV that repeats its header part way down.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { complyHere, tempDir } from '../helpers/cli.js';
import type { JsonReport } from '../helpers/corpus.js';
import { once } from '../helpers/once.js';

const LIST6 = 'Child Unique ID,CIN Start Date,CIN Closure Date,Allocated Team,Allocated Worker';
/** As of 18 January 2017 a case open since before 18 July 2016 has drifted (open over six months). */
const FILES = {
  'list6.csv': [
    LIST6,
    'A,01/03/2016,,North,Ann', // exception: open ten months
    'B,01/12/2016,,North,Ann', // passed: open seven weeks
    'C,01/02/2016,01/05/2016,South,Sam', // not applicable: closed
    ',,,,', // blank
    '', // blank
    'D,TBC,,South,Sam', // not evaluable: no start date
    'E,01/04/2016,,South,Sam', // exception
    ' , ,,,', // blank: spaces only
  ],
  /** Not any dataset: its header row and three rows are all reported, none judged. */
  'visits.csv': ['Home,Visits', 'X,1', 'Y,2', 'Z,3'],
};

const dir = tempDir();
const checkJson = async (data: string) => {
  const run = await complyHere('check', '--data', data, '--as-of', '2017-01-18', '--format', 'json');
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as JsonReport;
};

describe('a check over an extract whose every row is known', () => {
  const checked = once(async () => {
    for (const [file, lines] of Object.entries(FILES)) fs.writeFileSync(path.join(dir, file), lines.join('\r\n'));
    return checkJson(dir);
  });

  it('flags exactly the two drifting children', async () => {
    const report = await checked();
    expect(report.exceptions.filter((e) => e.ruleId === 'drift.cin-open-over-6-months').map((e) => e.subject)).toEqual(['A', 'E']);
  });

  it('counts the drift rule: 5 considered, 1 closed, 4 checked, 1 passed, 2 exceptions, 1 not evaluable', async () => {
    const report = await checked();
    const drift = report.summary.rules.find((r) => r.ruleId === 'drift.cin-open-over-6-months')!;
    expect(drift.counts).toEqual({ considered: 5, notApplicable: 1, checked: 4, passed: 1, exceptions: 2, merged: 0, notEvaluable: 1 });
  });

  it('counts rows per input and in all: 5 + 4 read, 5 evaluated, 4 reported, 3 blank', async () => {
    const report = await checked();
    expect(report.summary.inputs.map((i) => [path.basename(i.file), i.dataset, i.rows, i.blankRows, i.evaluated, i.reported])).toEqual([
      ['list6.csv', 'annex-a-list-6', 5, 3, 5, 0],
      ['visits.csv', null, 4, 0, 0, 4],
    ]);
    expect(report.summary.rows).toEqual({ read: 9, evaluated: 5, reported: 4, blank: 3 });
  });

  it('says so in the text report', async () => {
    await checked();
    const run = await complyHere('check', '--data', dir, '--as-of', '2017-01-18');
    expect(run.stdout).toContain('Rows: 9 read = 5 evaluated + 4 reported in findings (3 blank rows skipped)');
  });
});

describe('a CSV that repeats its header on row 4', () => {
  it('keeps the header on row 1: the children above the repeat are judged, and the repeat is reported', async () => {
    const file = path.join(dir, 'repeated-header.csv');
    fs.writeFileSync(file, [LIST6, 'A,01/03/2016,,North,Ann', 'B,01/04/2016,,North,Ann', LIST6, 'C,01/05/2016,,South,Sam'].join('\r\n'));
    const report = await checkJson(file);
    expect(report.summary.inputs).toMatchObject([{ headerRow: 1, rows: 4 }]);
    expect(report.exceptions.map((e) => e.subject)).toEqual(['A', 'B', 'C']);
    const repeat = report.findings.filter((f) => f.kind === 'unreadable-value').map((f) => [f.row, f.column, f.value]);
    expect(repeat).toEqual([[4, 'CIN Closure Date', 'CIN Closure Date'], [4, 'CIN Start Date', 'CIN Start Date']]);
  });
});
