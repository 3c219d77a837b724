// The text report a terminal or CI log shows, line by line, judged against a check built in memory.
import { describe, expect, it } from 'vitest';
import { ukIso } from '../../src/engine/format.js';
import { findingsByLevel, overviewText, textReport } from '../../src/report/text.js';
import { printable, printableLines } from '../../src/report/printable.js';
import { noRuleRan } from '../../src/report/not-checked.js';
import type { Finding } from '../../src/findings/finding.js';
import { checkResult, exception, HOMES, rule, VISITS, weeklyResult } from './check-result.js';

const HEAD = [
  'csc-comply check as of 18/01/2017',
  '',
  'Inputs: 2 sheet(s) recognised, 1 not recognised',
  '  cin.xlsx [CIN]: cin, 11 rows',
  '  cin.xlsx [Old] (hidden sheet): cin, 2 rows',
  '  notes.csv: not recognised',
  'Rows: 16 read = 13 evaluated + 3 reported in findings (1 blank rows skipped)',
  '',
];
const RULES = [
  'Rule                                      Checked  Exceptions  Not evaluable',
  'cin.visits                                      9           2              0',
  'cin.drift                                       5           3              1',
  'homes.reg44                               not run: input missing',
];
const MANIFEST_LINES = [
  '',
  `Run manifest: csc-comply 0.1.0, check as of 2017-01-18, rule set ${'f'.repeat(64)}`,
  `  rule cin.visits v1 ${'a'.repeat(64)}`,
  `  rule cin.drift v2 ${'b'.repeat(64)}`,
  `  input cin.xlsx 12345 bytes ${'c'.repeat(64)}`,
];

describe('the text report', () => {
  it('inputs, rows, each rule, each exception with who holds it, the findings grouped, the manifest', () => {
    expect(textReport(checkResult()).split('\n')).toEqual([
      ...HEAD,
      ...RULES,
      '',
      'CIN visits every 20 working days (cin.visits): 2',
      '  C1             due 04/01/2017  North / Ann  C1 is overdue',
      '  C2             due 20/01/2017  South / Bob  C2 is overdue',
      '',
      'CIN open over 6 months (cin.drift): 3',
      '  C3             due 01/07/2016  North / Ann  C3 is overdue',
      '  C4             due 01/01/2015  North / Cat  C4 is overdue',
      '  C5             due 25/12/2016  C5 is overdue',
      '',
      'Findings: 1 error, 2 warning, 1 info',
      '  1 x unreadable-value in cin.xlsx [CIN] "CIN Start Date", row 9: Not a date: "31/02/2016"',
      '  1 x rule-not-run (homes.reg44): Regulation 44 visits was not run: no homes list among the inputs',
      '  1 x not-evaluable (cin.drift) in cin.xlsx [CIN] "CIN Start Date", row 9: CIN open over 6 months could not judge row 9: no CIN Start Date',
      ...MANIFEST_LINES,
      '',
    ]);
  });

  it('counts only: no exception and no finding line', () => {
    expect(textReport(checkResult(), 20, true).split('\n')).toEqual([...HEAD, ...RULES, '', 'Findings: 1 error, 2 warning, 1 info', ...MANIFEST_LINES, '']);
    expect(textReport(checkResult({ manifest: undefined }), 20, true).split('\n').slice(-3)).toEqual(['', 'Findings: 1 error, 2 warning, 1 info', '']);
  });

  it('at most perRule lines of each list, saying how many more', () => {
    const many: Finding[] = [4, 5].map((row) => ({ kind: 'unreadable-value', level: 'error', file: 'cin.xlsx', row, column: 'Date', message: 'Not a date' }));
    const lines = textReport(checkResult({ findings: [...checkResult().findings, ...many] }), 1).split('\n');
    expect(lines).toContain('  ... and 1 more (the xlsx, csv, json and html formats list them all)');
    expect(lines).toContain('  ... and 2 more (the xlsx, csv, json and html formats list them all)');
    expect(lines.filter((l) => l.startsWith('  C'))).toEqual(['  C1             due 04/01/2017  North / Ann  C1 is overdue', '  C3             due 01/07/2016  North / Ann  C3 is overdue']);
    expect(lines).toContain('  ... and 3 more kinds (the xlsx and json formats list every finding)');
    expect(lines.filter((l) => / x /.test(l))).toEqual(['  2 x unreadable-value in cin.xlsx "Date", rows 4, 5: Not a date']);
    expect(textReport(checkResult(), 2).split('\n').filter((l) => l.includes('... and'))).toEqual(['  ... and 1 more (the xlsx, csv, json and html formats list them all)', '  ... and 1 more kinds (the xlsx and json formats list every finding)']);
    expect(textReport(checkResult(), 3)).not.toContain('... and');
  });

  it('against a baseline: new, open and resolved per rule, each exception tagged, the resolved listed', () => {
    const lines = textReport(weeklyResult()).split('\n');
    expect(lines.slice(7, 14)).toEqual([
      '',
      'Compared with last-week.json (as of 11/01/2017)',
      '',
      'Rule                                      Checked  Exceptions  Not evaluable   New  Open  Resolved',
      'cin.visits                                      9           2              0     1     1         1',
      'cin.drift                                       5           3              1     2     1         0',
      'homes.reg44                               not run: input missing',
    ]);
    expect(lines).toContain('  [open 3w] C1             due 04/01/2017  North / Ann  C1 is overdue');
    expect(lines).toContain('  [new] C2             due 20/01/2017  South / Bob  C2 is overdue');
    const resolved = lines.indexOf('Resolved since 11/01/2017: 1');
    expect(lines.slice(resolved - 1, resolved + 2)).toEqual(['', 'Resolved since 11/01/2017: 1', '  C9             cin.visits, first seen 21/12/2016']);
  });

  it('resolved beyond perRule are counted; one never seen says none', () => {
    const week = weeklyResult();
    const resolved = [exception('cin.visits', 'R1', { status: 'resolved' }), exception('cin.visits', 'R2', { status: 'resolved' })];
    const lines = textReport({ ...week, baseline: { ...week.baseline!, resolved } }, 1).split('\n');
    expect(lines).toContain('Resolved since 11/01/2017: 2');
    expect(lines).toContain('  R1             cin.visits, first seen none');
    expect(lines).not.toContain('  R2             cin.visits, first seen none');
    expect(lines).toContain('  ... and 1 more');
  });

  it('an exception with no due date says none; a team alone or a worker alone is shown alone', () => {
    const result = checkResult({ rules: [VISITS], exceptions: [exception('cin.visits', 'N1', { dueDate: null, worker: 'Eve' }), exception('cin.visits', 'N2', { team: 'West' })] });
    const lines = textReport(result).split('\n');
    expect(lines).toContain('  N1             due none  Eve  N1 is overdue');
    expect(lines).toContain('  N2             due 02/01/2017  West  N2 is overdue');
  });

  it('a control character in a cell or a file name is shown escaped: it can neither drive the terminal nor forge a line', () => {
    const result = checkResult({ exceptions: [exception('cin.visits', 'A\u001b[2JB\nC1 forged', { team: 'T\u202eam' })] });
    const text = textReport(result);
    expect(text).toContain('  A\\x1b[2JB\\nC1 forged due 02/01/2017  T\\u202eam  A\\x1b[2JB\\nC1 forged is overdue');
    expect(text).not.toContain('\u001b');
    expect(text).not.toContain('\u202e');
  });

  it('an overview as a fixed-width table, dates as dd/mm/yyyy, blanks empty', () => {
    const overview = {
      id: 'homes', title: 'Homes', sheetName: 'Homes',
      columns: [{ label: 'Home', kind: 'text' as const }, { label: 'Last Visit', kind: 'date' as const }, { label: 'Visits', kind: 'number' as const }],
      rows: [['Oak House', '2017-01-02', 12], ['Ash', null, 3]],
    };
    expect(overviewText(overview)).toEqual(['', 'Homes (2)', '  Home       Last Visit  Visits', '  Oak House  02/01/2017  12', '  Ash                    3']);
    expect(textReport(checkResult({ overviews: [overview] }))).toContain('\n\nHomes (2)\n  Home       Last Visit  Visits\n');
  });
});

