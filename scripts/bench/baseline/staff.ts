/** practice.supervision-overdue: staff and their supervision log. */
import { addMonths } from '../../../src/calendar/index.js';
import { Invalid } from '../../../src/typing/value.js';
import { cell, dateText, datesByKey, datesOf, forEachRow, isoDate, latestOnOrBefore, openAfter, Tally, type Baseline } from './shared.js';

const WORKER = 'Worker ID';
const SHOWN = ['Role', 'Team', 'Worker Name'];

/** Each member of staff in post at the as-of date supervised within a month of the latest supervision since they started (or of the start). */
export const supervisionOverdue: Baseline = (tables, asOf) => {
  const t = new Tally({ id: 'practice.supervision-overdue', severity: 'medium', team: 'Team', worker: 'Worker Name' });
  const supervisions = datesByKey(tables, 'supervision', WORKER, 'Supervision Date');
  forEachRow(tables, 'staff', (v, row) => {
    const start = v['Start Date'];
    const left = v['End Date'];
    if (typeof start !== 'number' || left instanceof Invalid) return t.ne(row);
    if (!(start <= asOf && openAfter(left, asOf))) return t.na();
    const list = datesOf(supervisions, v[WORKER]);
    if (list.unreadable) return t.ne(list.unreadable);
    const last = latestOnOrBefore(list.dates, asOf);
    const countsFrom = last !== null && last > start ? last : start;
    const due = addMonths(countsFrom, 1);
    const subject = t.judge(row, v[WORKER], asOf > due, SHOWN);
    if (subject === undefined) return;
    const message = `No supervision since ${dateText(countsFrom)} (latest supervision: ${dateText(last)}); due by ${dateText(due)}`;
    t.raise(row, subject, due, message, { Role: cell(v['Role']), 'Start Date': isoDate(start), 'Latest Supervision': isoDate(last) });
  });
  return t.result();
};
