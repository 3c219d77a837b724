// A check's exceptions written into the report by the threads that found them (issue 28): each
// range's exceptions measured as text of the report in blocks (a rule and due date each), two
// ranges' blocks laid out in report order, and the JSON report and CSV rule files around them.
// Plain results built here; the threads themselves, end to end, are test/node/row-ranges.test.ts.
import { describe, expect, it } from 'vitest';
import type { ExceptionRecord } from '../../src/engine/outcome.js';
import type { CheckResult } from '../../src/engine/run-check.js';
import { addTallies, tally } from '../../src/report/counts.js';
import { csvPieces } from '../../src/report/csv.js';
import { jsonReportPieces, pieceText } from '../../src/report/json.js';
import { blocksOf, measureExceptions, mergeMeasured, type Block, type FilledLater, type Measured, type RenderedExceptions, type WriteBlocks } from '../../src/report/rendered.js';
import { checkTables, ruleTable } from '../../src/report/tabular.js';
import { exception, rule } from './check-result.js';

const VISITS = rule('r.visits', { title: 'Visits', columnKinds: { Visits: 'number' }, counts: { considered: 9, notApplicable: 0, checked: 9, passed: 6, exceptions: 3, merged: 0, notEvaluable: 0 } });
const DRIFT = rule('r.drift', { title: 'Drift', counts: { considered: 5, notApplicable: 0, checked: 5, passed: 3, exceptions: 2, merged: 0, notEvaluable: 0 } });
const source = (row: number) => ({ file: 'big.csv', row });
const EXCEPTIONS: ExceptionRecord[] = [
  exception('r.visits', 'V1', { dueDate: '2017-01-04', team: 'North', message: 'Visit café late', columns: { Visits: 3 }, source: source(2) }),
  exception('r.visits', 'V2', { dueDate: '2017-01-04', columns: { Visits: 0 }, source: source(3) }),
  exception('r.visits', 'V3', { dueDate: '2017-01-10', columns: { Visits: 1 }, source: source(5) }),
  exception('r.drift', 'D1', { dueDate: null, source: source(4) }),
  exception('r.drift', 'D2', { dueDate: '2016-07-01', source: source(6) }),
];
const RESULT: CheckResult = {
  asOf: '2017-01-18',
  rules: [VISITS, DRIFT],
  exceptions: EXCEPTIONS,
  findings: [],
  inputs: [],
  overviews: [],
  rowTotals: { read: 14, evaluated: 14, reported: 0, blank: 0 },
};
const subjects = (records: readonly ExceptionRecord[]) => records.map((e) => e.subject);

describe('blocksOf', () => {
  it('gives a block for each rule and due date in the exceptions\' order, no due date as \'\'', () => {
    expect([...blocksOf(RESULT, 'json')].map((b) => [b.ruleId, b.due, subjects(b.records)])).toEqual([
      ['r.visits', '2017-01-04', ['V1', 'V2']],
      ['r.visits', '2017-01-10', ['V3']],
      ['r.drift', '', ['D1']],
      ['r.drift', '2016-07-01', ['D2']],
    ]);
  });

  it('writes each record as its line of the JSON report', () => {
    const [block] = blocksOf(RESULT, 'json');
    expect(block!.line(EXCEPTIONS[0]!)).toBe(`    ${JSON.stringify(EXCEPTIONS[0])},\n`);
  });

  it('writes each record as its row of the rule\'s CSV file, laid out for all the rule\'s exceptions (Team and Worker if any has one)', () => {
    const blocks = [...blocksOf(RESULT, 'csv')];
    expect(blocks[0]!.line(EXCEPTIONS[0]!)).toBe('V1,2017-01-04,14,North,,3,Visit café late,medium,big.csv,,2,r.visits:V1\r\n');
    expect(blocks[1]!.line(EXCEPTIONS[2]!)).toBe('V3,2017-01-10,8,,,1,V3 is overdue,medium,big.csv,,5,r.visits:V3\r\n');
    expect(blocks[2]!.line(EXCEPTIONS[3]!)).toBe('D1,,,D1 is overdue,medium,big.csv,,4,r.drift:D1\r\n');
    for (const r of [VISITS, DRIFT]) {
      const records = EXCEPTIONS.filter((e) => e.ruleId === r.ruleId);
      const file = [...csvPieces(ruleTable(r, records, r.title, { asOf: RESULT.asOf }))].map(pieceText).slice(1).join('');
      const lines = blocks.filter((b) => b.ruleId === r.ruleId).flatMap((b) => b.records.map(b.line));
      expect(lines.join('')).toBe(file);
    }
  });

  it('gives nothing for no exceptions', () => {
    expect([...blocksOf({ ...RESULT, exceptions: [] }, 'csv')]).toEqual([]);
  });
});

