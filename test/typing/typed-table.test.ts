// A recognised sheet typed row by row, as a user's spreadsheet shows it: each cell's value, each
// cell that cannot be read a finding naming file, sheet, row (as Excel numbers it), column and
// raw value; blank rows counted; dates as Excel serials, dd/mm/yyyy (never mm/dd) and ISO.
import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../src/calendar/day.js';
import { NOT_A_DATE } from '../../src/calendar/index.js';
import type { DatasetDef } from '../../src/datasets/dataset.js';
import { recogniseTable } from '../../src/datasets/recognise.js';
import { compareFindings, type Finding } from '../../src/findings/finding.js';
import { FORMULA_NOT_SAVED, type RawCell } from '../../src/read/raw-table.js';
import { copyValues, typeTable } from '../../src/typing/typed-table.js';
import { US_ORDER_PROBLEM } from '../../src/typing/us-date-order.js';
import { Invalid } from '../../src/typing/value.js';

const CIN: DatasetDef = {
  id: 'cin',
  title: 'Children in need',
  idColumn: 'Child ID',
  uniqueId: true,
  columns: {
    'Child ID': { type: 'id', required: true },
    'Start Date': { type: 'date', required: true, aliases: ['CIN Start'] },
    'Closure Date': { type: 'date' },
    Hours: { type: 'number' },
    Team: { type: 'text' },
    Worker: { type: 'text' },
  },
};

const day = (iso: string) => dayFromIso(iso)!;

/** Types rows as a sheet "List 6" of cin.xlsx whose used range starts on row `firstRow`. */
function typed(rows: RawCell[][], keep?: (column: string) => boolean, firstRow = 1) {
  const recognition = recogniseTable(rows, [CIN]);
  if (!recognition.ok) throw new Error('test sheet not recognised');
  const { table, findings } = typeTable({ file: 'cin.xlsx', sheet: 'List 6', firstRow, rows }, recognition.match, keep);
  return { table, findings: [...findings].sort(compareFindings) };
}

const HEADER = ['Child ID', 'Start Date', 'Closure Date', 'Hours', 'Team', 'Worker'];

