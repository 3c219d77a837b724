// One large CSV file checked in two row ranges, side by side (issue 28), gives what one pass over
// the file gives, byte for byte; a file whose ranges could read otherwise than the whole is
// checked whole. Each case says whether it is split, so that a split that silently stops
// happening (or starts where it must not) fails here.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayFromIso } from '../../src/calendar/index.js';
import { ukDate } from '../../src/engine/format.js';
import { checkFiles, ROW_RANGES_FROM_BYTES, type CheckFilesOptions } from '../../src/node/check-files.js';
import { loadPack } from '../../src/node/load-pack.js';
import { cutInTwo, RangeNotHeld, readRange } from '../../src/node/read-range.js';
import { writeAtomic, writeFolder } from '../../src/node/write-output.js';
import { csvFileName, csvPieces } from '../../src/report/csv.js';
import { jsonReportPieces } from '../../src/report/json.js';
import { checkTables } from '../../src/report/tabular.js';
import { complyHere, tempDir } from '../helpers/cli.js';

const pack = loadPack();
const AS_OF = '2017-01-18';
const asOf = dayFromIso(AS_OF)!;
const options = (threads: number, rowRangesFrom?: number): CheckFilesOptions => ({ asOf, select: () => true, headerAliases: {}, limits: {}, threads, rowRangesFrom });

const HEADER = 'Child Unique ID,Gender,Ethnicity,Date of Birth,Age,Does the Child have a Disability,CIN Start Date,Primary Need Code,Date Child Was Last Seen,CIN Closure Date,Reason for Closure,Case Status,Allocated Team,Allocated Worker';
const TEAMS = ['North Locality', 'South Locality', 'Child Protection'];

/** A List 6 of `n` children in id order, about half of them drifting: the same rows every run. */
function list6Rows(n: number): string[][] {
  let seed = 28;
  const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const rows: string[][] = [];
  for (let i = 1; i <= n; i++) {
    const start = asOf - 1 - Math.floor(next() * 730);
    const open = next() < 0.7;
    const team = TEAMS[Math.floor(next() * TEAMS.length)]!;
    rows.push([`C${String(i).padStart(6, '0')}`, 'Female', 'WBRI', ukDate(start - 4000), '11', 'No', ukDate(start), 'N1', ukDate(start), open ? '' : ukDate(start + Math.floor(next() * (asOf - start))), open ? '' : 'RC1', 'Open', team, `Worker ${1 + Math.floor(next() * 20)}`]);
  }
  return rows;
}

const N = 3000;
/** A row's index in the second half, and in the first, well away from the middle. */
const LATE = Math.floor(N * 0.8);
const EARLY = Math.floor(N * 0.2);
const START = 6;
const CLOSURE = 9;
const TEAM = 12;
const WORKER = 13;

let dir: string;
beforeAll(() => void (dir = tempDir('row-ranges-')));
afterAll(() => fs.rmSync(dir, { recursive: true }));

/** Writes a List 6 made from the rows (edited by `edit`) as a file of its own; `text` edits the file's text. */
function list6(name: string, edit: (rows: string[][]) => void = () => {}, text: (csv: string) => string | Buffer = (t) => t): string {
  const rows = list6Rows(N);
  edit(rows);
  const file = path.join(dir, name, 'annex-a-list-6.csv');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text(`${HEADER}\n${rows.map((r) => r.join(',')).join('\n')}\n`));
  return file;
}

/** The text with the line the file is cut at (the first line after its middle, once edited) edited; `before` is the line above it. ASCII before that line. */
function atCut(csv: string, edit: (line: string, before: string) => string): string {
  for (let at = csv.indexOf('\n', csv.length >> 1) + 1; ; at = csv.indexOf('\n', at) + 1) {
    const end = csv.indexOf('\n', at);
    const text = csv.slice(0, at) + edit(csv.slice(at, end), csv.slice(csv.lastIndexOf('\n', at - 2) + 1, at - 1)) + csv.slice(end);
    const bytes = Buffer.from(text);
    if (bytes.indexOf(0x0a, bytes.length >> 1) + 1 === at) return text;
  }
}

