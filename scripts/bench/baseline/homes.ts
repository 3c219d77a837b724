/** The rules over the register of children's homes and its Regulation 44 and 45 logs. */
import { addMonths, endOfMonth, isoFromDay, startOfMonth, type Day } from '../../../src/calendar/index.js';
import { monthName } from '../../../src/engine/format.js';
import type { TypedRow } from '../../../src/typing/typed-table.js';
import { Invalid, type Value } from '../../../src/typing/value.js';
import { cell, dateText, datesByKey, datesOf, fold, forEachRow, isEmpty, isoDate, latestOnOrBefore, openAfter, SETTING_NAME, Tally, valueText, type Baseline, type RuleOutput } from './shared.js';

const HOMES = 'ofsted-children-homes';
const URN = 'URN';
const REGISTERED = 'Registration Date';
const CLOSED = 'Closed Date';
const TYPE = 'Provider Type';
const FULL = 'Full Inspection Start Date';
const JUDGEMENT = 'Overall Effectiveness';
const SUBTYPE = 'Provider Subtype';
const INTERIM = 'Interim Inspection Start Date';
const SENT = 'Report Sent Date';
const [SETTING] = SETTING_NAME;

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
function activeHome(t: Tally, row: TypedRow, asOf: Day, alsoReads: readonly string[] = []): Day | undefined {
  const v = row.values;
  const registered = v[REGISTERED];
  const closed = v[CLOSED];
  const type = v[TYPE];
  if (typeof registered !== 'number' || closed instanceof Invalid || type instanceof Invalid) return void t.ne(row);
  for (const column of alsoReads) if (v[column] instanceof Invalid) return void t.ne(row);
  if (!(registered <= asOf && openAfter(closed, asOf) && childrensHome(type))) return void t.na();
  return registered;
}

/** A rule about a home: its exceptions name no team or worker. */
const homeRule = (id: string, severity: RuleOutput['severity']): RuleOutput => ({ id, severity });

/**
 * A full inspection due 12 months after the latest one (or registration); `late` says whether
 * that due date is an exception, `dueText` how the message begins.
 */
function fullInspection(rule: RuleOutput, dueText: string, late: (due: Day, asOf: Day) => boolean): Baseline {
  return (tables, asOf) => {
    const t = new Tally(rule);
    forEachRow(tables, HOMES, (v, row) => {
      const registered = activeHome(t, row, asOf);
      if (registered === undefined) return;
      const full = v[FULL];
      const judgement = v[JUDGEMENT];
      if (full instanceof Invalid || judgement instanceof Invalid) return t.ne(row);
      const due = addMonths(typeof full === 'number' ? full : registered, 12);
      const subject = t.judge(row, v[URN], late(due, asOf), SETTING_NAME);
      if (subject === undefined) return;
      const message = `${dueText} ${dateText(due)}; latest full inspection: ${dateText(full)}, judgement: ${valueText(judgement)}; registered ${dateText(registered)}`;
      t.raise(row, subject, due, message, { [SETTING]: cell(v[SETTING]), 'Latest Full Inspection': isoDate(full), Judgement: cell(judgement), 'Registration Date': isoDate(registered) });
    });
    return t.result();
  };
}

/** inspection.full-overdue: the as-of date is after the due date. */
export const fullInspectionOverdue = fullInspection(homeRule('inspection.full-overdue', 'medium'), 'Full inspection was due by', (due, asOf) => asOf > due);

/** inspection.full-due-soon: the due date is in the 28 days from the as-of date. */
export const fullInspectionDueSoon = fullInspection(homeRule('inspection.full-due-soon', 'info'), 'Full inspection due by', (due, asOf) => due >= asOf && due <= asOf + 28);

/**
 * inspection.second-inspection-overdue: a home judged requires improvement or inadequate, or a
 * secure unit, needs an interim inspection within 6 months of its latest full inspection.
 */
export const secondInspectionOverdue: Baseline = (tables, asOf) => {
  const t = new Tally(homeRule('inspection.second-inspection-overdue', 'high'));
  forEachRow(tables, HOMES, (v, row) => {
    if (activeHome(t, row, asOf, [FULL, JUDGEMENT, SUBTYPE]) === undefined) return;
    const full = v[FULL];
    const judgement = v[JUDGEMENT];
    const subtype = v[SUBTYPE];
    const weak = typeof judgement === 'string' && ((f) => f.startsWith('requires improvement') || f.startsWith('inadequate'))(fold(judgement));
    const secure = typeof subtype === 'string' && fold(subtype).includes('secure');
    if (typeof full !== 'number' || !(weak || secure)) return t.na();
    const interim = v[INTERIM];
    if (interim instanceof Invalid) return t.ne(row);
    const due = addMonths(full, 6);
    const noInterim = typeof interim !== 'number' || interim <= full || interim > asOf;
    const subject = t.judge(row, v[URN], asOf > due && noInterim, SETTING_NAME);
    if (subject === undefined) return;
    const message = `Second inspection was due by ${dateText(due)}: latest full inspection ${dateText(full)} (${valueText(judgement)}), no interim inspection since`;
    t.raise(row, subject, due, message, {
      [SETTING]: cell(v[SETTING]),
      'Provider Subtype': cell(subtype),
      'Latest Full Inspection': isoDate(full),
      Judgement: cell(judgement),
      'Interim Inspection': isoDate(interim),
    });
  });
  return t.result();
};

