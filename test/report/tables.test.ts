// The tables every format is written from (the workbook's sheets, the CSV files, the HTML lists):
// their columns, rows, order and totals, judged against a check built in memory.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/findings/finding.js';
import {
  aggregateTables, checkTables, findingCountsTable, findingGroupsTable, findingsTable, inputsTable, manifestTable, overviewOutTable,
  resolvedTable, ruleSheetNames, ruleTable, summaryTable, teamTable, teamTables, withWriteInColumn,
} from '../../src/report/tabular.js';
import { checkResult, DRIFT, EXCEPTIONS, exception, FINDINGS, HOMES, MANIFEST, rule, VISITS, weeklyResult } from './check-result.js';

const headers = (t: { columns: { header: string }[] }) => t.columns.map((c) => c.header);
const SOURCE = ['Working Together 2023', 'statutory guidance'];

describe('the Summary sheet', () => {
  it('says what was checked, and each rule with its counts as judged, % within timescale to one place', () => {
    const t = summaryTable(checkResult());
    expect(t.name).toBe('Summary');
    expect(t.intro).toEqual([
      'Compliance check as of 18/01/2017',
      '5 exception(s) from 2 of 3 rules, judged as they stood on 18/01/2017.',
      'Inputs: cin.xlsx (CIN, Old): 13 rows; 1 sheet(s) not recognised (see Inputs).',
    ]);
    expect(headers(t)).toEqual(['Rule', 'Severity', 'Exceptions', '% Within Timescale', 'Checked', 'Within Timescale', 'Out of Scope', 'Rows Read', 'Duplicates Merged', 'Could Not Check', 'Ran', 'Source', 'Source Kind', 'Rule ID']);
    expect([...t.rows]).toEqual([
      ['CIN visits every 20 working days', 'high', 2, 66.7, 9, 6, 2, 11, 1, 0, 'yes', ...SOURCE, 'cin.visits'],
      ['CIN open over 6 months', 'medium', 3, 20, 5, 1, 0, 5, 0, 1, 'yes', ...SOURCE, 'cin.drift'],
      ['Regulation 44 visits', 'low', 0, null, 0, 0, 0, 0, 0, 0, 'no: input missing', ...SOURCE, 'homes.reg44'],
    ]);
    expect(t.notes).toHaveLength(6);
    expect(t.notes!.join(' ')).not.toContain('Still Open');
  });

  it('against a baseline: new, still open and resolved per rule, and what it was compared with', () => {
    const t = summaryTable(weeklyResult());
    expect(t.intro![2]).toBe("Compared with last week's report, as of 11/01/2017 (last-week.json).");
    expect(headers(t).slice(10, 13)).toEqual(['New', 'Still Open', 'Resolved']);
    expect([...t.rows].map((r) => [r.at(-1), ...r.slice(10, 13)])).toEqual([['cin.visits', 1, 1, 1], ['cin.drift', 2, 1, 0], ['homes.reg44', 0, 0, 0]]);
    expect(t.notes!.at(-1)).toMatch(/^New: not in last week's report\. Still Open: in it too\. Resolved/);
  });

  it("for one team: the team's exceptions only", () => {
    const t = summaryTable(checkResult(), 'North');
    expect(t.intro![0]).toBe('Compliance check as of 18/01/2017: North');
    expect(headers(t)).toEqual(['Rule', 'Severity', 'Team Exceptions', 'Ran', 'Source', 'Source Kind', 'Rule ID']);
    expect([...t.rows].map((r) => [r[6], r[2]])).toEqual([['cin.visits', 1], ['cin.drift', 2], ['homes.reg44', 0]]);
    expect(t.notes).toEqual(["Team Exceptions: this team's cases to act on now."]);
  });

  it('with no sheet recognised, says so; a CSV (no sheet) is named by its file alone', () => {
    const none = summaryTable(checkResult({ inputs: [] }));
    expect(none.intro!.at(-1)).toBe('Inputs: none recognised.');
    const csv = summaryTable(checkResult({ inputs: [{ file: 'a.csv', dataset: 'cin', headerRow: 1, rows: 4, blankRows: 0, evaluated: 4, reported: 0 }, { file: 'b.csv', dataset: 'cin', headerRow: 1, rows: 1, blankRows: 0, evaluated: 1, reported: 0 }] }));
    expect(csv.intro!.at(-1)).toBe('Inputs: a.csv: 4 rows; b.csv: 1 rows.');
  });
});

describe('the By Team sheet', () => {
  it('a row per team, most exceptions first (ties by name), a column per rule with any, blank for none', () => {
    const t = teamTable(checkResult());
    expect(headers(t)).toEqual(['Team', 'Exceptions', 'CIN visits every 20 working days', 'CIN open over 6 months']);
    expect([...t.rows]).toEqual([['North', 3, 1, 2], ['(no team recorded)', 1, null, 1], ['South', 1, 1, null]]);
  });

  it("against a baseline: each team's new, still open and resolved", () => {
    const t = teamTable(weeklyResult());
    expect(headers(t).slice(0, 5)).toEqual(['Team', 'Exceptions', 'New', 'Still Open', 'Resolved']);
    expect([...t.rows]).toEqual([['North', 3, 1, 2, 0, 1, 2], ['(no team recorded)', 1, 1, 0, 0, null, 1], ['South', 1, 1, 0, 1, 1, null]]);
  });

  it('teams with as many exceptions as each other are in name order, whichever came first', () => {
    const t = teamTable(checkResult({ exceptions: [exception('cin.visits', 'N1', { team: 'North' }), exception('cin.visits', 'S1', { team: 'South' }), exception('cin.visits', 'E1', { team: 'East' })] }));
    expect([...t.rows].map((row) => row[0])).toEqual(['East', 'North', 'South']);
  });

  it('an exception with no team is counted under its service when it has one', () => {
    const t = teamTable(checkResult({ exceptions: [exception('cin.visits', 'H1', { service: 'Fostering' }), exception('cin.visits', 'H2')] }));
    expect([...t.rows]).toEqual([['(no team recorded)', 1, 1], ['Fostering', 1, 1]]);
  });
});

describe("a rule's list", () => {
  it("standard columns around the rule's own, days overdue to the as-of date, and trace columns last", () => {
    const t = ruleTable(VISITS, EXCEPTIONS.slice(0, 2), 'CIN visits', { asOf: '2017-01-18' });
    expect(t.name).toBe('CIN visits');
    expect(t.columns.map((c) => [c.header, c.kind, Boolean(c.trace)])).toEqual([
      ['Subject', 'text', false], ['Due Date', 'date', false], ['Days Overdue', 'number', false], ['Team', 'text', false], ['Worker', 'text', false],
      ['Last Visit', 'date', false], ['Visits', 'number', false], ['Message', 'text', false], ['Severity', 'text', false],
      ['File', 'text', true], ['Sheet', 'text', true], ['Row', 'number', true], ['Exception ID', 'text', true],
    ]);
    expect([...t.rows]).toEqual([
      ['C1', '2017-01-04', 14, 'North', 'Ann', '2016-12-06', 3, 'C1 is overdue', 'medium', 'cin.xlsx', 'CIN', 4, 'cin.visits:C1'],
      ['C2', '2017-01-20', -2, 'South', 'Bob', null, 0, 'C2 is overdue', 'medium', 'cin.xlsx', 'CIN', 7, 'cin.visits:C2'],
    ]);
    expect(t.printColumns).toBe(7);
  });

  it('no team or worker columns when no row has one, and no days overdue without an as-of date', () => {
    const t = ruleTable(DRIFT, [exception('cin.drift', 'C5', { dueDate: null })], 'Drift');
    expect(headers(t)).toEqual(['Subject', 'Due Date', 'Message', 'Severity', 'File', 'Sheet', 'Row', 'Exception ID']);
    expect([...t.rows]).toEqual([['C5', null, 'C5 is overdue', 'medium', 'cin.csv', null, 2, 'cin.drift:C5']]);
    expect(t.printColumns).toBe(2);
    const worker = ruleTable(DRIFT, [exception('cin.drift', 'C6', { worker: 'Dee' })], 'Drift');
    expect(headers(worker).slice(2, 4)).toEqual(['Team', 'Worker']);
  });

  it('status, first seen and weeks open against a baseline; the same columns every week when stable', () => {
    const weekly = ruleTable(DRIFT, weeklyResult().exceptions.filter((e) => e.ruleId === 'cin.drift'), 'Drift', { asOf: '2017-01-18' });
    expect(headers(weekly).slice(0, 8)).toEqual(['Subject', 'Due Date', 'Days Overdue', 'Status', 'First Seen', 'Weeks Open', 'Team', 'Worker']);
    expect([...weekly.rows].map((r) => r.slice(0, 8))).toEqual([
      ['C3', '2016-07-01', 201, 'open', '2016-12-28', 3, 'North', 'Ann'],
      ['C4', '2015-01-01', 748, 'new', '2017-01-18', 0, 'North', 'Cat'],
      ['C5', '2016-12-25', 24, 'new', '2017-01-18', 0, null, null],
    ]);
    expect(weekly.printColumns).toBe(8);
    const stable = ruleTable(DRIFT, [exception('cin.drift', 'C5')], 'Drift', { stable: true });
    expect(headers(stable).slice(0, 7)).toEqual(['Subject', 'Due Date', 'Status', 'First Seen', 'Weeks Open', 'Team', 'Worker']);
    expect([...stable.rows][0]!.slice(0, 7)).toEqual(['C5', '2017-01-02', null, null, null, null, null]);
  });

  it('a write-in column is blank on every row', () => {
    const t = withWriteInColumn(ruleTable(DRIFT, EXCEPTIONS.slice(2), 'Drift'), 'Clinic Outcome');
    expect(t.columns.at(-1)).toMatchObject({ header: 'Clinic Outcome', writeIn: true });
    expect([...t.rows].map((r) => [r[0], r.at(-1), r.length])).toEqual([['C3', null, 11], ['C4', null, 11], ['C5', null, 11]]);
  });
});

describe('Resolved, Findings, Inputs and Manifest', () => {
  it('resolved exceptions as last seen', () => {
    const t = resolvedTable(weeklyResult().baseline!.resolved);
    expect(headers(t)).toEqual(['Rule', 'Subject', 'Due Date', 'First Seen', 'Weeks Open', 'Team', 'Worker', 'Message', 'Exception ID']);
    expect([...t.rows]).toEqual([['cin.visits', 'C9', '2017-01-02', '2016-12-21', 3, 'South', 'Bob', 'C9 is overdue', 'cin.visits:C9']]);
    expect([...resolvedTable([exception('a', 'X')]).rows][0]!.slice(3, 5)).toEqual([null, null]);
  });

  it('every finding, where it is and what it says', () => {
    const t = findingsTable(FINDINGS);
    expect(headers(t)).toEqual(['Level', 'Kind', 'File', 'Sheet', 'Row', 'Column', 'Value', 'Rule', 'Message']);
    expect([...t.rows].slice(0, 2)).toEqual([
      ['warning', 'rule-not-run', '', null, null, null, null, 'homes.reg44', FINDINGS[0]!.message],
      ['error', 'unreadable-value', 'cin.xlsx', 'CIN', 9, 'CIN Start Date', '31/02/2016', null, 'Not a date: "31/02/2016"'],
    ]);
  });

  it('findings counted by level, kind and rule', () => {
    const t = findingCountsTable([...FINDINGS, FINDINGS[1]!, FINDINGS[2]!]);
    expect(headers(t)).toEqual(['Level', 'Kind', 'Rule', 'Count']);
    expect([...t.rows]).toEqual([
      ['error', 'unreadable-value', null, 2],
      ['info', 'unknown-dataset', null, 1],
      ['warning', 'not-evaluable', 'cin.drift', 2],
      ['warning', 'rule-not-run', 'homes.reg44', 1],
    ]);
  });

  it('each input: its sheet (hidden said), dataset, header row and how its rows were used', () => {
    const t = inputsTable(checkResult().inputs);
    expect(headers(t)).toEqual(['File', 'Sheet', 'Dataset', 'Header Row', 'Rows', 'Read by a Rule', 'Only in Findings', 'Blank Rows']);
    expect([...t.rows]).toEqual([
      ['cin.xlsx', 'CIN', 'cin', 3, 11, 11, 0, 1],
      ['cin.xlsx', 'Old (hidden)', 'cin', 1, 2, 2, 0, 0],
      ['notes.csv', null, 'not recognised', null, 3, 0, 3, 0],
    ]);
  });

  it('the manifest: tool, command, as-of date, rule set, each rule and input, the baseline', () => {
    const t = manifestTable(weeklyResult().manifest!);
    expect(headers(t)).toEqual(['Item', 'Name', 'Value', 'Size (bytes)', 'SHA-256']);
    expect([...t.rows]).toEqual([
      ['tool', 'csc-comply', '0.1.0', null, null],
      ['command', 'check', null, null, null],
      ['as of', null, '2017-01-18', null, null],
      ['rule set', null, '2 rule(s)', null, 'f'.repeat(64)],
      ['rule', 'cin.visits', 'version 1: 2 exception(s)', null, 'a'.repeat(64)],
      ['rule', 'cin.drift', 'version 2: 3 exception(s)', null, 'b'.repeat(64)],
      ['input', 'cin.xlsx', null, 12345, 'c'.repeat(64)],
      ['baseline', 'last-week.json', 'as of 2017-01-11', 999, 'd'.repeat(64)],
    ]);
    expect([...manifestTable(MANIFEST).rows].map((r) => r[0])).not.toContain('baseline');
  });
});

describe('findings grouped', () => {
  const unreadable = (row: number | undefined, column = 'CIN Start Date'): Finding => ({ kind: 'unreadable-value', level: 'error', file: 'cin.xlsx', sheet: 'CIN', row, column, message: `Not a date on row ${row}` });

  it('one row per level, kind, rule, file, sheet and column: errors first, then the largest group; five rows named, then how many more', () => {
    const findings = [
      FINDINGS[3]!,
      FINDINGS[0]!,
      unreadable(3, 'Referral Date'),
      ...[9, 2, 4, 4, 5, 6, 7, 8].map((r) => unreadable(r)),
    ];
    const t = findingGroupsTable(findings);
    expect(headers(t)).toEqual(['Level', 'Kind', 'Rule', 'Count', 'File', 'Sheet', 'Column', 'Rows', 'First Message']);
    expect([...t.rows]).toEqual([
      ['error', 'unreadable-value', null, 8, 'cin.xlsx', 'CIN', 'CIN Start Date', '9, 2, 4, 5, 6 and 2 more', 'Not a date on row 9'],
      ['error', 'unreadable-value', null, 1, 'cin.xlsx', 'CIN', 'Referral Date', '3', 'Not a date on row 3'],
      ['warning', 'rule-not-run', 'homes.reg44', 1, null, null, null, null, FINDINGS[0]!.message],
      ['info', 'unknown-dataset', null, 1, 'notes.csv', null, null, null, FINDINGS[3]!.message],
    ]);
  });

  it('two rules that could not judge rows on the same column: a row for each rule, with its own count, rows and message', () => {
    const notEvaluable = (ruleId: string, row: number): Finding => ({
      kind: 'not-evaluable', level: 'warning', file: 'cin.xlsx', sheet: 'CIN', row, column: 'CIN Start Date', ruleId, message: `${ruleId} could not judge row ${row}`,
    });
    const t = findingGroupsTable([notEvaluable('cin.visits', 2), notEvaluable('cin.drift', 2), notEvaluable('cin.drift', 3), notEvaluable('cin.drift', 4), notEvaluable('cin.visits', 5)]);
    expect([...t.rows]).toEqual([
      ['warning', 'not-evaluable', 'cin.drift', 3, 'cin.xlsx', 'CIN', 'CIN Start Date', '2, 3, 4', 'cin.drift could not judge row 2'],
      ['warning', 'not-evaluable', 'cin.visits', 2, 'cin.xlsx', 'CIN', 'CIN Start Date', '2, 5', 'cin.visits could not judge row 2'],
    ]);
  });

  it('groups of the same size keep the order they first appear in', () => {
    const notRun = (ruleId: string): Finding => ({ kind: 'rule-not-run', level: 'info', file: '', ruleId, message: `${ruleId} was not run` });
    expect([...findingGroupsTable(['b.rule', 'a.rule', 'c.rule'].map(notRun)).rows].map((r) => r[2])).toEqual(['b.rule', 'a.rule', 'c.rule']);
  });

  it('exactly five rows are named without "more"', () => {
    const t = findingGroupsTable([1, 2, 3, 4, 5].map((r) => unreadable(r)));
    expect([...t.rows][0]![7]).toBe('1, 2, 3, 4, 5');
  });
});

describe('sheet names', () => {
  it('at most 31 characters, no character Excel refuses, none repeated (case aside) or taken by a standard sheet', () => {
    const long = 'x'.repeat(40);
    const rules = [rule('a', { sheetName: 'summary' }), rule('b/c:d'), rule('e', { sheetName: long }), rule('f', { sheetName: long.toUpperCase() }), rule('g', { sheetName: '[a]*?\\' })];
    const names = ruleSheetNames(rules, ['Summary']);
    expect([...names]).toEqual([
      ['a', 'summary~2'],
      ['b/c:d', 'b-c-d'],
      ['e', 'x'.repeat(31)],
      ['f', `${'X'.repeat(29)}~2`],
      ['g', '-a----'],
    ]);
    expect(ruleSheetNames([rule('a', { sheetName: 'Tab' }), rule('b', { sheetName: 'Tab' }), rule('c', { sheetName: 'Tab' })], []).get('c')).toBe('Tab~3');
  });

  it("the check's workbook: Summary, overviews, By Team, a sheet per rule, Resolved, Findings, Inputs, Manifest", () => {
    const overview = { id: 'homes', title: 'Homes', sheetName: 'Homes', columns: [{ label: 'Home', kind: 'text' as const }], rows: [['Oak House']] };
    expect(checkTables(checkResult({ overviews: [overview] })).map((t) => t.name)).toEqual(['Summary', 'Homes', 'By Team', 'CIN visits', 'cin.drift', 'homes.reg44', 'Findings', 'Inputs', 'Manifest']);
    expect(checkTables(weeklyResult()).map((t) => t.name)).toEqual(['Summary', 'By Team', 'CIN visits', 'cin.drift', 'homes.reg44', 'Resolved', 'Findings', 'Inputs', 'Manifest']);
    expect(checkTables(checkResult({ manifest: undefined })).map((t) => t.name).at(-1)).toBe('Inputs');
    const visits = checkTables(checkResult())[2]!;
    expect([...visits.rows].map((r) => [r[0], r[2]])).toEqual([['C1', 14], ['C2', -2]]);
  });

  it("a rule's sheet lists all its exceptions, in the list's order, wherever they are in the check's list", () => {
    const [c1, c2, c3, c4, c5] = EXCEPTIONS;
    const sheets = checkTables(checkResult({ exceptions: [c3!, c1!, c4!, c2!, c5!] }));
    const subjects = (name: string) => [...sheets.find((t) => t.name === name)!.rows].map((r) => r[0]);
    expect([subjects('CIN visits'), subjects('cin.drift')]).toEqual([['C1', 'C2'], ['C3', 'C4', 'C5']]);
    expect([...teamTable(checkResult({ exceptions: [c3!, c1!, c4!, c2!, c5!] })).rows]).toEqual([...teamTable(checkResult()).rows]);
  });

  it("a rule's sheet never takes the name of a standard sheet, in the check's workbook or a team's", () => {
    const clash = [rule('a', { sheetName: 'Summary' }), rule('b', { sheetName: 'contents' }), rule('c', { sheetName: 'Inputs' })];
    const exceptions = ['a', 'b', 'c'].map((id) => exception(id, 'X', { team: 'North' }));
    expect(checkTables(checkResult({ rules: clash, exceptions, manifest: undefined })).map((t) => t.name)).toEqual(['Summary', 'By Team', 'Summary~2', 'contents', 'Inputs~2', 'Findings', 'Inputs']);
    expect(teamTables(checkResult({ rules: clash, exceptions, manifest: undefined }), 'North').map((t) => t.name)).toEqual(['Contents', 'Summary', 'Summary~2', 'contents~2', 'Inputs~2', 'Inputs']);
  });

  it('counts only: no sheet with a row about a child', () => {
    expect(aggregateTables(checkResult()).map((t) => t.name)).toEqual(['Summary', 'By Team', 'Findings', 'Inputs', 'Manifest']);
    expect([...aggregateTables(checkResult())[2]!.rows][0]).toEqual(['error', 'unreadable-value', null, 1]);
    expect(aggregateTables(checkResult({ manifest: undefined })).map((t) => t.name).at(-1)).toBe('Inputs');
  });

  it('an overview as a sheet: its columns and rows, text columns wider', () => {
    const t = overviewOutTable({ id: 'homes', title: 'Homes', sheetName: 'Homes', columns: [{ label: 'Home', kind: 'text' }, { label: 'Last Visit', kind: 'date' }], rows: [['Oak House', '2017-01-02']] });
    expect(t).toEqual({ name: 'Homes', columns: [{ header: 'Home', kind: 'text', width: 24 }, { header: 'Last Visit', kind: 'date', width: 14 }], rows: [['Oak House', '2017-01-02']] });
  });
});

describe("a team's workbook", () => {
  it('Contents linking a sheet per rule with its cases and most days overdue, the Summary for the team, Inputs, Manifest', () => {
    const tables = teamTables(checkResult(), 'North');
    expect(tables.map((t) => t.name)).toEqual(['Contents', 'Summary', 'CIN visits', 'cin.drift', 'Inputs', 'Manifest']);
    const [contents] = tables;
    expect(contents!.intro).toEqual(['North: compliance check as of 18/01/2017', "Each sheet below lists this team's cases for one rule; click its name to open it."]);
    expect(headers(contents!)).toEqual(['Sheet', 'Rule', 'Exceptions', 'Most Days Overdue']);
    expect([...contents!.rows]).toEqual([['CIN visits', VISITS.title, 1, 14], ['cin.drift', DRIFT.title, 2, 748]]);
    expect(contents!.sheetLinks).toBe(0);
    expect([...tables[2]!.rows].map((r) => r[0])).toEqual(['C1']);
    expect(headers(tables[2]!)).toContain('Status');
    expect([...tables[1]!.rows].map((r) => r[2])).toEqual([1, 2, 0]);
    expect(tables[1]!.intro!.slice(0, 2)).toEqual([
      'Compliance check as of 18/01/2017: North',
      "3 of the authority's 5 exception(s) are this team's, from 2 of 3 rules, judged as they stood on 18/01/2017.",
    ]);
  });

  it("against a baseline, the team's resolved ones; a rule with no due date has no days overdue", () => {
    const south = teamTables(weeklyResult(), 'South');
    expect(south.map((t) => t.name)).toEqual(['Contents', 'Summary', 'CIN visits', 'Resolved', 'Inputs', 'Manifest']);
    expect([...south[0]!.rows]).toEqual([['CIN visits', VISITS.title, 1, -2], ['Resolved', "Resolved since last week's report", 1, null]]);
    expect([...south[3]!.rows].map((r) => r[1])).toEqual(['C9']);
    const undated = teamTables(checkResult({ exceptions: [exception('cin.drift', 'U1', { team: 'East', dueDate: null })], manifest: undefined }), 'East');
    expect([...undated[0]!.rows]).toEqual([['cin.drift', DRIFT.title, 1, null]]);
    expect(undated.map((t) => t.name).at(-1)).toBe('Inputs');
    expect([...teamTables(weeklyResult(), 'North')[0]!.rows].at(-1)).toEqual(['Resolved', "Resolved since last week's report", 0, null]);
  });

  it('a rule that did not run and raised nothing has no sheet', () => {
    expect(teamTables(checkResult(), 'South').map((t) => t.name)).not.toContain(HOMES.ruleId);
  });
});