describe('typing a sheet', () => {
  it('reads dates written as Excel serials, dd/mm/yyyy and ISO as the same day, and never month-first', () => {
    const { table, findings } = typed([
      HEADER,
      ['C1', 42753, null, 1, 'North', 'A'],
      ['C2', '18/01/2017', null, 1, 'North', 'A'],
      ['C3', '2017-01-18', null, 1, 'North', 'A'],
      ['C4', ' 18/01/2017 ', '05/02/2017', 1, 'North', 'A'],
      ['C5', 42753.75, '2017-02-05', 1, 'North', 'A'],
      ['C6', new Date(Date.UTC(2017, 0, 18)), '5/2/2017', 1, 'North', 'A'],
    ]);
    expect(findings).toEqual([]);
    expect(table.rows.map((r) => r.values['Start Date'])).toEqual(Array(6).fill(day('2017-01-18')));
    expect(table.rows.slice(3).map((r) => r.values['Closure Date'])).toEqual(Array(3).fill(day('2017-02-05')));
  });

  it('keeps ids as text (leading zeros, whole numbers without a decimal point), tidies text and reads numbers with thousands commas', () => {
    const { table } = typed([
      HEADER,
      ['007', '18/01/2017', null, '1,234', '  North\u00a0 Team ', 'Lexie\tDefore'],
      [12598894, '18/01/2017', null, ' 12.5 ', 'South', 'Jo  Smith'],
      [1.5, '18/01/2017', null, 0, 'East ', ' West'],
      [true, '18/01/2017', null, -3, 'José  Ñ', 'Zoë'],
    ]);
    expect(table.rows.map((r) => [r.values['Child ID'], r.values.Hours, r.values.Team, r.values.Worker])).toEqual([
      ['007', 1234, 'North Team', 'Lexie Defore'],
      ['12598894', 12.5, 'South', 'Jo Smith'],
      ['1.5', 0, 'East', 'West'],
      ['true', -3, 'José Ñ', 'Zoë'],
    ]);
  });

  it('gives each unreadable cell a finding naming file, sheet, row as Excel shows it, column and raw value, and an Invalid value', () => {
    const { table, findings } = typed(
      [
        ['Children in need, January 2017'],
        HEADER,
        ['C1', '31/02/2017', 'soon', 'lots', 'North', 'A'],
        ['C2', { error: '#REF!' }, new Date(Date.UTC(2017, 0, 18, 12)), 'Infinity', 'North', 'A'],
        ['C3', { error: FORMULA_NOT_SAVED }, true, true, { error: '#DIV/0!' }, 'A'],
        ['C4', '18/01/2017', null, new Date(Date.UTC(2017, 0, 18, 12)), 'North', 'A'],
      ],
      undefined,
      3,
    );
    const where = { file: 'cin.xlsx', sheet: 'List 6', dataset: 'cin', kind: 'unreadable-value', level: 'warning' };
    expect(findings).toEqual([
      { ...where, row: 5, column: 'Closure Date', value: 'soon', message: `Closure Date: ${NOT_A_DATE}` },
      { ...where, row: 5, column: 'Hours', value: 'lots', message: 'Hours: not a number' },
      { ...where, row: 5, column: 'Start Date', value: '31/02/2017', message: 'Start Date: 31 February 2017 does not exist' },
      { ...where, row: 6, column: 'Hours', value: 'Infinity', message: 'Hours: not a number' },
      { ...where, row: 6, column: 'Start Date', value: '#REF!', message: 'Start Date: Excel error #REF!' },
      { ...where, row: 7, column: 'Closure Date', value: 'true', message: `Closure Date: ${NOT_A_DATE}` },
      { ...where, row: 7, column: 'Hours', value: 'true', message: 'Hours: not a number' },
      {
        ...where,
        row: 7,
        column: 'Start Date',
        value: FORMULA_NOT_SAVED,
        message: 'Start Date: a formula with no saved value: open the file in Excel and save it, so that Excel works the value out',
      },
      { ...where, row: 7, column: 'Team', value: '#DIV/0!', message: 'Team: Excel error #DIV/0!' },
      { ...where, row: 8, column: 'Hours', value: '2017-01-18T12:00:00.000Z', message: 'Hours: not a number' },
    ]);
    const start = table.rows[0]!.values['Start Date'];
    expect(start).toEqual(new Invalid('31/02/2017', '31 February 2017 does not exist', { file: 'cin.xlsx', sheet: 'List 6', row: 5, column: 'Start Date' }));
    expect(table.rows[1]!.values['Closure Date']).toBe(day('2017-01-18'));
    expect(table.rows.map((r) => r.row)).toEqual([5, 6, 7, 8]);
  });

  it('counts rows with nothing in them ("-", "N/A", spaces, #N/A) as blank, not data, and skips the rows above the header', () => {
    const { table } = typed([
      ['Report run 18/01/2017'],
      HEADER,
      ['C1', '18/01/2017', null, null, null, null],
      [null, null, null, null, null, null],
      ['', '-', 'N/A', ' ', { error: '#N/A' }, 'n/a'],
      [null, null, null, null, null, 'Worker only'],
      [],
      ['C2', '19/01/2017', '-', 'NA', '#N/A', ' - '],
    ]);
    expect(table.blankRows).toBe(3);
    expect(table.rows.map((r) => [r.row, r.values['Child ID'], r.values.Worker])).toEqual([
      [3, 'C1', null],
      [6, null, 'Worker only'],
      [8, 'C2', null],
    ]);
    expect(table.rows[2]!.values).toEqual({ 'Child ID': 'C2', 'Start Date': day('2017-01-19'), 'Closure Date': null, Hours: null, Team: null, Worker: null });
  });

  it('reads an optional column the sheet lacks as empty, and says so once', () => {
    const { table, findings } = typed([
      ['Child ID', 'CIN Start', 'Team'],
      ['C1', '18/01/2017', 'North'],
    ]);
    expect(table.columns).toEqual(['Child ID', 'Start Date', 'Team']);
    expect(table.rows[0]!.values).toEqual({ 'Child ID': 'C1', 'Start Date': day('2017-01-18'), Team: 'North', 'Closure Date': null, Hours: null, Worker: null });
    const missing = { file: 'cin.xlsx', sheet: 'List 6', kind: 'missing-column', level: 'info', dataset: 'cin' };
    expect(findings).toEqual(
      ['Closure Date', 'Hours', 'Worker'].map((column) => ({ ...missing, column, message: `Optional column "${column}" is not in this sheet; it is read as empty` })),
    );
  });

  it('uses the first of two columns with the same header, and says so on the header row', () => {
    const { table, findings } = typed([['Title'], [...HEADER, 'Team'], ['C1', '18/01/2017', null, 1, 'North', 'A', 'South']], undefined, 4);
    expect(table.rows[0]!.values.Team).toBe('North');
    expect(findings).toEqual([
      {
        file: 'cin.xlsx',
        sheet: 'List 6',
        kind: 'suspicious-value',
        level: 'warning',
        row: 5,
        column: 'Team',
        dataset: 'cin',
        message: 'Header "Team" appears more than once; the first such column is used',
      },
    ]);
  });

  it('names no sheet for a CSV file', () => {
    const recognition = recogniseTable([HEADER], [CIN]);
    if (!recognition.ok) throw new Error('not recognised');
    const { table, findings } = typeTable({ file: 'cin.csv', firstRow: 1, rows: [HEADER, ['C1', 'x', null, null, null, null]] }, recognition.match);
    expect(table.source).toEqual({ file: 'cin.csv' });
    expect(table.rows[0]!.source).toEqual({ file: 'cin.csv' });
    expect(findings).toEqual([
      { file: 'cin.csv', row: 2, column: 'Start Date', kind: 'unreadable-value', level: 'warning', value: 'x', dataset: 'cin', message: `Start Date: ${NOT_A_DATE}` },
    ]);
    expect('sheet' in findings[0]!).toBe(false);
  });

  it('keeps only the columns asked for, yet reports unreadable cells in every column', () => {
    const { table, findings } = typed(
      [
        ['Child ID', 'Start Date', 'Hours', 'Team'],
        ['C1', '18/01/2017', 'lots', 'North'],
        ['C2', 'never', 2, 'South'],
        ['C3', '18/01/2017', 3, { error: '#VALUE!' }],
      ],
      (column) => column === 'Child ID' || column === 'Closure Date',
    );
    expect(table.rows.map((r) => r.values)).toEqual([
      { 'Child ID': 'C1', 'Closure Date': null },
      { 'Child ID': 'C2', 'Closure Date': null },
      { 'Child ID': 'C3', 'Closure Date': null },
    ]);
    expect(findings.filter((f) => f.kind === 'unreadable-value').map((f) => [f.row, f.column, f.value])).toEqual([
      [2, 'Hours', 'lots'],
      [3, 'Start Date', 'never'],
      [4, 'Team', '#VALUE!'],
    ]);
    expect(findings.filter((f) => f.kind === 'missing-column').map((f) => f.column)).toEqual(['Closure Date', 'Worker']);
  });

  it('keeps every row its own text in a column with more distinct texts than are shared, and shares repeated ones', () => {
    const rows: RawCell[][] = [['Child ID', 'Start Date', 'Worker']];
    for (let i = 0; i < 5000; i++) rows.push([`C${i}`, '18/01/2017', i % 2 ? `Worker ${i}` : ` Worker  ${i % 10}`]);
    const { table } = typed(rows);
    expect(table.rows).toHaveLength(5000);
    table.rows.forEach((r, i) => expect(r.values.Worker).toBe(i % 2 ? `Worker ${i}` : `Worker ${i % 10}`));
  });

  it('makes rows whose values have no inherited keys, and copies them column by column', () => {
    const { table } = typed([HEADER, ['C1', '18/01/2017', null, 2, 'North', 'A']]);
    const values = table.rows[0]!.values;
    expect('toString' in values).toBe(false);
    expect(Object.getPrototypeOf(values)).toBe(Object.getPrototypeOf(copyValues(values, [])));
    const copy = copyValues(values, ['Team', 'Child ID']);
    expect(Object.keys(copy)).toEqual(['Team', 'Child ID']);
    expect(copy).toEqual({ Team: 'North', 'Child ID': 'C1' });
    expect('constructor' in copy || 'hasOwnProperty' in copy).toBe(false);
  });
});

