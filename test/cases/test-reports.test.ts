// What `comply test` prints of a report (text for a person or CI log, JUnit XML for CI), on
// reports made by hand: every kind of outcome a rule author meets, written out in full.
// (test/rulecheck/test-command.test.ts runs the command itself on broken copies of the pack.)
import { describe, expect, it } from 'vitest';
import type { BoundaryProbe } from '../../src/cases/boundary.js';
import type { CaseResult } from '../../src/cases/run-cases.js';
import { sideBySide } from '../../src/cases/side-by-side.js';
import { testJunit } from '../../src/cases/test-junit.js';
import type { PackTestReport } from '../../src/cases/test-pack.js';
import { testText } from '../../src/cases/test-text.js';

const result = (name: string, fields: Partial<CaseResult> = {}): CaseResult => ({
  ruleId: 'r',
  name,
  passed: true,
  expected: [],
  actual: [],
  expectedNotEvaluable: 0,
  actualNotEvaluable: 0,
  actualWarnings: 0,
  ...fields,
});
const probe = (parameter: string, from: number, to: number, noticedBy?: string): BoundaryProbe => ({ ruleId: 'r', parameter, unit: 'days', from, to, ...(noticedBy ? { noticedBy } : {}) });

/** a.ok passes everything; b.fails has a case that differs and one that cannot run; c.loose passes its one case but misses a boundary. */
const report: PackTestReport = {
  rules: [
    { ruleId: 'a.ok', cases: [result('one'), result('two')], probes: [probe('days', 5, 4, 'one'), probe('days', 5, 6, 'two')] },
    {
      ruleId: 'b.fails',
      cases: [
        result('wrong date', { passed: false, expected: [{ subject: 'C1', dueDate: '2017-01-18' }], actual: [{ subject: 'C1', dueDate: '2017-01-17' }] }),
        result('bad as-of', { passed: false, error: 'asOf "2017-02-30" is not yyyy-mm-dd' }),
        result('fine'),
      ],
      probes: [],
    },
    { ruleId: 'c.loose', cases: [result('only')], probes: [probe('weeks', 0, 1)] },
  ],
  totals: { cases: 6, failed: 2, probes: 3, underTested: 1 },
};

describe('comply test as text', () => {
  it('a line per rule (ok, FAIL or UNDER-TESTED, with counts), each failure in full, then the totals', () => {
    expect(testText(report)).toBe(
      [
        'ok a.ok: 2 of 2 cases pass; 2 of 2 boundary moves noticed',
        'FAIL b.fails: 1 of 3 cases pass; 0 of 0 boundary moves noticed',
        '  case failed: wrong date',
        '      expected            actual',
        '    ! -                   C1 due 2017-01-17',
        '    ! C1 due 2017-01-18   -',
        '  case failed: bad as-of',
        '    could not run: asOf "2017-02-30" is not yyyy-mm-dd',
        'UNDER-TESTED c.loose: 1 of 1 case pass; 0 of 1 boundary move noticed',
        '  under-tested: moving weeks 0 -> 1 days changes no case; add a case on each side of that boundary',
        '',
        'Boundaries: 2 noticed, 1 not noticed',
        'Cases: 4 passed, 2 failed',
        '',
      ].join('\n'),
    );
  });
});