/** reg45.review-overdue: a quality-of-care review within 6 months of the latest one on or before the as-of date (or of registration). */
export const reg45ReviewOverdue: Baseline = (tables, asOf) => {
  const t = new Tally(homeRule('reg45.review-overdue', 'high'));
  const reviews = datesByKey(tables, 'reg45-reviews', URN, 'Review Completed Date');
  forEachRow(tables, HOMES, (v, row) => {
    const registered = activeHome(t, row, asOf);
    if (registered === undefined) return;
    const list = datesOf(reviews, v[URN]);
    if (list.unreadable) return t.ne(list.unreadable);
    const last = latestOnOrBefore(list.dates, asOf);
    const due = addMonths(last ?? registered, 6);
    const subject = t.judge(row, v[URN], asOf > due, SETTING_NAME);
    if (subject === undefined) return;
    const message = `Regulation 45 review due by ${dateText(due)}; latest review on or before the as-of date: ${dateText(last)}`;
    t.raise(row, subject, due, message, { [SETTING]: cell(v[SETTING]), 'Registration Date': isoDate(registered), 'Latest Review': isoDate(last) });
  });
  return t.result();
};

/**
 * reg44.monthly-visit: a visit in each of the 12 complete months before the as-of month, judged
 * for each month the home was registered on its first day and not closed before its last.
 */
export const reg44MonthlyVisit: Baseline = (tables, asOf) => {
  const t = new Tally(homeRule('reg44.monthly-visit', 'high'));
  const visits = datesByKey(tables, 'reg44-visits', URN, 'Visit Date');
  const first = startOfMonth(asOf);
  const months = Array.from({ length: 12 }, (_, i) => addMonths(first, i - 12));
  const ends = months.map(endOfMonth);
  forEachRow(tables, HOMES, (v, row) => {
    const registered = v[REGISTERED];
    const closed = v[CLOSED];
    const type = v[TYPE];
    if (typeof registered !== 'number' || closed instanceof Invalid || type instanceof Invalid) return t.ne(row, months.length);
    if (!childrensHome(type)) return t.na(months.length);
    const list = datesOf(visits, v[URN]);
    for (let i = 0; i < months.length; i++) {
      const month = months[i]!;
      const end = ends[i]!;
      if (!(registered <= month && (isEmpty(closed) || (typeof closed === 'number' && closed >= end)))) t.na();
      else if (list.unreadable) t.ne(list.unreadable);
      else {
        const subject = t.judge(row, v[URN], !list.dates.some((d) => d >= month && d <= end), SETTING_NAME);
        if (subject === undefined) continue;
        const before = latestOnOrBefore(list.dates, month - 1);
        const message = `No Regulation 44 visit in ${monthName(month)}; last visit before it: ${dateText(before)}`;
        t.raise(row, subject, end, message, { [SETTING]: cell(v[SETTING]), Month: isoFromDay(month).slice(0, 7), 'Last Visit Before': isoDate(before) });
      }
    }
  });
  return t.result();
};

/**
 * A report due 28 days after a visit or review in the 12 complete months before the as-of month,
 * or since: late when sent after, or not sent and due; sent before it looks wrong. `what` names
 * the visit or review in the message.
 */
function reportLate(rule: RuleOutput, dataset: string, dateColumn: string, what: string): Baseline {
  return (tables, asOf) => {
    const t = new Tally(rule);
    const windowStart = addMonths(startOfMonth(asOf), -12);
    forEachRow(tables, dataset, (v, row) => {
      const day = v[dateColumn];
      if (typeof day !== 'number') return t.ne(row);
      if (!(day >= windowStart && day <= asOf)) return t.na();
      const sent = v[SENT];
      if (sent instanceof Invalid) return t.ne(row);
      const due = day + 28;
      const subject = t.judge(row, v[URN], typeof sent === 'number' ? sent > due : asOf > due, SETTING_NAME, typeof sent === 'number' && sent < day);
      if (subject === undefined) return;
      const message = `Report on the ${what} ${dateText(day)} was due by ${dateText(due)}; sent: ${dateText(sent)}`;
      t.raise(row, subject, due, message, { [SETTING]: cell(v[SETTING]), [dateColumn]: isoDate(day), [SENT]: isoDate(sent) });
    });
    return t.result();
  };
}

/** reg44.report-late: a visit's report within 28 days. */
export const reg44ReportLate = reportLate(homeRule('reg44.report-late', 'medium'), 'reg44-visits', 'Visit Date', 'visit of');

/** reg45.report-late: a review's report within 28 days of its completion. */
export const reg45ReportLate = reportLate(homeRule('reg45.report-late', 'medium'), 'reg45-reviews', 'Review Completed Date', 'review completed');