describe('a date column written month-first (US order)', () => {
  const rowsOf = (dates: RawCell[]): RawCell[][] => [['Child ID', 'Start Date'], ...dates.map((d, i) => [`C${i + 1}`, d])];
  const problems = (findings: Finding[]) => findings.filter((f) => f.kind === 'unreadable-value').map((f) => [f.row, f.value, f.message]);

  it('reads none of its day/month dates (not even those that would read as dd/mm) and says why on the header row', () => {
    const { table, findings } = typed(rowsOf(['01/13/2017', '02-14-2017', '03/05/2017', '2017-03-05', 42753, ' 04.06.2017', '02/30/2017']));
    expect(findings.filter((f) => f.kind === 'suspicious-value')).toEqual([
      {
        file: 'cin.xlsx',
        sheet: 'List 6',
        kind: 'suspicious-value',
        level: 'warning',
        row: 1,
        column: 'Start Date',
        dataset: 'cin',
        message:
          '"Start Date" looks like US month-first dates: 3 values have a second number over 12 and none a first number over 12. Its dd/mm-style dates are not read rather than guessed: export them as dd/mm/yyyy or yyyy-mm-dd',
      },
    ]);
    const us = `Start Date: ${US_ORDER_PROBLEM}`;
    expect(problems(findings)).toEqual([
      [2, '01/13/2017', us],
      [3, '02-14-2017', us],
      [4, '03/05/2017', us],
      [7, ' 04.06.2017', us],
      [8, '02/30/2017', us],
    ]);
    expect(table.rows.map((r) => r.values['Start Date'] instanceof Invalid)).toEqual([true, true, true, false, false, true, true]);
    expect(table.rows[0]!.values['Start Date']).toEqual(new Invalid('01/13/2017', US_ORDER_PROBLEM, { file: 'cin.xlsx', sheet: 'List 6', row: 2, column: 'Start Date' }));
    expect(table.rows[3]!.values['Start Date']).toBe(day('2017-03-05'));
  });

  it('says so on the header row, below any title rows, and says why each date is not read', () => {
    const { findings } = typed([['Children in need'], [], ...rowsOf(['01/13/2017', '02/14/2017'])], undefined, 2);
    expect(findings.filter((f) => f.kind === 'suspicious-value').map((f) => [f.row, f.column])).toEqual([[4, 'Start Date']]);
    expect(problems(findings)).toEqual([
      [5, '01/13/2017', 'Start Date: not read: this column looks like US month-first dates (mm/dd/yyyy), so day and month cannot be told apart'],
      [6, '02/14/2017', 'Start Date: not read: this column looks like US month-first dates (mm/dd/yyyy), so day and month cannot be told apart'],
    ]);
  });

  it('reports a month-first column not kept by the rules, all the same', () => {
    const { table, findings } = typed(rowsOf(['01/13/2017', '02/14/2017', '03/05/2017']), (column) => column === 'Child ID');
    expect(findings.filter((f) => f.kind === 'suspicious-value').map((f) => f.column)).toEqual(['Start Date']);
    expect(problems(findings).map(([row]) => row)).toEqual([2, 3, 4]);
    expect(table.rows.map((r) => 'Start Date' in r.values)).toEqual([false, false, false]);
  });

  it('is dd/mm once any date has a first number over 12, wherever it comes', () => {
    for (const dates of [
      ['01/13/2017', '02/14/2017', '13/01/2017'],
      ['13/01/2017', '01/13/2017', '02/14/2017'],
    ]) {
      const { findings } = typed(rowsOf(dates));
      expect(findings.filter((f) => f.kind === 'suspicious-value')).toEqual([]);
      expect(problems(findings).map(([, value, message]) => [value, message])).toEqual([
        ['01/13/2017', 'Start Date: month 13 does not exist'],
        ['02/14/2017', 'Start Date: month 14 does not exist'],
      ]);
    }
  });

  it('needs two dates with a second number over 12 (13 to 31): one is a mistyped date', () => {
    for (const dates of [
      ['01/13/2017', '03/05/2017'],
      ['01/13/2017', '01/32/2017', '2017-13-01', '1/13/17', '01/13/20171'],
    ]) {
      const { table, findings } = typed(rowsOf(dates));
      expect(findings.filter((f) => f.kind === 'suspicious-value')).toEqual([]);
      expect(problems(findings)[0]).toEqual([2, '01/13/2017', 'Start Date: month 13 does not exist']);
      if (dates[1] === '03/05/2017') expect(table.rows[1]!.values['Start Date']).toBe(day('2017-05-03'));
    }
    expect(typed(rowsOf(['01/13/2017', '12/31/2017'])).findings.filter((f) => f.kind === 'suspicious-value')).toHaveLength(1);
  });

  it('is month-first when every first number is 12 or less, a trailing space aside', () => {
    for (const dates of [
      ['12/13/2017', '12/14/2017'],
      ['01/13/2017 ', '02/14/2017\u00a0'],
    ]) {
      const { findings } = typed(rowsOf(dates));
      expect(findings.filter((f) => f.kind === 'suspicious-value').map((f) => f.column)).toEqual(['Start Date']);
      expect(problems(findings).map(([, , message]) => message)).toEqual([`Start Date: ${US_ORDER_PROBLEM}`, `Start Date: ${US_ORDER_PROBLEM}`]);
    }
  });

  it('is dd/mm when no second number is over 12 (a column of December dates), and counts only text that is a date', () => {
    const december = typed(rowsOf(['01/12/2017', '02/12/2017', '12/12/2017']));
    expect(december.findings).toHaveLength(4);
    expect(december.findings.every((f) => f.kind === 'missing-column')).toBe(true);
    expect(december.table.rows.map((r) => r.values['Start Date'])).toEqual([day('2017-12-01'), day('2017-12-02'), day('2017-12-12')]);
    const notDates = typed(rowsOf(['01/13/2017', 'about 02/14/2017', 'C3 03/15/2017']));
    expect(notDates.findings.filter((f) => f.kind === 'suspicious-value')).toEqual([]);
  });

  it('is a question for date columns only: text columns may hold such text as they please', () => {
    const { table, findings } = typed([HEADER, ['C1', '18/01/2017', null, null, '01/13/2017', '01/14/2017'], ['C2', '19/01/2017', null, null, '02/14/2017', '02/15/2017']]);
    expect(findings).toEqual([]);
    expect(table.rows.map((r) => [r.values.Team, r.values.Worker])).toEqual([
      ['01/13/2017', '01/14/2017'],
      ['02/14/2017', '02/15/2017'],
    ]);
  });
});