describe('a failed case side by side', () => {
  it('pairs equal exceptions on one line and sets the rest beside a gap, in order, marking each line that differs', () => {
    const c = result('x', {
      expected: [
        { subject: 'A', dueDate: '2017-01-01' },
        { subject: 'B', dueDate: null },
        { subject: 'D', dueDate: '2017-01-04' },
      ],
      actual: [
        { subject: 'A', dueDate: '2017-01-01' },
        { subject: 'C', dueDate: '2017-01-03' },
        { subject: 'D', dueDate: '2017-01-04' },
        { subject: 'E', dueDate: '2017-01-05' },
      ],
    });
    expect(sideBySide(c, '')).toEqual([
      '  expected           actual',
      '  A due 2017-01-01   A due 2017-01-01',
      '! B due (no date)    -',
      '! -                  C due 2017-01-03',
      '  D due 2017-01-04   D due 2017-01-04',
      '! -                  E due 2017-01-05',
    ]);
  });

  it('says when neither side has an exception, and shows rows not evaluable when either side has some', () => {
    expect(sideBySide(result('x', { expectedNotEvaluable: 0, actualNotEvaluable: 2 }))).toEqual([
      '      expected           actual',
      '      (no exceptions)    (no exceptions)',
      '    ! not evaluable: 0   not evaluable: 2',
    ]);
    expect(sideBySide(result('x', { expectedNotEvaluable: 1, actualNotEvaluable: 0 }))).toContain('    ! not evaluable: 1   not evaluable: 0');
    expect(sideBySide(result('x'))).toEqual(['      expected          actual', '      (no exceptions)   (no exceptions)']);
  });

  it('keeps the header its width when every expected cell is a gap, and sets a subject’s undated exception before its dated one', () => {
    expect(sideBySide(result('x', { actual: [{ subject: 'B', dueDate: '2017-01-01' }] }), '')).toEqual(['  expected   actual', '! -          B due 2017-01-01']);
    expect(sideBySide(result('x', { expected: [{ subject: 'B', dueDate: null }], actual: [{ subject: 'B', dueDate: '2017-01-01' }] }), '')).toEqual([
      '  expected          actual',
      '! B due (no date)   -',
      '! -                 B due 2017-01-01',
    ]);
  });
});

describe('comply test as JUnit XML', () => {
  it('a suite per rule, a test per case and per boundary move: failures (mismatch) and errors (could not run) counted and explained', () => {
    expect(testJunit(report)).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="comply test" tests="9" failures="2" errors="1">',
        '  <testsuite name="a.ok" tests="4" failures="0" errors="0" skipped="0">',
        '    <testcase classname="a.ok" name="one"/>',
        '    <testcase classname="a.ok" name="two"/>',
        '    <testcase classname="a.ok" name="boundary: days 5 -&gt; 4 days"/>',
        '    <testcase classname="a.ok" name="boundary: days 5 -&gt; 6 days"/>',
        '  </testsuite>',
        '  <testsuite name="b.fails" tests="3" failures="1" errors="1" skipped="0">',
        '    <testcase classname="b.fails" name="wrong date">',
        '      <failure message="the exceptions differ from those expected" type="mismatch">  expected            actual',
        '! -                   C1 due 2017-01-17',
        '! C1 due 2017-01-18   -</failure>',
        '    </testcase>',
        '    <testcase classname="b.fails" name="bad as-of">',
        '      <error message="asOf &quot;2017-02-30&quot; is not yyyy-mm-dd" type="could-not-run">asOf &quot;2017-02-30&quot; is not yyyy-mm-dd</error>',
        '    </testcase>',
        '    <testcase classname="b.fails" name="fine"/>',
        '  </testsuite>',
        '  <testsuite name="c.loose" tests="2" failures="1" errors="0" skipped="0">',
        '    <testcase classname="c.loose" name="only"/>',
        '    <testcase classname="c.loose" name="boundary: weeks 0 -&gt; 1 days">',
        '      <failure message="under-tested: moving weeks 0 -&gt; 1 days changes no case" type="mismatch">under-tested: moving weeks 0 -&gt; 1 days changes no case; add a case on each side of that boundary</failure>',
        '    </testcase>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });

  it('escapes what XML must escape and drops what it cannot hold, keeping tabs, line ends and characters beyond the BMP', () => {
    const odd: PackTestReport = {
      rules: [{ ruleId: 'a&b', cases: [result('<x> & "y"\u0001\u0008\u000b\ufffe\ud800 \t\r\n😀 é')], probes: [] }],
      totals: { cases: 1, failed: 0, probes: 0, underTested: 0 },
    };
    expect(testJunit(odd)).toContain('    <testcase classname="a&amp;b" name="&lt;x&gt; &amp; &quot;y&quot; \t\r\n😀 é"/>');
  });
});