const utf8 = (text: string) => Buffer.byteLength(text);
const jsonBytes = (records: readonly ExceptionRecord[]) => records.reduce((n, e) => n + utf8(`    ${JSON.stringify(e)},\n`), 0);

describe('measureExceptions', () => {
  it('measures each block as the UTF-8 bytes of its lines, with its first and last ids and its range', () => {
    const measured = measureExceptions(RESULT, 'json', 1, utf8);
    expect(measured.blocks).toEqual([
      { ruleId: 'r.visits', due: '2017-01-04', firstId: 'r.visits:V1', lastId: 'r.visits:V2', size: jsonBytes(EXCEPTIONS.slice(0, 2)), range: 1 },
      { ruleId: 'r.visits', due: '2017-01-10', firstId: 'r.visits:V3', lastId: 'r.visits:V3', size: jsonBytes(EXCEPTIONS.slice(2, 3)), range: 1 },
      { ruleId: 'r.drift', due: '', firstId: 'r.drift:D1', lastId: 'r.drift:D1', size: jsonBytes(EXCEPTIONS.slice(3, 4)), range: 1 },
      { ruleId: 'r.drift', due: '2016-07-01', firstId: 'r.drift:D2', lastId: 'r.drift:D2', size: jsonBytes(EXCEPTIONS.slice(4)), range: 1 },
    ]);
    // The é is two bytes: sizes are bytes, not characters.
    const line = `    ${JSON.stringify(EXCEPTIONS[0])},\n`;
    expect(utf8(line)).toBe(line.length + 1);
  });

  it('measures by the length it is given, line by line, and counts the exceptions, their teams and the rules with people', () => {
    const seen: string[] = [];
    const measured = measureExceptions(RESULT, 'csv', 0, (text) => (seen.push(text), 1000));
    expect(measured.blocks.map((b) => [b.size, b.range])).toEqual([
      [2000, 0],
      [1000, 0],
      [1000, 0],
      [1000, 0],
    ]);
    expect(seen).toEqual([...blocksOf(RESULT, 'csv')].flatMap((b) => b.records.map(b.line)));
    expect(measured.format).toBe('csv');
    expect(measured.count).toBe(5);
    expect(measured.tally).toEqual(tally(RESULT));
    expect(measured.people).toEqual(['r.visits']);
  });

  it('counts a rule as having people for a worker alone, and for a team alone', () => {
    const workerOnly = EXCEPTIONS.map((e) => (e.subject === 'D2' ? { ...e, worker: 'Dee' } : e.subject === 'V1' ? { ...e, team: null, worker: null } : e));
    expect(measureExceptions({ ...RESULT, exceptions: workerOnly }, 'json', 0, utf8).people).toEqual(['r.drift']);
    expect(measureExceptions({ ...RESULT, exceptions: [] }, 'json', 0, utf8)).toEqual({ format: 'json', count: 0, blocks: [], tally: new Map(), people: [] });
  });
});

const block = (ruleId: string, due: string, range: number, size: number, firstId = `${ruleId}:${due}:${range}a`, lastId = `${ruleId}:${due}:${range}z`): Block => ({ ruleId, due, firstId, lastId, size, range });
const measuredOf = (format: 'json' | 'csv', blocks: Block[], more: Partial<Measured> = {}): Measured => ({ format, count: blocks.length, blocks, tally: new Map(), people: [], ...more });