describe('a sheet with a date column written month-first (US order)', () => {
  const problems = (findings: Finding[]) => findings.filter((f) => f.kind === 'unreadable-value').map((f) => [f.row, f.column, f.value, f.message]);
  const columnFindings = (findings: Finding[]) => findings.filter((f) => f.kind === 'suspicious-value').map((f) => [f.row, f.column, f.message]);
  const inStartDate = 'not read: this sheet has US month-first dates (mm/dd/yyyy) in "Start Date", so day and month cannot be told apart';

  it('reads none of the dd/mm-style dates of its other date columns either, and says so for each column and cell', () => {
    const { table, findings } = typed([
      HEADER,
      ['C1', '06/13/2016', '12/01/2016', 1, 'N', 'A'],
      ['C2', '06/25/2016', null, 1, 'N', 'A'],
      ['C3', '03/04/2016', '2016-11-02', 1, 'N', 'A'],
      ['C4', '06/14/2016', '02/01/2017', 1, 'N', 'A'],
    ]);
    expect(columnFindings(findings)).toEqual([
      [1, 'Closure Date', '"Closure Date" has dd/mm-style dates that could be read either way (none has a first number over 12), and this sheet has US month-first dates in "Start Date". Its dd/mm-style dates are not read rather than guessed: export them as dd/mm/yyyy or yyyy-mm-dd'],
      [1, 'Start Date', expect.stringContaining('"Start Date" looks like US month-first dates: 3 values have a second number over 12')],
    ]);
    expect(problems(findings).filter(([, column]) => column === 'Closure Date')).toEqual([
      [2, 'Closure Date', '12/01/2016', `Closure Date: ${inStartDate}`],
      [5, 'Closure Date', '02/01/2017', `Closure Date: ${inStartDate}`],
    ]);
    expect(problems(findings).filter(([, column]) => column === 'Start Date')).toHaveLength(4);
    expect(table.rows.map((r) => r.values['Closure Date'])).toEqual([
      new Invalid('12/01/2016', inStartDate, { file: 'cin.xlsx', sheet: 'List 6', row: 2, column: 'Closure Date' }),
      null,
      day('2016-11-02'),
      new Invalid('02/01/2017', inStartDate, { file: 'cin.xlsx', sheet: 'List 6', row: 5, column: 'Closure Date' }),
    ]);
  });

  it('does so whichever of the columns the rules keep', () => {
    const rows = [HEADER, ['C1', '01/13/2017', '02/01/2017', 1, 'N', 'A'], ['C2', '02/14/2017', '03/01/2017', 1, 'N', 'A']];
    const closureOnly = typed(rows, (column) => column === 'Closure Date');
    expect(closureOnly.table.rows.map((r) => [('Start Date' in r.values), r.values['Closure Date'] instanceof Invalid])).toEqual([[false, true], [false, true]]);
    const startOnly = typed(rows, (column) => column === 'Start Date');
    expect(problems(startOnly.findings).map(([row, column]) => [row, column])).toEqual([[2, 'Closure Date'], [2, 'Start Date'], [3, 'Closure Date'], [3, 'Start Date']]);
  });

  it('names every month-first column of the sheet', () => {
    const reviews: DatasetDef = { ...CIN, id: 'reviews', columns: { 'Child ID': CIN.columns['Child ID']!, 'Start Date': CIN.columns['Start Date']!, 'Closure Date': CIN.columns['Closure Date']!, 'Review Date': { type: 'date' } } };
    const rows = [['Child ID', 'Start Date', 'Closure Date', 'Review Date'], ['C1', '01/13/2017', '02/01/2017', '03/14/2017'], ['C2', '02/14/2017', null, '04/15/2017']];
    const recognition = recogniseTable(rows, [reviews]);
    if (!recognition.ok) throw new Error('test sheet not recognised');
    const { findings } = typeTable({ file: 'reviews.csv', firstRow: 1, rows }, recognition.match);
    expect(problems(findings).filter(([, column]) => column === 'Closure Date').map(([, , , message]) => message)).toEqual([
      'Closure Date: not read: this sheet has US month-first dates (mm/dd/yyyy) in "Start Date", "Review Date", so day and month cannot be told apart',
    ]);
  });

  it('reads a date with a second number over 12, in a column with too few of them to show it month-first on its own, as the month-first column\'s', () => {
    const { findings } = typed([['Child ID', 'Start Date', 'Closure Date'], ['C1', '01/13/2017', '01/02/2017'], ['C2', '02/14/2017', '2017-02-01'], ['C3', '2017-01-01', '03/14/2017']]);
    expect(problems(findings).filter(([, column]) => column === 'Closure Date').map(([, , value, message]) => [value, message])).toEqual([
      ['01/02/2017', `Closure Date: ${inStartDate}`],
      ['03/14/2017', `Closure Date: ${inStartDate}`],
    ]);
  });

  it('reads a column shown day-first by its own day over 12 as it is, beside a month-first one', () => {
    const { table, findings } = typed([HEADER, ['C1', '01/13/2017', '02/01/2017', 1, 'N', 'A'], ['C2', '02/14/2017', '20/01/2017', 1, 'N', 'A']]);
    expect(columnFindings(findings).map(([, column]) => column)).toEqual(['Start Date']);
    expect(table.rows.map((r) => r.values['Closure Date'])).toEqual([day('2017-01-02'), day('2017-01-20')]);
  });

  it('is read day-first when no column is shown month-first, as every sheet is', () => {
    for (const start of [['03/04/2016', '13/01/2016'], ['03/04/2016', '01/13/2016']]) {
      const { table, findings } = typed([HEADER, ['C1', start[0], '02/01/2017', 1, 'N', 'A'], ['C2', start[1], '12/01/2016', 1, 'N', 'A']]);
      expect(columnFindings(findings)).toEqual([]);
      expect(problems(findings).filter(([, column]) => column === 'Closure Date')).toEqual([]);
      expect(table.rows.map((r) => r.values['Closure Date'])).toEqual([day('2017-01-02'), day('2016-01-12')]);
      expect(table.rows[0]!.values['Start Date']).toBe(day('2016-04-03'));
    }
  });
});

