import { dateCellDay } from '../../src/calendar/index.js';

/** A cell read as a date (a number as a serial of the 1904 date system when `date1904`), as a result the tests can compare whole: the day, or the problem. */
export function parseDateCell(value: unknown, date1904 = false): { ok: true; day: number } | { ok: false; problem: string } {
  const day = dateCellDay(value, date1904);
  return typeof day === 'number' ? { ok: true, day } : { ok: false, problem: day };
}
