/** The rules over children's records in the Annex A lists, one row a child (or a case). */
import { addMonths, type Day, type WorkingDayCalendar } from '../../../src/calendar/index.js';
import { Invalid } from '../../../src/typing/value.js';
import { fold, forEachRow, isEmpty, openAfter, Tally, TEAM_AND_WORKER, workingDaysAfter, type Baseline, type Values } from './shared.js';

const CHILD = 'Child Unique ID';
const CASE_SHOWN = ['Case Status', ...TEAM_AND_WORKER];

/** drift.cin-open-over-6-months: a CIN case open at the as-of date, started more than 6 months before it. */
export const cinDrift: Baseline = (tables, asOf) => {
  const t = new Tally();
  forEachRow(tables, 'annex-a-list-6', (v) => {
    const start = v['CIN Start Date'];
    const closure = v['CIN Closure Date'];
    if (typeof start !== 'number' || closure instanceof Invalid) return t.ne();
    if (!(start <= asOf && openAfter(closure, asOf))) return t.na();
    const due = addMonths(start, 6);
    t.judge(v[CHILD], asOf > due, due, v, CASE_SHOWN);
  });
  return t.counts();
};

/**
 * A timescale counted in working days from a start date (assessment, initial conference): late
 * when done after the due date, or not done and the due date has passed. `excluded` says whether
 * a row is out of scope (undefined: it cannot tell, its column is unreadable).
 */
function workingDayTimescale(dataset: string, startColumn: string, doneColumn: string, workingDays: number, excluded: (v: Values) => boolean | undefined): Baseline {
  return (tables, asOf, calendar) => {
    const t = new Tally();
    forEachRow(tables, dataset, (v) => {
      const start = v[startColumn];
      if (typeof start !== 'number') return t.ne();
      const out = excluded(v);
      if (out === undefined) return t.ne();
      if (!(start <= asOf) || out) return t.na();
      const done = v[doneColumn];
      const due = workingDaysAfter(calendar, start, workingDays);
      if (done instanceof Invalid || due === undefined) return t.ne();
      t.judge(v[CHILD], typeof done === 'number' ? done > due : asOf > due, due, v, TEAM_AND_WORKER);
    });
    return t.counts();
  };
}

/** practice.assessment-timescale: an assessment authorised within 45 working days of its start. */
export const assessmentTimescale = workingDayTimescale('annex-a-list-4', 'Continuous Assessment Start Date', 'Continuous Assessment Date of Authorisation', 45, () => false);

/** practice.icpc-timescale: an initial conference within 15 working days of the strategy discussion, unless deemed unnecessary. */
export const icpcTimescale = workingDayTimescale('annex-a-list-5', 'Strategy discussion initiating Section 47 Enquiry Start Date', 'Date of Initial Child Protection Conference', 15, (v) => {
  const answer = v['Was an Initial Child Protection Conference deemed unnecessary?'];
  if (answer instanceof Invalid) return undefined;
  if (typeof answer !== 'string') return false;
  const f = fold(answer);
  return f === 'yes' || f === 'y' || f.startsWith('a)');
});

/** A rule over children open at the as-of date: their dataset, dates, columns and due date. */
interface OpenCase {
  dataset: string;
  startColumn: string;
  endColumn: string;
  /** Columns the due date reads: when one is unreadable the row is not evaluable. */
  reads: readonly string[];
  /** Columns an exception shows (unreadable: not evaluable). */
  shown: readonly string[];
  /** The due date from the row and its start; undefined when it cannot be computed. */
  due: (v: Values, start: Day, calendar: WorkingDayCalendar) => Day | undefined;
}

/**
 * A child open at the as-of date (start on or before it, no end on or before it) is late when the
 * as-of date is after the due date; not evaluable when the start is missing or unreadable, or the
 * end is unreadable.
 */
function openCase({ dataset, startColumn, endColumn, reads, shown, due }: OpenCase): Baseline {
  return (tables, asOf, calendar) => {
    const t = new Tally();
    forEachRow(tables, dataset, (v) => {
      const start = v[startColumn];
      const end = v[endColumn];
      if (typeof start !== 'number' || end instanceof Invalid) return t.ne();
      if (!(start <= asOf && openAfter(end, asOf))) return t.na();
      for (const column of reads) if (v[column] instanceof Invalid) return t.ne();
      const d = due(v, start, calendar);
      if (d === undefined) return t.ne();
      t.judge(v[CHILD], asOf > d, d, v, shown);
    });
    return t.counts();
  };
}

/** A date column's day when it is on or after `floor` (it counts for this plan or period), else null. */
const since = (v: Values, column: string, floor: Day): Day | null => {
  const d = v[column];
  return typeof d === 'number' && d >= floor ? d : null;
};

