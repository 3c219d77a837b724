/** practice.supervision-overdue: staff and their supervision log. */
import { addMonths } from '../../../src/calendar/index.js';
import { Invalid } from '../../../src/typing/value.js';
import { datesByKey, datesOf, forEachRow, latestOnOrBefore, openAfter, Tally, type Baseline } from './shared.js';

const WORKER = 'Worker ID';
const SHOWN = ['Role', 'Team', 'Worker Name'];

/** Each member of staff in post at the as-of date supervised within a month of the latest supervision since they started (or of the start). */
export const supervisionOverdue: Baseline = (tables, asOf) => {
  const t = new Tally();
  const supervisions = datesByKey(tables, 'supervision', WORKER, 'Supervision Date');
  forEachRow(tables, 'staff', (v) => {
    const start = v['Start Date'];
    const left = v['End Date'];
    if (typeof start !== 'number' || left instanceof Invalid) return t.ne();
    if (!(start <= asOf && openAfter(left, asOf))) return t.na();
    const list = datesOf(supervisions, v[WORKER]);
    if (list.unreadable) return t.ne();
    const last = latestOnOrBefore(list.dates, asOf);
    const due = addMonths(last !== null && last > start ? last : start, 1);
    t.judge(v[WORKER], asOf > due, due, v, SHOWN);
  });
  return t.counts();
};
