// Each broken or hostile input in test/hostile/corpus/ and what the user is told about it.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAKE_PERSON, hostileCorpus } from '../../scripts/hostile/corpus.js';
import { complyHere, tempDir } from '../helpers/cli.js';
import { checkJson, corpus, notable, type JsonReport } from '../helpers/corpus.js';

const LIST_6 = 'Annex A List 6: children in need';
const subjects = (r: JsonReport) => r.exceptions.map((e) => e.subject);
const findingsOf = (r: JsonReport, kind: string) => r.findings.filter((f) => f.kind === kind);

describe('the committed corpus', () => {
  it('is what scripts/hostile/corpus.ts generates', () => {
    for (const [name, bytes] of hostileCorpus()) expect(Buffer.compare(readFileSync(corpus(name)), bytes), name).toBe(0);
  });
});

describe('files that cannot be read: exit 2 and one plain line naming the file', () => {
  const cases: [string, string][] = [
    ['not-a-spreadsheet.xlsx', 'is not a spreadsheet: the tool reads .xlsx, .xlsm, .xlsb, .xls, .ods, .csv and .txt files'],
    ['minutes.pdf.csv', 'is not a spreadsheet (it is a PDF): the tool reads .xlsx, .xlsm, .xlsb, .xls, .ods, .csv and .txt files'],
    ['truncated.xlsx', 'is damaged or incomplete: open it in Excel and save it again, or export it again'],
    ['not-a-workbook.xlsx', 'is a zip file with no workbook in it (a Word document or another archive?)'],
    ['password-protected.xlsx', 'is password-protected: remove the password and save again'],
    ['zip-bomb.xlsx', 'would unpack to 40950 MB, over the limit of 256 MB; if the file is genuine, raise the limit with --max-input-mb'],
    ['empty.csv', 'is empty (0 bytes): export it again, or remove it from the inputs'],
  ];
  it.each(cases)('%s', async (name, message) => {
    const run = await complyHere('check', '--data', corpus(name), '--as-of', '2017-01-18');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^comply: [^\n]+\n$/);
    expect(run.stderr).toContain(`comply: ${corpus(name)} ${message}`);
  });

  it('the size limit is configurable with --max-input-mb', async () => {
    const small = await complyHere('check', '--data', corpus('title-rows.xlsx'), '--as-of', '2017-01-18', '--max-input-mb', '0.01');
    expect(small.status).toBe(2);
    expect(small.stderr).toContain('title-rows.xlsx would unpack to 16 KB, over the limit of 0.01 MB');
    const tiny = await complyHere('check', '--data', corpus('title-rows.xlsx'), '--as-of', '2017-01-18', '--max-input-mb', '0.001');
    expect(tiny.stderr).toContain('title-rows.xlsx is 9 KB, over the limit of 0.001 MB');
    expect((await complyHere('check', '--data', corpus('title-rows.xlsx'), '--as-of', '2017-01-18', '--max-input-mb', '1')).status).toBe(0);
    const bad = await complyHere('check', '--data', corpus('title-rows.xlsx'), '--max-input-mb', 'lots');
    expect(bad).toMatchObject({ status: 2, stderr: 'comply: --max-input-mb must be a number of megabytes above 0 (got "lots")\n' });
  });
});