/** Writes that record the places each range's blocks are given (as plain arrays), a tick after being called. */
function recorder() {
  const calls: [number, number, number[]][] = [];
  const write =
    (range: number): WriteBlocks =>
    async (fd, places) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      calls.push([range, fd, Array.from(places)]);
    };
  return { calls, writes: [write(0), write(1)] as const };
}

describe('mergeMeasured', () => {
  // Rule z comes before rule a in the report: rule order, not rule id order.
  const ORDER = ['z', 'a'];
  const a = measuredOf('json', [block('z', '2017-01-01', 0, 10), block('a', '2017-01-05', 0, 20)]);
  const b = measuredOf('json', [block('z', '2017-02-01', 1, 100), block('z', '2017-03-01', 1, 1000), block('a', '2017-01-01', 1, 5)]);

  it('lays the blocks out by the rules\' order, then by due date', () => {
    const merged = mergeMeasured(a, b, ORDER, recorder().writes)!;
    expect(merged.blocks).toEqual([a.blocks[0], b.blocks[0], b.blocks[1], b.blocks[2], a.blocks[1]]);
    expect(mergeMeasured(b, a, ORDER, recorder().writes)!.blocks).toEqual([a.blocks[0], b.blocks[0], b.blocks[1], b.blocks[2], a.blocks[1]]);
  });

  it('puts a rule\'s blocks before a later rule\'s with an earlier due date, from either range', () => {
    const early = measuredOf('json', [block('z', '2017-05-01', 0, 1)]);
    const late = measuredOf('json', [block('a', '2017-01-01', 1, 1)]);
    expect(mergeMeasured(early, late, ORDER, recorder().writes)!.blocks.map((x) => x.ruleId)).toEqual(['z', 'a']);
    expect(mergeMeasured(late, early, ORDER, recorder().writes)!.blocks.map((x) => x.ruleId)).toEqual(['z', 'a']);
  });

  it('keeps two rules\' blocks on the same due date apart, in the rules\' order', () => {
    const later = measuredOf('json', [block('a', '2017-01-01', 0, 1, 'A1', 'A1')]);
    const earlier = measuredOf('json', [block('z', '2017-01-01', 1, 1, 'Z1', 'Z1')]);
    expect(mergeMeasured(later, earlier, ORDER, recorder().writes)!.blocks).toEqual([earlier.blocks[0], later.blocks[0]]);
  });

  it('on a date of both ranges, puts the first range\'s block before the second\'s', () => {
    const x = measuredOf('json', [block('z', '2017-01-01', 0, 1, 'C1', 'C4'), block('z', '2017-02-01', 0, 1, 'C2', 'C2')]);
    const y = measuredOf('json', [block('z', '2017-01-01', 1, 1, 'C5', 'C9'), block('a', '2017-01-01', 1, 1, 'A1', 'A1')]);
    expect(mergeMeasured(x, y, ORDER, recorder().writes)!.blocks).toEqual([x.blocks[0], y.blocks[0], x.blocks[1], y.blocks[1]]);
  });

  it.each([
    ['the first range\'s last id is the second\'s first', 'C5'],
    ['the first range\'s last id is after the second\'s first', 'C6'],
  ])('is null where, on a date of both ranges, %s', (_what, lastId) => {
    const x = measuredOf('json', [block('z', '2017-01-01', 0, 1, 'C1', lastId)]);
    const y = measuredOf('json', [block('z', '2017-01-01', 1, 1, 'C5', 'C9')]);
    expect(mergeMeasured(x, y, ORDER, recorder().writes)).toBeNull();
  });

  it('is null where the ranges were measured in different formats', () => {
    expect(mergeMeasured(a, { ...b, format: 'csv' }, ORDER, recorder().writes)).toBeNull();
  });

  it('adds the counts and tallies, and keeps the format', () => {
    const north = tally({ exceptions: [{ ...exception('z', 'C1'), team: 'North' }] });
    const south = tally({ exceptions: [{ ...exception('z', 'C2'), team: 'South' }, { ...exception('a', 'C3'), team: 'North' }] });
    const merged = mergeMeasured({ ...a, count: 7, tally: north }, { ...b, count: 30, tally: south }, ORDER, recorder().writes)!;
    expect([merged.format, merged.count]).toEqual(['json', 37]);
    expect(merged.tally).toEqual(addTallies(north, south));
    expect(merged.tally.get('North')!.status.exceptions).toBe(2);
  });

  describe('CSV files\' Team and Worker columns', () => {
    const x = measuredOf('csv', [block('z', '2017-01-01', 0, 1), block('a', '2017-01-01', 0, 1)]);
    const y = measuredOf('csv', [block('z', '2017-02-01', 1, 1)]);

    it('is null where a rule with exceptions in both ranges has people in one only', () => {
      expect(mergeMeasured({ ...x, people: ['z'] }, y, ORDER, recorder().writes)).toBeNull();
      expect(mergeMeasured(x, { ...y, people: ['z'] }, ORDER, recorder().writes)).toBeNull();
    });

    it('is null where any one such rule has people in one range only, though others agree', () => {
      const both = measuredOf('csv', [block('z', '2017-02-01', 1, 1), block('a', '2017-02-01', 1, 1)]);
      expect(mergeMeasured({ ...x, people: ['z', 'a'] }, { ...both, people: ['z'] }, ORDER, recorder().writes)).toBeNull();
      expect(mergeMeasured({ ...x, people: ['z', 'a'] }, { ...both, people: ['a', 'z'] }, ORDER, recorder().writes)!.people).toEqual(['a', 'z']);
    });

    it('merges where the ranges agree, or the rule has exceptions in one range only, the rules with people in text order', () => {
      expect(mergeMeasured({ ...x, people: ['z'] }, { ...y, people: ['z'] }, ORDER, recorder().writes)!.people).toEqual(['z']);
      expect(mergeMeasured({ ...x, people: ['z', 'a'] }, { ...y, people: ['z'] }, ORDER, recorder().writes)!.people).toEqual(['a', 'z']);
    });

    it('means nothing to a JSON report', () => {
      const merged = mergeMeasured({ ...x, format: 'json', people: ['z'] }, { ...y, format: 'json', people: ['b'] }, ORDER, recorder().writes);
      expect(merged!.people).toEqual(['b', 'z']);
    });
  });

  describe('fill', () => {
    it('gives each range\'s blocks, by their index in the range, their byte offsets in report order, and waits for both writes', async () => {
      const { calls, writes } = recorder();
      await mergeMeasured(a, b, ORDER, writes)!.fill(7, 50);
      expect(calls.sort((p, q) => p[0] - q[0])).toEqual([
        [0, 7, [50, 1165]],
        [1, 7, [60, 160, 1160]],
      ]);
    });

    it('with a rule, places that rule\'s blocks alone, from the place given, and leaves the rest NaN', async () => {
      const { calls, writes } = recorder();
      const merged = mergeMeasured(a, b, ORDER, writes)!;
      await merged.fill(3, 50, 'a');
      expect(calls.sort((p, q) => p[0] - q[0])).toEqual([
        [0, 3, [NaN, 55]],
        [1, 3, [NaN, NaN, 50]],
      ]);
      calls.length = 0;
      await merged.fill(3, 0, 'z');
      expect(calls.sort((p, q) => p[0] - q[0])).toEqual([
        [0, 3, [0, NaN]],
        [1, 3, [10, 110, NaN]],
      ]);
    });

    it('gives a range with no blocks no places', async () => {
      const { calls, writes } = recorder();
      await mergeMeasured(a, measuredOf('json', []), ORDER, writes)!.fill(1, 0);
      expect(calls.sort((p, q) => p[0] - q[0])).toEqual([
        [0, 1, [0, 10]],
        [1, 1, []],
      ]);
    });
  });
});