describe('typing a sheet for a judge, as it is read', () => {
  /** Types the rows for a judge that notes, as each row reaches it, how many rows the sheet had given by then. */
  function judged(rows: RawCell[][]) {
    const recognition = recogniseTable(rows, [CIN]);
    if (!recognition.ok) throw new Error('test sheet not recognised');
    const given: { row: number; start: unknown; afterSheetRow: number }[] = [];
    const closures: unknown[] = [];
    let sheetRow = 0;
    const counted: Iterable<RawCell[]> = { *[Symbol.iterator]() { for (const r of rows) { sheetRow++; yield r; } } };
    const result = typeTable({ file: 'cin.xlsx', sheet: 'List 6', firstRow: 1, rows: counted }, recognition.match, undefined, {
      row: (r) => {
        given.push({ row: r.row, start: r.values['Start Date'], afterSheetRow: sheetRow });
        closures.push(r.values['Closure Date']);
      },
    });
    return { ...result, given, closures };
  }

  it('gives each row as soon as it is typed and keeps none', () => {
    const { table, rowCount, given } = judged([HEADER, ['C1', '2017-01-18', null, 1, 'N', 'A'], [null, null, null, null, null, null], ['C2', '18/01/2017', null, 1, 'N', 'A']]);
    expect(given).toEqual([{ row: 2, start: day('2017-01-18'), afterSheetRow: 2 }, { row: 4, start: day('2017-01-18'), afterSheetRow: 4 }]);
    expect(table.rows).toEqual([]);
    expect([rowCount, table.blankRows]).toEqual([2, 1]);
  });

  it('holds rows, in order, from a dd/mm-style date that may prove month-first until a day over 12 shows it is not', () => {
    const { given } = judged([HEADER, ['C1', '02/03/2016', null, 1, 'N', 'A'], ['C2', '2016-05-05', null, 1, 'N', 'A'], ['C3', '20/01/2016', null, 1, 'N', 'A'], ['C4', '04/01/2016', null, 1, 'N', 'A']]);
    expect(given).toEqual([
      { row: 2, start: day('2016-03-02'), afterSheetRow: 4 },
      { row: 3, start: day('2016-05-05'), afterSheetRow: 4 },
      { row: 4, start: day('2016-01-20'), afterSheetRow: 4 },
      { row: 5, start: day('2016-01-04'), afterSheetRow: 5 },
    ]);
  });

  it('holds rows with a dd/mm-style date in any kept column until the sheet ends, when the proof that another column is month-first comes in the last row', () => {
    const { given, closures } = judged([
      HEADER,
      ['C1', '2016-05-05', '02/01/2017', 1, 'N', 'A'],
      ['C2', '01/13/2016', null, 1, 'N', 'A'],
      ['C3', '2016-05-06', '12/01/2016', 1, 'N', 'A'],
      ['C4', '03/14/2016', null, 1, 'N', 'A'],
    ]);
    expect(given.map((g) => g.afterSheetRow)).toEqual([5, 5, 5, 5]);
    expect(closures.map((c) => (c instanceof Invalid ? c.problem : c))).toEqual([expect.stringContaining('US month-first dates (mm/dd/yyyy) in "Start Date"'), null, expect.stringContaining('in "Start Date"'), null]);
  });

  it('gives a column that proves month-first its dd/mm-style dates as unreadable, once the sheet is read', () => {
    const { given } = judged([HEADER, ['C1', '01/13/2016', null, 1, 'N', 'A'], ['C2', '02/03/2016', null, 1, 'N', 'A'], ['C3', '03/14/2016', null, 1, 'N', 'A']]);
    expect(given.map((g) => [g.row, g.start instanceof Invalid ? g.start.problem : g.start, g.afterSheetRow])).toEqual([
      [2, expect.any(String), 4],
      [3, US_ORDER_PROBLEM, 4],
      [4, expect.any(String), 4],
    ]);
  });
});

