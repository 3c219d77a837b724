// Reading last week's JSON report as a baseline: what is kept of each exception, what is put
// right when a field is missing or odd, and the plain reason a file cannot be a baseline.
import { describe, expect, it } from 'vitest';
import { BaselineError, parseBaseline, parseBaselineText } from '../../src/baseline/baseline.js';
import { ruleChanges } from '../../src/baseline/compare-baseline.js';

const NAME = 'week1.json';
const exception = {
  id: 'drift.cin-open-over-6-months:A:2016-09-01',
  ruleId: 'drift.cin-open-over-6-months',
  severity: 'medium',
  subject: 'A',
  dueDate: '2016-09-01',
  message: 'Child in need case open 10 months',
  team: 'North',
  worker: 'Ann',
  columns: { 'CIN Start Date': '2016-03-01', 'Days Open': 323, Nested: { no: 1 } },
  source: { file: 'list6.csv', sheet: 'List 6', row: 2 },
  firstSeen: '2016-12-21',
};
const report = (extra: Record<string, unknown> = {}) => ({ asOf: '2017-01-04', exceptions: [exception], ...extra });

describe('a JSON report read as a baseline', () => {
  it('reads the text of a report saved with a byte order mark (as Notepad does), on the command line and in the page alike', () => {
    expect(parseBaselineText(`\uFEFF${JSON.stringify(report())}`, NAME)).toEqual(parseBaseline(report(), NAME));
  });

  it('keeps each exception as written, a column that is not text or a number read as empty', () => {
    expect(parseBaseline(report(), NAME)).toEqual({
      asOf: '2017-01-04',
      exceptions: [{ ...exception, columns: { 'CIN Start Date': '2016-03-01', 'Days Open': 323, Nested: null } }],
    });
  });

  it('an exception with only an id and a rule: empty texts, no dates, severity info, no sheet, row 0, never seen before', () => {
    const { exceptions } = parseBaseline({ asOf: '2017-01-04', exceptions: [{ id: 'x', ruleId: 'r', severity: 'urgent', source: { sheet: 3, row: '2' }, firstSeen: '2016-02-30' }] }, NAME);
    expect(exceptions).toEqual([
      { id: 'x', ruleId: 'r', severity: 'info', subject: '', dueDate: null, message: '', team: null, worker: null, columns: {}, source: { file: '', row: 0 } },
    ]);
  });

  it.each(['high', 'medium', 'low', 'info'])('keeps severity %s', (severity) => {
    expect(parseBaseline(report({ exceptions: [{ ...exception, severity }] }), NAME).exceptions[0]!.severity).toBe(severity);
  });

  it("keeps the rules of the baseline's manifest, and none when it has no manifest", () => {
    const manifest = { ruleSet: { rules: [{ id: 'drift.cin-open-over-6-months', version: 1, sha256: 'ab' }, 'not a rule'] } };
    expect(parseBaseline(report({ manifest }), NAME).rules).toEqual([{ id: 'drift.cin-open-over-6-months', version: 1, sha256: 'ab' }]);
    for (const odd of [undefined, {}, { ruleSet: {} }, { ruleSet: { rules: 'all' } }, []]) {
      expect(parseBaseline(report({ manifest: odd }), NAME), JSON.stringify(odd)).not.toHaveProperty('rules');
    }
  });

  it.each([
    [null, 'week1.json is not a csc-comply JSON report (no "asOf" date): make the baseline with --format json'],
    [[], 'week1.json is not a csc-comply JSON report (no "asOf" date): make the baseline with --format json'],
    [{ exceptions: [] }, 'week1.json is not a csc-comply JSON report (no "asOf" date): make the baseline with --format json'],
    [{ asOf: 20170104, exceptions: [] }, 'week1.json is not a csc-comply JSON report (no "asOf" date): make the baseline with --format json'],
    [{ asOf: '04/01/2017', exceptions: [] }, 'week1.json is not a csc-comply JSON report (no "asOf" date): make the baseline with --format json'],
    [{ asOf: '2017-01-04' }, "week1.json has no exception list (made with --aggregate-only?): use last week's full JSON report"],
    [{ asOf: '2017-01-04', exceptions: [exception, { id: 'x' }] }, 'week1.json: exceptions[1] has no "id" and "ruleId": is it a csc-comply JSON report?'],
    [{ asOf: '2017-01-04', exceptions: [{ ruleId: 'r' }] }, 'week1.json: exceptions[0] has no "id" and "ruleId": is it a csc-comply JSON report?'],
    [{ asOf: '2017-01-04', exceptions: ['x'] }, 'week1.json: exceptions[0] has no "id" and "ruleId": is it a csc-comply JSON report?'],
  ])('refuses %j, saying why', (json, message) => {
    expect(() => parseBaseline(json, NAME)).toThrow(new BaselineError(message));
  });
});

describe('rule changes between two runs', () => {
  const rule = (id: string, version = 1, sha256 = 'a') => ({ id, version, sha256 });
  it('names the rules added, removed, and changed in version or definition', () => {
    expect(ruleChanges([rule('same'), rule('gone'), rule('newer'), rule('edited')], [rule('same'), rule('newer', 2), rule('edited', 1, 'b'), rule('added')])).toEqual({
      added: ['added'],
      removed: ['gone'],
      changed: ['newer', 'edited'],
    });
  });
});