/** Exceptions rendered elsewhere, with a fill that records how it was called. */
function rendered(format: 'json' | 'csv', blocks: Block[], people: string[] = []) {
  const fills: [number, number, string | undefined][] = [];
  const r: RenderedExceptions = { ...measuredOf(format, blocks, { count: 5, people }), fill: async (fd, at, ruleId) => void fills.push([fd, at, ruleId]) };
  return { r, fills };
}

describe('the JSON report with its exceptions written by the threads', () => {
  const exceptionsList = (pieces: (string | FilledLater)[]) => pieces.slice(pieces.indexOf('  "exceptions": ') + 1, pieces.indexOf('  "findings": ') - 1);
  const noExceptions = { ...RESULT, exceptions: [] };

  it('has its list of exceptions as [, the blocks less the last line\'s ",\\n", and ]', async () => {
    const { r, fills } = rendered('json', [block('r.visits', '2017-01-04', 0, 300), block('r.drift', '', 1, 45)]);
    const pieces = [...jsonReportPieces(noExceptions, false, [], r)];
    const list = exceptionsList(pieces);
    expect(list.length).toBe(3);
    expect(list[0]).toBe('[\n');
    expect((list[1] as FilledLater).size).toBe(343);
    expect(list[2]).toBe('\n  ]');
    await (list[1] as FilledLater).fill(4, 1000);
    expect(fills).toEqual([[4, 1000, undefined]]);
    expect(pieces.filter((p): p is string => typeof p === 'string').join('')).toContain('"totals": {\n      "rules": 2,\n      "rulesRun": 2,\n      "exceptions": 5,');
  });

  it('writes an empty list as [] when there are no blocks', () => {
    const { r } = rendered('json', []);
    expect(exceptionsList([...jsonReportPieces(noExceptions, false, [], r)])).toEqual(['[]']);
  });

  it('cannot be made from exceptions rendered as CSV', () => {
    const { r } = rendered('csv', [block('r.visits', '2017-01-04', 0, 300)]);
    expect(() => [...jsonReportPieces(noExceptions, false, [], r)]).toThrow('Exceptions written as csv make no JSON report');
  });
});