const CP_PLAN = { dataset: 'annex-a-list-7', startColumn: 'Child Protection Plan Start Date', endColumn: 'Child Protection Plan End Date' };
const LOOKED_AFTER = { dataset: 'annex-a-list-8', startColumn: 'Date Started to be Looked After', endColumn: 'Date Ceased to be Looked After' };

/** practice.cp-review-overdue: first review 3 months after the plan starts, then every 6 months. */
export const cpReviewOverdue = openCase({
  ...CP_PLAN,
  reads: ['Date of latest review conference'],
  shown: TEAM_AND_WORKER,
  due: (v, start) => {
    const review = since(v, 'Date of latest review conference', start);
    return review === null ? addMonths(start, 3) : addMonths(review, 6);
  },
});

/** practice.cp-visit-overdue: a visit within 10 working days of the last one this plan (or the plan start). */
export const cpVisitOverdue = openCase({
  ...CP_PLAN,
  reads: ['Date of the Last Statutory Visit'],
  shown: ['Was the Child Seen Alone?', ...TEAM_AND_WORKER],
  due: (v, start, calendar) => workingDaysAfter(calendar, since(v, 'Date of the Last Statutory Visit', start) ?? start, 10),
});

/** practice.lac-review-overdue: first review 20 working days after becoming looked after, then every 6 months. */
export const lacReviewOverdue = openCase({
  ...LOOKED_AFTER,
  reads: ['Date of Latest Statutory Review'],
  shown: TEAM_AND_WORKER,
  due: (v, start, calendar) => {
    const review = since(v, 'Date of Latest Statutory Review', start);
    return review === null ? workingDaysAfter(calendar, start, 20) : addMonths(review, 6);
  },
});

/** practice.lac-visit-overdue: a visit every 6 weeks this period, and within 7 days of a placement starting since the last visit. */
export const lacVisitOverdue = openCase({
  ...LOOKED_AFTER,
  reads: ['Date of Last Social Work Visit', 'Start Date of Most Recent Placement'],
  shown: ['Placement Type', ...TEAM_AND_WORKER],
  due: (v, start) => {
    const visit = since(v, 'Date of Last Social Work Visit', start);
    const placement = v['Start Date of Most Recent Placement'];
    const placedFrom = typeof placement === 'number' && placement > start ? placement : start;
    if (visit === null) return placedFrom + 7;
    return placedFrom > visit ? Math.min(visit + 42, placedFrom + 7) : visit + 42;
  },
});

/**
 * practice.health-assessment-overdue: an initial assessment 20 working days after becoming looked
 * after, then reviews every 6 months for a child assessed before their fifth birthday, else every
 * 12. Its due date is required, so a row without one is not evaluable even when not applicable.
 */
export const healthAssessmentOverdue: Baseline = (tables, asOf, calendar) => {
  const t = new Tally();
  forEachRow(tables, 'annex-a-list-8', (v) => {
    const start = v[LOOKED_AFTER.startColumn];
    const last = v['Date of Last Health Assessment'];
    const born = v['Date of Birth'];
    const ceased = v[LOOKED_AFTER.endColumn];
    if (typeof start !== 'number' || last instanceof Invalid || born instanceof Invalid || ceased instanceof Invalid) return t.ne();
    const assessed = typeof last === 'number' && last >= start ? last : null;
    let due: Day | null | undefined;
    if (assessed === null) due = workingDaysAfter(calendar, start, 20);
    else if (typeof born !== 'number') due = null;
    else due = assessed < addMonths(born, 60) ? addMonths(assessed, 6) : addMonths(assessed, 12);
    if (due === null || due === undefined) return t.ne();
    if (!(start <= asOf && openAfter(ceased, asOf))) return t.na();
    t.judge(v[CHILD], asOf > due, due, v, TEAM_AND_WORKER);
  });
  return t.counts();
};

/** A care leaver's contact or review due a number of months after the latest one; none recorded is overdue. */
function careLeaverOverdue(column: string, months: number, shown: readonly string[]): Baseline {
  return (tables, asOf) => {
    const t = new Tally();
    forEachRow(tables, 'annex-a-list-9', (v) => {
      const latest = v[column];
      if (latest instanceof Invalid) return t.ne();
      const due = typeof latest === 'number' ? addMonths(latest, months) : null;
      t.judge(v[CHILD], due === null ? isEmpty(latest) : asOf > due, due, v, shown);
    });
    return t.counts();
  };
}

/** practice.care-leaver-contact-overdue: contact at least every 2 months. */
export const careLeaverContactOverdue = careLeaverOverdue('Latest Date of Contact', 2, ['LA in Touch', 'Allocated Personal Advisor', ...TEAM_AND_WORKER]);

/** practice.pathway-plan-review-overdue: the pathway plan reviewed at least every 6 months. */
export const pathwayPlanReviewOverdue = careLeaverOverdue('Latest Pathway Plan Review Date', 6, ['Eligibility Category', 'Allocated Personal Advisor', ...TEAM_AND_WORKER]);