type Checked = Awaited<ReturnType<typeof checkFiles>>;

let written = 0;
/** The check's JSON report, or its CSV folder, as written: each file's text. */
async function reportOf(c: Checked, format: 'json' | 'csv'): Promise<string[]> {
  const out = path.join(dir, `out-${++written}`);
  const rendered = c.rendered ?? undefined;
  try {
    if (format === 'json') await writeAtomic(`${out}.json`, jsonReportPieces(c.result, false, [], rendered));
    else await writeFolder(out, new Map(checkTables(c.result, rendered).map((t) => [csvFileName(t), csvPieces(t)])), []);
  } finally {
    c.rendered?.release();
  }
  if (format === 'json') return [fs.readFileSync(`${out}.json`, 'utf8')];
  return fs.readdirSync(out).sort().map((f) => `${f}\n${fs.readFileSync(path.join(out, f), 'utf8')}`);
}

/**
 * The check on two threads, split into row ranges from no bytes up, each range's exceptions
 * written into the reports by its own thread (as for a JSON report, and as for a CSV folder), and
 * on one thread, whole: the reports compared as written, byte for byte.
 */
async function bothWays(file: string, csvAsJson = true) {
  const whole = await checkFiles(() => pack, [file], options(1));
  const asJson = await checkFiles(() => pack, [file], { ...options(2, 0), render: 'json' });
  const asCsv = await checkFiles(() => pack, [file], { ...options(2, 0), render: 'csv' });
  for (const ranged of [asJson, asCsv]) expect(ranged.fingerprints).toEqual(whole.fingerprints);
  expect(await reportOf(asJson, 'json')).toEqual(await reportOf(whole, 'json'));
  expect(await reportOf(asCsv, 'csv')).toEqual(await reportOf(whole, 'csv'));
  if (csvAsJson) expect(asCsv.sharedOut).toEqual(asJson.sharedOut);
  for (const ranged of [asJson, asCsv]) expect(ranged.rendered === null).toBe(ranged.sharedOut?.rowRanges === undefined);
  return { ranged: asJson, asCsv, whole };
}

/** The folder's List 6 and the rules with no input are two shares; the List 6 is checked in two row ranges. */
const split = { shares: 2, threads: 2, rowRanges: 2 };

