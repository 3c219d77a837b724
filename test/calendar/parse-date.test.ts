import { describe, it, expect } from 'vitest';
import { isoFromDay, NOT_A_DATE } from '../../src/calendar/index.js';
import { parseDateCell } from '../helpers/dates.js';

function ok(value: unknown, date1904 = false): string {
  const r = parseDateCell(value, date1904);
  if (!r.ok) throw new Error(`${JSON.stringify(value)} rejected: ${r.problem}`);
  return isoFromDay(r.day);
}
function problem(value: unknown, date1904 = false): string {
  const r = parseDateCell(value, date1904);
  if (r.ok) throw new Error(`${JSON.stringify(value)} accepted as ${isoFromDay(r.day)}`);
  return r.problem;
}

describe('Excel serials', () => {
  it('reads 1900-system serials', () => {
    expect(ok(42753)).toBe('2017-01-18');
    expect(ok(42753.75)).toBe('2017-01-18');
    expect(ok(1)).toBe('1900-01-01');
    expect(ok(59)).toBe('1900-02-28');
    expect(ok(61)).toBe('1900-03-01');
    expect(ok(25569)).toBe('1970-01-01');
    expect(ok(2958465)).toBe('9999-12-31');
  });
  it('rejects serial 60 and out-of-range serials', () => {
    expect(problem(60)).toMatch(/29 February 1900/);
    expect(problem(60.5)).toMatch(/29 February 1900/);
    expect(problem(0)).toMatch(/not an Excel date/);
    expect(problem(0.5)).toMatch(/not an Excel date/);
    expect(problem(-5)).toMatch(/not an Excel date/);
    expect(problem(2958466)).toMatch(/9999/);
    expect(problem(Number.NaN)).toBe(NOT_A_DATE);
    expect(problem(Infinity)).toBe(NOT_A_DATE);
  });
  it('reads 1904-system serials (a workbook saved with it) as the days Excel shows: 1462 on from the 1900 system', () => {
    expect(ok(0, true)).toBe('1904-01-01');
    expect(ok(0.75, true)).toBe('1904-01-01');
    expect(ok(1, true)).toBe('1904-01-02');
    expect(ok(41204, true)).toBe('2016-10-23');
    expect(ok(41291, true)).toBe('2017-01-18');
    expect(ok(2957003.5, true)).toBe('9999-12-31');
    expect(ok(new Date(Date.UTC(2016, 9, 23)), true)).toBe('2016-10-23');
    expect(ok('23/10/2016', true)).toBe('2016-10-23');
    expect(problem(-1, true)).toBe("-1 is not an Excel date (this workbook uses Excel's 1904 date system, whose dates start at 0 = 1 January 1904)");
    expect(problem(-0.5, true)).toMatch(/1904 date system/);
    expect(problem(2957004, true)).toBe('2957004 is not an Excel date (it is beyond the year 9999)');
    expect(problem(Number.NaN, true)).toBe(NOT_A_DATE);
    expect(problem(-Infinity, true)).toBe(NOT_A_DATE);
  });
});

describe('strings', () => {
  it('dd/mm/yyyy and variants', () => {
    expect(ok('18/01/2017')).toBe('2017-01-18');
    expect(ok('8/1/2017')).toBe('2017-01-08');
    expect(ok('18-01-2017')).toBe('2017-01-18');
    expect(ok('18.01.2017')).toBe('2017-01-18');
    expect(ok('  18/01/2017 \t')).toBe('2017-01-18');
    expect(ok('18/01/2017 10:30')).toBe('2017-01-18');
    expect(ok('18/01/2017 23:59:59')).toBe('2017-01-18');
    expect(ok('29/02/2016')).toBe('2016-02-29');
  });
  it('ISO with optional time', () => {
    expect(ok('2017-01-18')).toBe('2017-01-18');
    expect(ok('2017-01-18T10:00:00Z')).toBe('2017-01-18');
    expect(ok('2017-01-18T10:30')).toBe('2017-01-18');
    expect(ok('2017-01-18 10:30:00')).toBe('2017-01-18');
    expect(ok('2017-01-18T23:30:00.123-05:00')).toBe('2017-01-18'); // date as written, not shifted
    expect(ok('2017-01-18T00:30:00+0100')).toBe('2017-01-18');
    expect(ok('2017-01-18Z')).toBe('2017-01-18');
  });
  it('impossible dates get a plain-English problem', () => {
    expect(problem('31/02/2017')).toBe('31 February 2017 does not exist');
    expect(problem('29/02/2017')).toBe('29 February 2017 does not exist');
    expect(problem('2016-13-01')).toBe('month 13 does not exist');
    expect(problem('02/13/2017')).toBe('month 13 does not exist');
    expect(problem('00/01/2017')).toBe('0 January 2017 does not exist');
    expect(problem('31/04/2017')).toBe('31 April 2017 does not exist');
  });
  it('anything else is not a date', () => {
    for (const v of [
      'TBC', '', '18/01/17', 'Jan 2017', '18 Jan 2017', '2017', '42753', '18/01-2017', '2017/01/18',
      '2017-1-18', '18/01/2017T10:00', '18/01/2017 25:00', '2017-01-18T10', '2017-01-18 junk',
      '2017-01-18T10:00+5', '123/01/2017', '18/01/20170', '1//2017', true, null, {}, [], 42753n,
    ]) {
      expect(problem(v)).toBe(NOT_A_DATE);
    }
  });
  it('long hostile input is not a date (how fast it is refused is for the bench to measure)', () => {
    expect(problem('1'.repeat(100000) + '/')).toBe(NOT_A_DATE);
    expect(problem('18/01/2017 ' + '1:'.repeat(50000))).toBe(NOT_A_DATE);
  });
});

