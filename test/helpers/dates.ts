import { dateCellDay } from '../../src/calendar/index.js';

/** A cell read as a date, as a result the tests can compare whole: the day, or the problem. */
export function parseDateCell(value: unknown): { ok: true; day: number } | { ok: false; problem: string } {
  const day = dateCellDay(value);
  return typeof day === 'number' ? { ok: true, day } : { ok: false, problem: day };
}