describe('one large CSV file checked in row ranges', () => {
  it('an extract in id order is split in two and gives what the whole file gives, byte for byte', async () => {
    const { ranged, whole } = await bothWays(list6('plain'));
    expect(ranged.sharedOut).toEqual(split);
    expect(whole.result.exceptions.length).toBeGreaterThan(1000);
    expect(whole.result.inputs).toEqual([expect.objectContaining({ rows: N, evaluated: N })]);
  });

  it('splits a file with a byte order mark, CRLF line ends, title rows above the header, UTF-8 names, blank rows and a row wider than its header in each half', async () => {
    const file = list6(
      'dressed',
      (rows) => {
        for (const at of [EARLY, LATE]) {
          rows[at]![WORKER] = 'Zoë Brontë';
          rows[at + 1]!.push('stray');
          rows.splice(at + 2, 0, []);
        }
      },
      (csv) => `\uFEFFAnnex A List 6: children in need\r\nRun on 18/01/2017\r\n${csv.replace(/\n/g, '\r\n')}`,
    );
    const { ranged, whole } = await bothWays(file);
    expect(ranged.sharedOut).toEqual(split);
    expect(whole.result.inputs).toEqual([expect.objectContaining({ headerRow: 3, blankRows: 2 })]);
    expect(whole.result.findings.filter((f) => f.kind === 'row-not-read').map((f) => f.row)).toEqual([EARLY + 5, LATE + 5]);
    expect(whole.result.exceptions.some((e) => e.worker === 'Zoë Brontë')).toBe(true);
  });

  it('merges what each half found: dates after the as-of date, missing ids and unreadable dates in both halves', async () => {
    const file = list6('found', (rows) => {
      for (const at of [EARLY, EARLY + 1, EARLY + 2, LATE, LATE + 1, LATE + 2]) rows[at]![START] = '03/03/2017';
      for (const at of [EARLY + 3, LATE + 3]) rows[at]![CLOSURE] = '28/02/2017';
      for (const at of [EARLY + 5, LATE + 5]) rows[at]![0] = '';
      for (const at of [EARLY + 7, LATE + 7]) rows[at]![START] = '31/02/2016';
    });
    const { ranged, whole } = await bothWays(file);
    expect(ranged.sharedOut).toEqual(split);
    const future = whole.result.findings.filter((f) => f.kind === 'future-date');
    expect(future.map((f) => f.message).sort()).toEqual([
      expect.stringContaining(`2 dates after the as-of date in "CIN Closure Date" (rows ${EARLY + 5}, ${LATE + 5})`),
      expect.stringContaining(`6 dates after the as-of date in "CIN Start Date" (rows ${EARLY + 2}, ${EARLY + 3}, ${EARLY + 4}, ${LATE + 2}, ${LATE + 3} and 1 more)`),
    ]);
    expect(whole.result.findings.filter((f) => f.kind === 'missing-id')).toHaveLength(2);
  });

  it('splits a file separated by semicolons whose second half has commas in its cells (the separator read from the file\u2019s start)', async () => {
    const file = list6('semicolons', (rows) => rows.slice(EARLY).forEach((r) => (r[WORKER] = 'Ann+ Bob+ Cal+ Dee+ Eve+ Fay+ Gus+ Hal+ Ivy+ Jo+ Kim+ Lee+ Max+ Ned+ Oli')), (csv) => csv.replace(/,/g, ';').replace(/\+/g, ','));
    const { ranged, whole } = await bothWays(file);
    expect(ranged.sharedOut).toEqual(split);
    expect(whole.result.exceptions.some((e) => e.worker?.startsWith('Ann, Bob'))).toBe(true);
  });

  it('checks a CSV folder whole, but not a JSON report, where a rule\u2019s exceptions have teams and workers in the first half only (its CSV file has Team and Worker columns)', async () => {
    const file = list6('people-first-half', (rows) => rows.slice(EARLY).forEach((r) => (r[TEAM] = r[WORKER] = '')));
    const { ranged, asCsv } = await bothWays(file, false);
    expect(ranged.sharedOut).toEqual(split);
    expect(asCsv.sharedOut?.rowRanges).toBeUndefined();
  });

  describe('is checked whole where the ranges could read otherwise', () => {
    const cases: [string, (rows: string[][]) => void, ((csv: string) => string | Buffer)?][] = [
      ['ids not in order', (rows) => void ([rows[LATE], rows[LATE + 1]] = [rows[LATE + 1]!, rows[LATE]!])],
      // Each id the one before with a 0 more: the ids rise, but "…:C10:" comes before "…:C1:" among the exceptions' ids, due on one date.
      ['ids that rise while the exceptions’ ids do not', (rows) => rows.forEach((r, i) => ((r[0] = `C1${'0'.repeat(i)}`), (r[START] = '01/02/2016'), (r[CLOSURE] = '')))],
      ['an id in both halves', (rows) => void (rows[LATE]![0] = rows[EARLY]![0]!)],
      ['the same id twice in a row', (rows) => void (rows[EARLY + 1]![0] = rows[EARLY]![0]!)],
      ['a quoted note across lines', (rows) => void (rows[EARLY]![WORKER] = '"Worker 1\nand Worker 2"')],
      ['a stray quote in the second half', (rows) => void (rows[LATE]![WORKER] = '"O\'Brien')],
      ['the last id of the first half again at the start of the second', () => {}, (csv) => atCut(csv, (line, before) => before.slice(0, 7) + line.slice(7))],
      // Read as the whole file reads it, the id keeps its quotes (the U+FEFF before them tidied away): not after the first half's ids. Its case is open, so it is in the report.
      ['a U+FEFF starting the second half, before a quoted id', () => {}, (csv) => atCut(csv, (line) => line.split(',').map((c, i) => (i === 0 ? `\uFEFF"${c}"` : i === START ? '01/02/2016' : i === CLOSURE || i === CLOSURE + 1 ? '' : c)).join(','))],
      ['a quoted cell across the middle', (rows) => void (rows[N / 2]![WORKER] = `"${Array.from({ length: 60 }, (_, i) => `line ${i}`).join('\n')}"`)],
      ['a stray quote', (rows) => void (rows[EARLY]![WORKER] = '"O\'Brien')],
      ['month-first dates in the second half only (and a few rows before it)', (rows) => rows.slice(N / 2 - 50).forEach((r) => [3, START, 8, CLOSURE].forEach((c) => (r[c] = r[c]!.replace(/^(\d\d)\/(\d\d)/, '$2/$1'))))],
      ['a byte that is not UTF-8 in the second half', () => {}, (csv) => Buffer.from(csv).fill(0xe9, csv.indexOf('Worker', csv.indexOf('C002700')) + 1, csv.indexOf('Worker', csv.indexOf('C002700')) + 2)],
      ['line ends that are CR alone', () => {}, (csv) => csv.replace(/\n/g, '\r')],
      ['a line end that is CR alone in the first half', () => {}, (csv) => csv.replace('\nC000100,', '\rC000100,')],
    ];
    it.each(cases)('%s', async (name, edit, text) => {
      const { ranged } = await bothWays(list6(name.replace(/\W+/g, '-'), edit, text));
      expect(ranged.sharedOut?.rowRanges).toBeUndefined();
    });
  });

  it('comply check writes the same JSON report and CSV folder with --threads 1 and 2, a file of 16 MB or more in two ranges on two', async () => {
    const rows = list6Rows(Math.ceil(ROW_RANGES_FROM_BYTES / 90));
    const big = path.join(dir, 'big');
    fs.mkdirSync(big);
    fs.writeFileSync(path.join(big, 'list-6.csv'), `${HEADER}\n${rows.map((r) => r.join(',')).join('\n')}\n`);
    expect(fs.statSync(path.join(big, 'list-6.csv')).size).toBeGreaterThanOrEqual(ROW_RANGES_FROM_BYTES);
    for (const [format, out] of [['json', 'report.json'], ['csv', 'folder']] as const) {
      const outs = [1, 2].map((n) => path.join(dir, `${n}-${out}`));
      for (const [i, n] of [1, 2].entries()) {
        const run = await complyHere('check', '--data', big, '--as-of', AS_OF, '--format', format, '--out', outs[i]!, '--threads', String(n));
        expect(run.status, run.stderr).toBe(0);
        expect(run.stderr).toMatch(n === 2 ? /\(checked as 2 groups of datasets on 2 thread\(s\), one file in 2 ranges of rows\)\n$/ : /\(checked as 2 groups of datasets on 1 thread\(s\)\)\n$/);
      }
      const read = (p: string) => (format === 'json' ? [fs.readFileSync(p, 'utf8')] : fs.readdirSync(p).sort().map((f) => fs.readFileSync(path.join(p, f), 'utf8')));
      expect(read(outs[1]!)).toEqual(read(outs[0]!));
    }
  }, 120_000);

  it('a range stops reading once another share of the check has failed, and reads to its end otherwise', () => {
    const file = list6('stops');
    const [first] = cutInTwo(file)!;
    const rowsOf = (failed: Int32Array) => [...readRange(file, first!, false, pack.datasets, {}, failed).table.rows].length;
    expect(rowsOf(new Int32Array(2))).toBeGreaterThan(N / 3);
    expect(() => rowsOf(Int32Array.of(0, 1))).toThrow(RangeNotHeld);
  });

  it('is not split below the size it is set to split from, on one thread, nor for a report its threads do not write', async () => {
    const file = list6('small');
    expect((await checkFiles(() => pack, [file], { ...options(2), render: 'json' })).sharedOut).toEqual({ shares: 2, threads: 1 });
    expect((await checkFiles(() => pack, [file], { ...options(1, 0), render: 'json' })).sharedOut).toEqual({ shares: 2, threads: 1 });
    expect((await checkFiles(() => pack, [file], options(2, 0))).sharedOut).toEqual({ shares: 2, threads: 1 });
  });
});