describe('Date objects', () => {
  it('uses UTC components', () => {
    expect(ok(new Date(Date.UTC(2017, 0, 18, 23, 30)))).toBe('2017-01-18');
    expect(ok(new Date(Date.UTC(2016, 1, 29)))).toBe('2016-02-29');
    expect(problem(new Date(Number.NaN))).toMatch(/not a date/);
  });
});

describe('edges of each form', () => {
  it.each([
    ['2017-01-18t10:00z', '2017-01-18'],
    ['2017-01-18 24:00', '2017-01-18'],
    ['2017-01-18T10:59:60', '2017-01-18'],
    ['2017-01-18T10:00:00.123456789', '2017-01-18'],
    ['2017-01-18T10:00+05', '2017-01-18'],
    ['2017-01-18T10:00+05:30', '2017-01-18'],
    ['2017-01-18T10:00-0530', '2017-01-18'],
    ['18/1/2017', '2017-01-18'],
    ['1.12.2017', '2017-12-01'],
    ['0001-01-01', '0001-01-01'],
    ['31/12/9999', '9999-12-31'],
    ['2016-02-29', '2016-02-29'],
    ['31-12-2016', '2016-12-31'],
  ])('%j is %s', (text, iso) => {
    expect(ok(text)).toBe(iso);
  });

  it.each([
    ['2017-01-18 25:00', NOT_A_DATE],
    ['2017-01-18 10:60', NOT_A_DATE],
    ['2017-01-18 10:5', NOT_A_DATE],
    ['2017-01-18 10', NOT_A_DATE],
    ['2017-01-18T10:00:61', NOT_A_DATE],
    ['2017-01-18T10:00:0', NOT_A_DATE],
    ['2017-01-18T10:00:00.', NOT_A_DATE],
    ['2017-01-18T10:00+5', NOT_A_DATE],
    ['2017-01-18T10:00+05:3', NOT_A_DATE],
    ['2017-01-18T10:00+053', NOT_A_DATE],
    ['2017-01-18T10:00+', NOT_A_DATE],
    ['2017-01-18X', NOT_A_DATE],
    ['2017-01-1', NOT_A_DATE],
    ['2017-01', NOT_A_DATE],
    ['2017+01-18', NOT_A_DATE],
    ['18/01/2017 10:30 junk', NOT_A_DATE],
    ['18/01/2017junk', NOT_A_DATE],
    ['18/01.2017', NOT_A_DATE],
    ['18 01 2017', NOT_A_DATE],
    ['18/01/201', NOT_A_DATE],
    ['18/a1/2017', NOT_A_DATE],
    ['1a/01/2017', NOT_A_DATE],
    ['18/01/2O17', NOT_A_DATE],
    ['2017-0a-18', NOT_A_DATE],
    ['201a-01-18', NOT_A_DATE],
    ['2017-01-1a', NOT_A_DATE],
    ['18-01/2017', NOT_A_DATE],
    ['18x01x2017', NOT_A_DATE],
    ['18/01', NOT_A_DATE],
    ['18/01/', NOT_A_DATE],
    ['0000-01-01', 'year 0 is not supported (expected 0001-9999)'],
    ['00/00/0000', 'year 0 is not supported (expected 0001-9999)'],
    ['01/00/2017', 'month 0 does not exist'],
    ['2017-00-10', 'month 0 does not exist'],
    ['32/01/2017', '32 January 2017 does not exist'],
    ['30/02/2016', '30 February 2016 does not exist'],
    ['2017-12-32', '32 December 2017 does not exist'],
  ])('%j: %s', (text, message) => {
    expect(problem(text)).toBe(message);
  });

  it('says what it expected', () => {
    expect(NOT_A_DATE).toBe('not a date (expected dd/mm/yyyy, yyyy-mm-dd or an Excel date)');
  });

  it('serials: each problem in full', () => {
    expect(problem(0)).toBe('0 is not an Excel date (Excel dates start at 1 = 1 January 1900)');
    expect(problem(0.999)).toBe('0.999 is not an Excel date (Excel dates start at 1 = 1 January 1900)');
    expect(problem(60)).toBe('Excel date 60 is 29 February 1900, which does not exist (a known Excel quirk)');
    expect(ok(2958465.5)).toBe('9999-12-31');
    expect(problem(2958466)).toBe('2958466 is not an Excel date (it is beyond the year 9999)');
    expect(ok(1.5)).toBe('1900-01-01');
  });

  it('a Date from a workbook: its UTC day; an invalid one says so', () => {
    expect(ok(new Date(Date.UTC(9999, 11, 31)))).toBe('9999-12-31');
    expect(problem(new Date(Number.NaN))).toBe('not a date (invalid date value)');
    const year10000 = new Date(Date.UTC(10000, 0, 1));
    expect(problem(year10000)).toBe('year 10000 is not supported (expected 0001-9999)');
  });
});
