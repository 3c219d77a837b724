import { describe, it, expect } from 'vitest';
import { isoFromDay, NOT_A_DATE } from '../../src/calendar/index.js';
import { parseDateCell } from '../helpers/dates.js';

function ok(value: unknown): string {
  const r = parseDateCell(value);
  if (!r.ok) throw new Error(`${JSON.stringify(value)} rejected: ${r.problem}`);
  return isoFromDay(r.day);
}
function problem(value: unknown): string {
  const r = parseDateCell(value);
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