describe('sheets that are read, with findings where something is wrong', () => {
  it('an old .xls workbook is read like an .xlsx', async () => {
    const r = await checkJson(corpus('old-format.xls'));
    expect(r.summary.inputs).toMatchObject([{ sheet: 'List 6', dataset: 'annex-a-list-6', rows: 2 }]);
    expect(subjects(r)).toEqual(['C102']);
  });

  it('an Excel binary workbook (.xlsb) in a folder is read', async () => {
    const dir = tempDir();
    copyFileSync(corpus('binary-workbook.xlsb'), join(dir, 'list6.xlsb'));
    const r = await checkJson(dir);
    expect(r.summary.inputs).toMatchObject([{ dataset: 'annex-a-list-6', rows: 1 }]);
    expect(subjects(r)).toEqual(['B1']);
  });

  it('headers only: recognised, nothing to judge, and said so', async () => {
    const r = await checkJson(corpus('headers-only.xlsx'));
    expect(r.summary.inputs).toMatchObject([{ dataset: 'annex-a-list-6', rows: 0 }]);
    expect(notable(r)).toMatchObject([{ kind: 'no-rows', level: 'info', sheet: 'List 6', message: `Headers only: ${LIST_6} with no data rows` }]);
  });

  it('title rows above the header row are skipped and rows keep their Excel numbers', async () => {
    const r = await checkJson(corpus('title-rows.xlsx'));
    expect(r.summary.inputs).toMatchObject([{ headerRow: 4, rows: 1 }]);
    expect(r.exceptions).toMatchObject([{ subject: 'C103', source: { sheet: 'List 6', row: 5 } }]);
  });

  it('a duplicated header: the first column is used and the repeat is a finding', async () => {
    const r = await checkJson(corpus('duplicate-headers.csv'));
    expect(notable(r)).toMatchObject([{ kind: 'suspicious-value', row: 1, column: 'CIN Start Date', message: 'Header "CIN Start Date" appears more than once; the first such column is used' }]);
    expect(r.exceptions).toMatchObject([{ subject: 'C104', dueDate: '2016-12-01' }]);
  });

  it('a required column missing: says which, and which dataset the sheet looks like', async () => {
    const r = await checkJson(corpus('missing-column.csv'));
    const [finding, ...more] = findingsOf(r, 'unknown-dataset');
    expect(more).toEqual([]);
    expect(finding).toMatchObject({ level: 'warning' });
    expect(finding!.message.startsWith(`Looks like ${LIST_6} but lacks the required column(s) "CIN Closure Date", so the sheet was skipped (2 non-empty rows)`)).toBe(true);
  });

  it('a sheet matching no dataset: lists the closest', async () => {
    const r = await checkJson(corpus('no-dataset.csv'));
    const [finding] = findingsOf(r, 'unknown-dataset');
    expect(finding!.message).toMatch(/^Matches no known dataset, so the sheet was skipped \(2 non-empty rows\)\. Closest: [^(]+ \(missing "[^"]+"/);
  });

  it('a sheet with no header the tool knows: lists what the tool reads', async () => {
    const r = await checkJson(corpus('no-known-header.csv'));
    const [finding] = findingsOf(r, 'unknown-dataset');
    expect(finding!.message).toMatch(/^Matches no known dataset: no row in the first 20 has a header the tool knows, so the sheet was skipped \(2 non-empty rows\)\. The tool reads: /);
    expect(finding!.message).toContain(LIST_6);
  });

  it.each([['utf8-bom.csv', '007'], ['utf16.csv', '008'], ['semicolon.csv', '009']])('%s is read, IDs keep their leading zeros', async (name, id) => {
    const r = await checkJson(corpus(name));
    expect(r.summary.inputs).toMatchObject([{ dataset: 'annex-a-list-6', rows: 1 }]);
    expect(r.exceptions).toMatchObject([{ subject: id, dueDate: '2016-12-01' }]);
  });

  it('dates as text in mixed formats: UK and ISO forms read, anything else a finding with row, column and value', async () => {
    const r = await checkJson(corpus('mixed-dates.csv'));
    expect(subjects(r)).toEqual(['D1', 'D2', 'D3', 'D4', 'D5']);
    expect(findingsOf(r, 'unreadable-value')).toMatchObject([
      { row: 7, column: 'CIN Start Date', value: '1st June 2016', message: 'CIN Start Date: not a date (expected dd/mm/yyyy, yyyy-mm-dd or an Excel date)' },
      { row: 8, column: 'CIN Start Date', value: FAKE_PERSON },
    ]);
    expect(r.summary.rules[0]!.counts).toMatchObject({ considered: 7, exceptions: 5, notEvaluable: 2 });
  });

  it('31/02/2017 is a finding, never a pass', async () => {
    const r = await checkJson(corpus('impossible-date.csv'));
    expect(findingsOf(r, 'unreadable-value')).toMatchObject([{ row: 2, column: 'CIN Start Date', value: '31/02/2017', message: 'CIN Start Date: 31 February 2017 does not exist' }]);
    expect(r.summary.rules[0]!.counts).toMatchObject({ passed: 0, notEvaluable: 1 });
  });

  it('a column of US month-first dates is reported, not guessed', async () => {
    const r = await checkJson(corpus('us-dates.csv'));
    const column = notable(r).filter((f) => f.kind === 'suspicious-value');
    expect(column).toMatchObject([{ row: 1, column: 'CIN Start Date', level: 'warning' }]);
    expect(column[0]!.message).toContain('looks like US month-first dates: 2 values have a second number over 12 and none a first number over 12');
    const unread = findingsOf(r, 'unreadable-value');
    expect(unread.map((f) => f.value)).toEqual(['06/13/2016', '06/25/2016', '03/04/2016']);
    expect(unread[2]!.message).toContain('looks like US month-first dates (mm/dd/yyyy)');
    expect(subjects(r)).toEqual(['U4']);
  });

  it("Excel's serial 60 (29/02/1900, which never was) is a finding; 61 is 1 March 1900", async () => {
    const r = await checkJson(corpus('serial-60.xlsx'));
    expect(findingsOf(r, 'unreadable-value')).toMatchObject([
      { row: 2, value: '60', message: 'CIN Start Date: Excel date 60 is 29 February 1900, which does not exist (a known Excel quirk)' },
    ]);
    expect(r.exceptions).toMatchObject([{ subject: 'S61', columns: { 'CIN Start Date': '1900-03-01' } }]);
  });

  it('date-times in date cells are read as their date', async () => {
    const r = await checkJson(corpus('date-times.xlsx'));
    expect(r.exceptions.map((e) => [e.subject, e.columns['CIN Start Date']])).toEqual([
      ['T1', '2016-06-01'], ['T2', '2016-06-01'], ['T3', '2016-06-01'],
    ]);
  });

  it("formulas are read through their cached values; a formula's #N/A is empty", async () => {
    const r = await checkJson(corpus('formulas.xlsx'));
    expect(r.exceptions.map((e) => [e.subject, e.dueDate])).toEqual([['F1', '2016-12-01'], ['F2', '2016-12-02']]);
    expect(findingsOf(r, 'unreadable-value')).toEqual([]);
  });

  it('merged cells read their value across the merged area; hidden rows and columns are read', async () => {
    const r = await checkJson(corpus('merged-hidden.xlsx'));
    expect(r.exceptions.map((e) => [e.subject, e.team, e.worker])).toEqual([['M2', 'Team Merged', 'Worker B'], ['M3', 'Team Merged', 'Worker C']]);
    expect(r.summary.rules[0]!.counts.considered).toBe(3);
  });

  it('a sheet declaring the whole grid (A1:XFD1048576) is read as the cells it holds', async () => {
    const r = await checkJson(corpus('whole-grid.xlsx'));
    expect(r.summary.inputs).toMatchObject([{ dataset: 'annex-a-list-6', rows: 1, blankRows: 0 }]);
    expect(subjects(r)).toEqual(['G1']);
  });

  it('hidden sheets are read, and the inputs summary says they are hidden', async () => {
    const r = await checkJson(corpus('hidden-sheet.xlsx'));
    expect(r.summary.inputs).toMatchObject([{ sheet: 'Cover', dataset: null }, { sheet: 'List 6', hidden: true, dataset: 'annex-a-list-6', rows: 1 }]);
    expect(subjects(r)).toEqual(['H1']);
    const text = await complyHere('check', '--data', corpus('hidden-sheet.xlsx'), '--as-of', '2017-01-18');
    expect(text.stdout).toContain('hidden-sheet.xlsx [List 6] (hidden sheet): annex-a-list-6, 1 rows');
    expect(text.stdout).toContain('Rows: 2 read = 1 evaluated + 1 reported in findings (0 blank rows skipped)');
  });

  it('a 100,000-character cell is a finding and the run completes', async () => {
    const r = await checkJson(corpus('long-cell.csv'));
    expect(findingsOf(r, 'unreadable-value')).toMatchObject([{ row: 2, column: 'CIN Start Date' }]);
    expect(findingsOf(r, 'unreadable-value')[0]!.value).toHaveLength(100_000);
    expect(subjects(r)).toEqual(['L2']);
  });

  it('the same child twice: both rows judged, the repeat a finding, one exception', async () => {
    const r = await checkJson(corpus('same-child-twice.csv'));
    expect(findingsOf(r, 'duplicate-subject')).toMatchObject([{ row: 3, column: 'Child Unique ID', value: 'C200', message: 'Child Unique ID also appears at row 2; both rows are judged' }]);
    expect(r.summary.rules[0]!.counts).toMatchObject({ considered: 2, exceptions: 1, merged: 1 });
  });

  it('__proto__, constructor and prototype as headers are ignored and pollute nothing', async () => {
    const r = await checkJson(corpus('proto-headers.csv'));
    expect(subjects(r)).toEqual(['P1']);
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('issue 24, part A', () => {
  it('a stray quote (a worker typed "O\'Brien) swallows no row: every child is judged, and a finding names the row and the lines', async () => {
    const r = await checkJson(corpus('stray-quote.csv'));
    expect(r.summary.inputs).toMatchObject([{ dataset: 'annex-a-list-6', rows: 12 }]);
    expect(subjects(r).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `Q${i + 1}`).sort());
    expect(r.exceptions.find((e) => e.subject === 'Q3')!.worker).toBe('"O\'Brien');
    expect(notable(r)).toMatchObject([
      {
        kind: 'suspicious-value',
        level: 'warning',
        row: 4,
        message: expect.stringMatching(/^A quote opens the cell in column E and would take in the 6 line\(s\) after it, up to its closing quote, as one cell, and they look like rows of their own: read as a stray quote/),
      },
    ]);
  });

  it.each([
    ['stray-quote-narrow.csv', 4, 'A'],
    ['stray-quote-header.csv', 1, 'B'],
  ])('%s: a stray quote in a file of two columns or in its header row swallows no row, and a finding names the row and the lines', async (name, row, column) => {
    const r = await checkJson(corpus(name));
    expect(r.summary.inputs).toMatchObject([{ dataset: 'supervision', headerRow: 1, rows: 12 }]);
    expect(r.summary.rows.read).toBe(12);
    expect(findingsOf(r, 'suspicious-value')).toMatchObject([
      { level: 'warning', row, message: expect.stringMatching(new RegExp(`^A quote opens the cell in column ${column} and would take in the 5 line\\(s\\) after it, up to its closing quote, as one cell, and they look like rows of their own`)) },
    ]);
  });

  it('an episode with no RNE: the child counted on it is not evaluable, a finding naming the row and column, never a placement silently fewer', async () => {
    const run = await complyHere('check', '--data', corpus('episode-no-rne.csv'), '--as-of', '2017-03-31', '--format', 'json');
    const r = JSON.parse(run.stdout) as JsonReport;
    expect(r.summary.rules.find((rule) => rule.ruleId === 'stability.three-placements-in-12-months')!.counts).toMatchObject({ exceptions: 0, notEvaluable: 1 });
    expect(findingsOf(r, 'not-evaluable')).toMatchObject([
      { row: 4, column: 'RNE', message: "stability.three-placements-in-12-months could not judge this row: RNE is empty, so whether the row meets the rule's test of it (textIn) cannot be told" },
    ]);
  });

  it('comply drift lists the children whose start date cannot be read, without quoting the cell', async () => {
    const run = await complyHere('drift', '--data', corpus('mixed-dates.csv'), '--as-of', '2017-01-18');
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines).toContain('Not judged: 2 row(s) the drift rule(s) could not judge (put the cell right and run again)');
    expect(lines.filter((l) => / row [78] "CIN Start Date": drift\.cin-open-over-6-months could not judge this row/.test(l))).toHaveLength(2);
    expect(run.stdout).not.toContain(FAKE_PERSON);
  });

  it('comply drift on a sheet it does not recognise says NOT CHECKED and exits 3', async () => {
    const run = await complyHere('drift', '--data', corpus('no-known-header.csv'), '--as-of', '2017-01-18');
    expect(run.status).toBe(3);
    expect(run.stdout).toMatch(/^Drift list as of 18\/01\/2017: NOT CHECKED\n/);
    expect(run.stderr).toMatch(/^comply: NOT CHECKED: drift\.cin-open-over-6-months was not run/);
  });
});

describe('text that is not what a .csv should hold: said what it is and how to save it', () => {
  it.each([
    ['utf16-no-bom.csv', 'is UTF-16 text without a byte order mark, which cannot be told from binary content: save it as UTF-8 (in Excel: Save As, "CSV UTF-8 (Comma delimited)")'],
    ['nul-byte.csv', 'holds binary content (NUL bytes), not text: export it again, or save it as UTF-8 (in Excel: Save As, "CSV UTF-8 (Comma delimited)")'],
  ])('%s', async (name, message) => {
    const run = await complyHere('check', '--data', corpus(name), '--as-of', '2017-01-18');
    expect(run).toMatchObject({ status: 2, stdout: '', stderr: `comply: ${corpus(name)} ${message}\n` });
  });
});

describe('text encodings: UTF-8 found file by file, the rest read as Windows-1252, each said', () => {
  it('UTF-8 with one stray byte is read as UTF-8, the damaged byte a finding', async () => {
    const r = await checkJson(corpus('utf8-stray-byte.csv'));
    expect(r.exceptions.map((e) => [e.subject, e.team, e.worker])).toEqual([['S1', '\u00c9quipe Est', 'Zo\u00eb'], ['S2', '\u00c9quipe Est', 'Worker\ufffds']]);
    expect(findingsOf(r, 'suspicious-value')).toMatchObject([
      { level: 'warning', message: 'UTF-8 text with 1 damaged character(s), byte(s) that are not UTF-8, each read as "\ufffd": find and correct them in the file' },
    ]);
  });

  it('Windows-1252 is read as Windows-1252 (’ and Œ whole), and said so', async () => {
    const r = await checkJson(corpus('windows-1252.csv'));
    expect(r.exceptions.map((e) => [e.team, e.worker])).toEqual([['Team O\u2019Brien', '\u0152uvre Ren\u00e9e']]);
    expect(findingsOf(r, 'suspicious-value')).toMatchObject([{ level: 'info', message: expect.stringMatching(/^Not UTF-8, so read as Windows-1252/) }]);
  });

  it('bytes that are neither UTF-8 nor Windows-1252 are a warning', async () => {
    const r = await checkJson(corpus('neither-encoding.csv'));
    expect(findingsOf(r, 'suspicious-value').map((f) => [f.level, f.message.split(' (')[0]])).toEqual([
      ['warning', '1 byte(s) are neither UTF-8 nor Windows-1252'],
      ['info', 'Not UTF-8, so read as Windows-1252'],
    ]);
  });
});

describe('formulas saved with no value', () => {
  it('are findings saying to open the file in Excel and save it, never read as empty', async () => {
    const r = await checkJson(corpus('formulas-not-saved.xlsx'));
    const message = 'a formula with no saved value: open the file in Excel and save it, so that Excel works the value out';
    expect(findingsOf(r, 'unreadable-value')).toMatchObject([
      { row: 2, column: 'CIN Start Date', message: `CIN Start Date: ${message}` },
      { row: 3, column: 'CIN Closure Date', message: `CIN Closure Date: ${message}` },
    ]);
    expect(r.exceptions).toEqual([]);
    expect(r.summary.rules[0]!.counts).toMatchObject({ considered: 2, notEvaluable: 2 });
  });
});

describe('control characters never reach the terminal raw', () => {
  const raw = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

  it('escape sequences and backspaces in cells are escaped in the text report', async () => {
    const run = await complyHere('check', '--data', corpus('terminal-escapes.csv'), '--as-of', '2017-01-18');
    expect(run.status).toBe(0);
    expect(run.stdout).not.toMatch(raw);
    expect(run.stdout).toContain('Team \\x1b[2J\\x1b]0;pwned\\x07North / Worker\\x08\\x08\\x08\\x08\\x08\\x08comply: all clear');
    const drift = await complyHere('drift', '--data', corpus('terminal-escapes.csv'), '--as-of', '2017-01-18');
    expect(drift.stdout).not.toMatch(raw);
    expect(drift.stdout).toContain('\\x1b[2J');
  });

  it('a file name with an escape sequence and a newline cannot forge a second "comply:" line', async () => {
    const dir = tempDir();
    const name = 'list\u001b[31m\ncomply: 0 exception(s), all clear.csv';
    writeFileSync(join(dir, name), '');
    const run = await complyHere('check', '--data', dir, '--as-of', '2017-01-18');
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`comply: ${dir}/list\\x1b[31m\\ncomply: 0 exception(s), all clear.csv is empty (0 bytes): export it again, or remove it from the inputs\n`);
    copyFileSync(corpus('utf8-bom.csv'), join(dir, name));
    const text = await complyHere('check', '--data', dir, '--as-of', '2017-01-18');
    expect(text.stdout).not.toMatch(raw);
    expect(text.stdout.split('\n').filter((l) => l.startsWith('comply:'))).toEqual([]);
  });

  it('the progress bar escapes the name of the file it is reading', async () => {
    const { progressLine } = await import('../../src/cli/progress-bar.js');
    expect(progressLine({ stage: 'read', done: 0, total: 1, item: 'a\u001b[2Jb\nc' }, 200)).toMatch(/a\\x1b\[2Jb\\nc$/);
  });
});