describe('a range of a file\'s rows given with its header row (skippedAfterFirst)', () => {
  /** Types a CSV file's rows as a range gives them: its header row, then rows from further on, `skipped` rows of the file left out between. */
  function range(rows: RawCell[][], skipped: number | undefined, firstRow = 1) {
    const recognition = recogniseTable(rows, [CIN]);
    if (!recognition.ok) throw new Error('test rows not recognised');
    return typeTable({ file: 'big.csv', firstRow, skippedAfterFirst: skipped, rows }, recognition.match);
  }
  const rows: RawCell[][] = [HEADER, ['C7', '18/01/2017', null, 'lots', 'North', 'A'], ['C8', 'never', null, 1, 'North', 'A']];

  it('numbers the rows after the header row as if that many rows lay between, and their findings with them', () => {
    const { table, findings } = range(rows, 1000);
    expect(table.rows.map((r) => [r.row, r.values['Child ID']])).toEqual([
      [1002, 'C7'],
      [1003, 'C8'],
    ]);
    expect(findings.map((f) => [f.kind, f.row, f.column])).toEqual([
      ['unreadable-value', 1002, 'Hours'],
      ['unreadable-value', 1003, 'Start Date'],
    ]);
  });

  it('counts from the sheet\'s first row, and numbers as Excel does with none skipped', () => {
    expect(range(rows, 10, 3).table.rows.map((r) => r.row)).toEqual([14, 15]);
    expect(range(rows, 0).table.rows.map((r) => r.row)).toEqual([2, 3]);
    expect(range(rows, undefined).table.rows.map((r) => r.row)).toEqual([2, 3]);
  });

  it('names a cell past the header\'s last column on its row as numbered so', () => {
    const { findings } = range([HEADER, ['C7', '18/01/2017', null, 1, 'North', 'A'], ['C8', '18/01/2017', null, 1, 'North', 'A', 'extra']], 50);
    expect(findings.map((f) => [f.kind, f.row])).toEqual([['row-not-read', 53]]);
  });
});
