// practice.lac-review-chain end to end: the SSDA903 sample CSVs as published, and the demo return.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../src/calendar/index.js';
import { runCase } from '../../src/cases/run-cases.js';
import { runCheck, type CheckResult } from '../../src/engine/run-check.js';
import { loadPack } from '../../src/node/load-pack.js';
import { readInputs } from '../../src/node/read-inputs.js';
import { tempDir } from '../helpers/cli.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const RULE = 'practice.lac-review-chain';
const pack = loadPack();
const check = async (folder: string, asOf: string) =>
  runCheck(pack, (await readInputs([path.join(ROOT, folder)])).tables, { asOf: dayFromIso(asOf)!, select: (r) => r.id === RULE });
const dueAndHeld = (result: CheckResult, child: string) =>
  result.exceptions.filter((e) => e.subject === child).map((e) => [e.dueDate, e.columns['Held']]);

describe('the SSDA903 sample CSVs at 31/03/2018', async () => {
  const result = await check('test/fixtures/samples/ssda903', '2018-03-31');

  it('recognises each file by its header row and reads every value', () => {
    expect(result.inputs.map((i) => [path.basename(i.file), i.dataset, i.rows])).toEqual([
      ['episodes.csv', 'ssda903-episodes', 5050],
      ['header.csv', 'ssda903-header', 2675],
      ['reviews.csv', 'ssda903-reviews', 12582],
    ]);
    expect(result.findings.filter((f) => f.level !== 'info')).toEqual([]);
  });

  it('flags each late review with the due date it missed, counting each due date from the review held', () => {
    // Period from 02/01/2015, still open: reviews 09/11/2015 (late), 05/04/2016 (late), 02/06/2016, 25/01/2018 (late).
    expect(dueAndHeld(result, '250231')).toEqual([
      ['2015-01-30', '2015-11-09'],
      ['2016-02-09', '2016-04-05'],
      ['2016-12-02', '2018-01-25'],
    ]);
    // Review 4 held two days after 6 months from review 3 (04/03/2017); review 5 on time, next due after the as-of date.
    expect(dueAndHeld(result, '766417')).toEqual([
      ['2015-01-29', '2016-04-28'],
      ['2016-07-28', '2016-12-13'],
      ['2017-09-04', '2017-09-06'],
    ]);
  });

  it('judges every period of care and counts the rest as out of scope', () => {
    const counts = result.rules[0]!.counts;
    expect(counts).toMatchObject({ exceptions: 608, notEvaluable: 0 });
    expect(counts.passed + counts.exceptions + counts.merged).toBe(counts.checked);
  });
});

describe('the demo SSDA903 return at 18/01/2017', async () => {
  const result = await check('fixtures/demo/ssda903', '2017-01-18');
  const held = result.exceptions.filter((e) => e.columns['Held'] !== null);
  const pending = result.exceptions.filter((e) => e.columns['Held'] === null);

  it('finds the 19 reviews held late and the 23 open periods overdue', () => {
    expect(held).toHaveLength(19);
    expect(pending).toHaveLength(23);
    expect(pending.every((e) => e.columns['Period End'] === null)).toBe(true);
  });

  it('judges the first reviews of periods that started from 2008, the bank-holiday calendar reaching back to 2000', () => {
    expect(result.findings.filter((f) => f.kind === 'not-evaluable')).toEqual([]);
    // 20 working days from 26/06/2010 and from 23/10/2012 (no bank holiday in either stretch).
    expect(dueAndHeld(result, '4159061')).toContainEqual(['2010-07-23', '2010-08-17']);
    expect(dueAndHeld(result, '2736001')).toContainEqual(['2012-11-20', '2012-12-28']);
  });

  it('skips the children on short breaks (V3/V4)', async () => {
    const episodes = (await readInputs([path.join(ROOT, 'fixtures/demo/ssda903/episodes.csv')])).tables[0]!;
    const shortBreaks = new Set(
      episodes.rows.filter((r) => r[2] === 'S' && (r[3] === 'V3' || r[3] === 'V4')).map((r) => String(r[0])),
    );
    expect(shortBreaks.size).toBe(10);
    expect(result.exceptions.filter((e) => shortBreaks.has(e.subject))).toEqual([]);
  });
});

it('a start before the calendar names the year in its not-evaluable finding', () => {
  const set = pack.cases.find((s) => s.rule === RULE)!;
  const c = set.cases.find((x) => x.name.startsWith('a start before the calendar'))!;
  const { result } = runCase(pack, RULE, c);
  const finding = result!.findings.find((f) => f.kind === 'not-evaluable')!;
  expect(finding.message).toContain('does not cover 1999');
  expect(finding.row).toBe(2);
});

it('an episode with no DECOM makes the child not evaluable, the finding naming that episode’s row', async () => {
  const dir = tempDir('lac-undated-');
  fs.writeFileSync(
    path.join(dir, 'episodes.csv'),
    'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n' +
      '100,15/02/2016,S,C2,N3,T2,PR0,14/08/2016,X1,CLOSE,,,1\n' +
      '100,,T,C2,N3,A3,PR3,,X1,,,,1\n' +
      '200,01/03/2016,S,C2,N3,T2,PR0,,,,,,1\n',
  );
  fs.writeFileSync(path.join(dir, 'reviews.csv'), 'CHILD,DOB,REVIEW,REVIEW_CODE\n100,01/01/2010,01/03/2016,PN1\n200,01/01/2010,20/03/2016,PN1\n');
  const result = runCheck(pack, (await readInputs([dir])).tables, { asOf: dayFromIso('2017-01-18')!, select: (r) => r.id === RULE });
  fs.rmSync(dir, { recursive: true });
  const notEvaluable = result.findings.filter((f) => f.kind === 'not-evaluable');
  expect(notEvaluable).toEqual([expect.objectContaining({ file: path.join(dir, 'episodes.csv'), row: 3, column: 'DECOM', message: expect.stringContaining('DECOM is empty') })]);
  expect(result.exceptions.map((e) => e.subject)).not.toContain('100');
});
