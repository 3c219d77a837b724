/** The rules over the register of children's homes and its Regulation 44 and 45 logs. */
import { addMonths, endOfMonth, startOfMonth, type Day } from '../../../src/calendar/index.js';
import { Invalid, type Value } from '../../../src/typing/value.js';
import { datesByKey, datesOf, fold, forEachRow, isEmpty, latestOnOrBefore, openAfter, SETTING_NAME, Tally, type Baseline, type Values } from './shared.js';

const HOMES = 'ofsted-children-homes';
const URN = 'URN';
const REGISTERED = 'Registration Date';
const CLOSED = 'Closed Date';
const TYPE = 'Provider Type';
const FULL = 'Full Inspection Start Date';
const JUDGEMENT = 'Overall Effectiveness';
const SUBTYPE = 'Provider Subtype';

/** A children's home by its provider type; an empty type (a list of homes only) counts. */
function childrensHome(type: Value | undefined): boolean {
  if (isEmpty(type)) return true;
  if (typeof type !== 'string') return false;
  const f = fold(type);
  return f.includes("children's home") || f.includes('childrens home');
}

/**
 * A home to judge at the as-of date: registered on or before it, not closed on or before it, a
 * children's home. Returns its registration day; otherwise counts the row (not evaluable when the
 * registration date is missing or a column deciding this, or one of `alsoReads`, is unreadable;
 * else not applicable) and returns undefined.
 */
function activeHome(t: Tally, v: Values, asOf: Day, alsoReads: readonly string[] = []): Day | undefined {
  const registered = v[REGISTERED];
  const closed = v[CLOSED];
  const type = v[TYPE];
  if (typeof registered !== 'number' || closed instanceof Invalid || type instanceof Invalid) return void t.ne();
  for (const column of alsoReads) if (v[column] instanceof Invalid) return void t.ne();
  if (!(registered <= asOf && openAfter(closed, asOf) && childrensHome(type))) return void t.na();
  return registered;
}

/** A full inspection due 12 months after the latest one (or registration); `late` says whether that due date is an exception. */
function fullInspection(late: (due: Day, asOf: Day) => boolean): Baseline {
  return (tables, asOf) => {
    const t = new Tally();
    forEachRow(tables, HOMES, (v) => {
      const registered = activeHome(t, v, asOf);
      if (registered === undefined) return;
      const full = v[FULL];
      if (full instanceof Invalid || v[JUDGEMENT] instanceof Invalid) return t.ne();
      const due = addMonths(typeof full === 'number' ? full : registered, 12);
      t.judge(v[URN], late(due, asOf), due, v, SETTING_NAME);
    });
    return t.counts();
  };
}

/** inspection.full-overdue: the as-of date is after the due date. */
export const fullInspectionOverdue = fullInspection((due, asOf) => asOf > due);

/** inspection.full-due-soon: the due date is in the 28 days from the as-of date. */
export const fullInspectionDueSoon = fullInspection((due, asOf) => due >= asOf && due <= asOf + 28);

/**
 * inspection.second-inspection-overdue: a home judged requires improvement or inadequate, or a
 * secure unit, needs an interim inspection within 6 months of its latest full inspection.
 */
export const secondInspectionOverdue: Baseline = (tables, asOf) => {
  const t = new Tally();
  forEachRow(tables, HOMES, (v) => {
    if (activeHome(t, v, asOf, [FULL, JUDGEMENT, SUBTYPE]) === undefined) return;
    const full = v[FULL];
    const judgement = v[JUDGEMENT];
    const subtype = v[SUBTYPE];
    const weak = typeof judgement === 'string' && ((f) => f.startsWith('requires improvement') || f.startsWith('inadequate'))(fold(judgement));
    const secure = typeof subtype === 'string' && fold(subtype).includes('secure');
    if (typeof full !== 'number' || !(weak || secure)) return t.na();
    const interim = v['Interim Inspection Start Date'];
    if (interim instanceof Invalid) return t.ne();
    const due = addMonths(full, 6);
    const noInterim = typeof interim !== 'number' || interim <= full || interim > asOf;
    t.judge(v[URN], asOf > due && noInterim, due, v, SETTING_NAME);
  });
  return t.counts();
};

/** reg45.review-overdue: a quality-of-care review within 6 months of the latest one on or before the as-of date (or of registration). */
export const reg45ReviewOverdue: Baseline = (tables, asOf) => {
  const t = new Tally();
  const reviews = datesByKey(tables, 'reg45-reviews', URN, 'Review Completed Date');
  forEachRow(tables, HOMES, (v) => {
    const registered = activeHome(t, v, asOf);
    if (registered === undefined) return;
    const list = datesOf(reviews, v[URN]);
    if (list.unreadable) return t.ne();
    const due = addMonths(latestOnOrBefore(list.dates, asOf) ?? registered, 6);
    t.judge(v[URN], asOf > due, due, v, SETTING_NAME);
  });
  return t.counts();
};

/**
 * reg44.monthly-visit: a visit in each of the 12 complete months before the as-of month, judged
 * for each month the home was registered on its first day and not closed before its last.
 */
export const reg44MonthlyVisit: Baseline = (tables, asOf) => {
  const t = new Tally();
  const visits = datesByKey(tables, 'reg44-visits', URN, 'Visit Date');
  const first = startOfMonth(asOf);
  const months = Array.from({ length: 12 }, (_, i) => addMonths(first, i - 12));
  const ends = months.map(endOfMonth);
  forEachRow(tables, HOMES, (v) => {
    const registered = v[REGISTERED];
    const closed = v[CLOSED];
    const type = v[TYPE];
    if (typeof registered !== 'number' || closed instanceof Invalid || type instanceof Invalid) return t.ne(months.length);
    if (!childrensHome(type)) return t.na(months.length);
    const list = datesOf(visits, v[URN]);
    for (let i = 0; i < months.length; i++) {
      const month = months[i]!;
      const end = ends[i]!;
      if (!(registered <= month && (isEmpty(closed) || (typeof closed === 'number' && closed >= end)))) t.na();
      else if (list.unreadable) t.ne();
      else t.judge(v[URN], !list.dates.some((d) => d >= month && d <= end), end, v, SETTING_NAME);
    }
  });
  return t.counts();
};

/** A report due 28 days after a visit or review in the 12 complete months before the as-of month, or since: late when sent after, or not sent and due. */
function reportLate(dataset: string, dateColumn: string): Baseline {
  return (tables, asOf) => {
    const t = new Tally();
    const windowStart = addMonths(startOfMonth(asOf), -12);
    forEachRow(tables, dataset, (v) => {
      const day = v[dateColumn];
      if (typeof day !== 'number') return t.ne();
      if (!(day >= windowStart && day <= asOf)) return t.na();
      const sent = v['Report Sent Date'];
      if (sent instanceof Invalid) return t.ne();
      const due = day + 28;
      t.judge(v[URN], typeof sent === 'number' ? sent > due : asOf > due, due, v, SETTING_NAME);
    });
    return t.counts();
  };
}

/** reg44.report-late: a visit's report within 28 days. */
export const reg44ReportLate = reportLate('reg44-visits', 'Visit Date');

/** reg45.report-late: a review's report within 28 days of its completion. */
export const reg45ReportLate = reportLate('reg45-reviews', 'Review Completed Date');