describe('ukIso, the date every report shows (text, drift list, check page, trend page)', () => {
  it('an ISO date as dd/mm/yyyy, day and month padded to two digits; no date says none', () => {
    expect(ukIso('2017-01-18')).toBe('18/01/2017');
    expect(ukIso('2016-03-05')).toBe('05/03/2016');
    expect(ukIso(null)).toBe('none');
  });
});

describe('findings by level', () => {
  const finding = (level: Finding['level']): Finding => ({ kind: 'unreadable-value', level, file: 'cin.xlsx', message: 'x' });

  it('how many of each level, most serious first, whatever order they came in; a level with none says 0', () => {
    expect(findingsByLevel([finding('info'), finding('warning'), finding('error'), finding('warning')])).toBe('1 error, 2 warning, 1 info');
    expect(findingsByLevel([finding('warning')])).toBe('0 error, 1 warning, 0 info');
    expect(findingsByLevel([])).toBe('0 error, 0 warning, 0 info');
  });
});

describe('printable', () => {
  it('escapes every control character, DEL, C1 controls, line separators and bidirectional overrides; keeps other text', () => {
    expect(printable('a\tb\rc\nd')).toBe('a\\tb\\rc\\nd');
    expect(printable('\u0000\u0007\u001b\u001f\u007f\u0080\u009b\u009f')).toBe('\\x00\\x07\\x1b\\x1f\\x7f\\x80\\x9b\\x9f');
    expect(printable('\u2028\u2029\u202a\u202e\u2066\u2069')).toBe('\\u2028\\u2029\\u202a\\u202e\\u2066\\u2069');
    expect(printable(' ~\u00a0é\u2027\u202f\u2065\u206a£')).toBe(' ~\u00a0é\u2027\u202f\u2065\u206a£');
  });

  it('of several lines: each line escaped, the line breaks kept', () => {
    expect(printableLines('one\u001b\ntwo\r')).toBe('one\\x1b\ntwo\\r');
  });
});

describe('a check where no rule ran', () => {
  it('says NOT CHECKED, with how many rules could not run; nothing when one ran', () => {
    expect(noRuleRan(checkResult({ rules: [HOMES, rule('x', { ran: false })] }))).toBe('NOT CHECKED: none of the 2 rule(s) could run: no input for any of them (see the findings)');
    expect(noRuleRan(checkResult())).toBeUndefined();
  });
});