describe('the CSV rule files with their rows written by the threads', () => {
  const noExceptions = { ...RESULT, exceptions: [] };
  const ruleFiles = (r: RenderedExceptions) => checkTables(noExceptions, r).filter((t) => t.columns.some((c) => c.header === 'Exception ID'));

  it('gives a rule with blocks its blocks\' size to be written later, and rows that are counted but never read', async () => {
    const { r, fills } = rendered('csv', [block('r.visits', '2017-01-04', 0, 300), block('r.drift', '', 1, 0), block('r.visits', '2017-01-10', 1, 45)], ['r.visits']);
    const [visits, drift] = ruleFiles(r);
    expect(visits!.name).toBe('r.visits');
    expect(visits!.later!.size).toBe(345);
    expect(visits!.rows.length).toBe(3);
    expect(() => [...visits!.rows]).toThrow('These rows are written by the threads that found them, into a CSV file only');
    expect(visits!.columns.map((c) => c.header)).toEqual(['Subject', 'Due Date', 'Days Overdue', 'Team', 'Worker', 'Visits', 'Message', 'Severity', 'File', 'Sheet', 'Row', 'Exception ID']);
    await visits!.later!.fill(9, 77);
    expect(fills).toEqual([[9, 77, 'r.visits']]);
    expect(drift!.name).toBe('r.drift');
    expect(drift!.later).toBeUndefined();
    expect(drift!.rows).toEqual([]);
    expect(drift!.columns.map((c) => c.header)).toEqual(['Subject', 'Due Date', 'Days Overdue', 'Message', 'Severity', 'File', 'Sheet', 'Row', 'Exception ID']);
    expect(drift!.printColumns).toBe(3);
    expect(visits!.printColumns).toBe(6);
  });

  it('cannot be made from exceptions rendered as JSON', () => {
    const { r } = rendered('json', [block('r.visits', '2017-01-04', 0, 300)]);
    expect(() => checkTables(noExceptions, r)).toThrow('Exceptions written as json make no CSV file');
  });
});
