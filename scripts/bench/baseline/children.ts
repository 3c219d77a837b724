/** The rules over children's records in the Annex A lists, one row a child (or a case). */
import { addMonths, wholeMonthsBetween, type Day, type WorkingDayCalendar } from '../../../src/calendar/index.js';
import { Invalid, type Value } from '../../../src/typing/value.js';
import { cell, dateText, fold, forEachRow, isEmpty, isoDate, openAfter, Tally, TEAM_AND_WORKER, workingDaysAfter, type Baseline, type Columns, type RuleOutput, type Values } from './shared.js';

const CHILD = 'Child Unique ID';
const CASE_SHOWN = ['Case Status', ...TEAM_AND_WORKER];
const [TEAM, WORKER] = TEAM_AND_WORKER;

/** A rule about a child: its exceptions name the allocated team and worker. */
const childRule = (id: string, severity: RuleOutput['severity']): RuleOutput => ({ id, severity, team: TEAM, worker: WORKER });

/** drift.cin-open-over-6-months: a CIN case open at the as-of date, started more than 6 months before it. */
export const cinDrift: Baseline = (tables, asOf) => {
  const t = new Tally(childRule('drift.cin-open-over-6-months', 'medium'));
  forEachRow(tables, 'annex-a-list-6', (v, row) => {
    const start = v['CIN Start Date'];
    const closure = v['CIN Closure Date'];
    if (typeof start !== 'number' || closure instanceof Invalid) return t.ne(row);
    if (!(start <= asOf && openAfter(closure, asOf))) return t.na();
    const due = addMonths(start, 6);
    const subject = t.judge(row, v[CHILD], asOf > due, CASE_SHOWN);
    if (subject === undefined) return;
    const days = asOf - start;
    const months = wholeMonthsBetween(start, asOf);
    const message = `Child in need case open ${months} months (${days} days) since ${dateText(start)}; open longer than six months since ${dateText(due)}`;
    t.raise(row, subject, due, message, { 'Case Status': cell(v['Case Status']), 'CIN Start Date': isoDate(start), 'Days Open': days, 'Months Open': months });
  });
  return t.result();
};

/** An exception's message and columns, from the row, its start (or latest) date and its due date. */
type Describe = (v: Values, start: Day, due: Day) => [message: string, columns: Columns];

/**
 * A timescale counted in working days from a start date (assessment, initial conference): late
 * when done after the due date, or not done and the due date has passed; a done date before the
 * start looks wrong. `excluded` says whether a row is out of scope (undefined: it cannot tell,
 * its column is unreadable).
 */
function workingDayTimescale(rule: RuleOutput, dataset: string, startColumn: string, doneColumn: string, workingDays: number, excluded: (v: Values) => boolean | undefined, describe: Describe): Baseline {
  return (tables, asOf, calendar) => {
    const t = new Tally(rule);
    forEachRow(tables, dataset, (v, row) => {
      const start = v[startColumn];
      if (typeof start !== 'number') return t.ne(row);
      const out = excluded(v);
      if (out === undefined) return t.ne(row);
      if (!(start <= asOf) || out) return t.na();
      const done = v[doneColumn];
      const due = workingDaysAfter(calendar, start, workingDays);
      if (done instanceof Invalid || due === undefined) return t.ne(row);
      const subject = t.judge(row, v[CHILD], typeof done === 'number' ? done > due : asOf > due, TEAM_AND_WORKER, typeof done === 'number' && done < start);
      if (subject !== undefined) t.raise(row, subject, due, ...describe(v, start, due));
    });
    return t.result();
  };
}

const ASSESSMENT_DONE = 'Continuous Assessment Date of Authorisation';

/** practice.assessment-timescale: an assessment authorised within 45 working days of its start. */
export const assessmentTimescale = workingDayTimescale(childRule('practice.assessment-timescale', 'medium'), 'annex-a-list-4', 'Continuous Assessment Start Date', ASSESSMENT_DONE, 45, () => false, (v, start, due) => [
  `Assessment started ${dateText(start)}, due to be authorised by ${dateText(due)}; authorised: ${dateText(v[ASSESSMENT_DONE], 'not yet')}`,
  { 'Assessment Start Date': isoDate(start), 'Date of Authorisation': isoDate(v[ASSESSMENT_DONE]) },
]);

const CONFERENCE = 'Date of Initial Child Protection Conference';
const UNNECESSARY = 'Was an Initial Child Protection Conference deemed unnecessary?';

/** practice.icpc-timescale: an initial conference within 15 working days of the strategy discussion, unless deemed unnecessary. */
export const icpcTimescale = workingDayTimescale(
  childRule('practice.icpc-timescale', 'high'),
  'annex-a-list-5',
  'Strategy discussion initiating Section 47 Enquiry Start Date',
  CONFERENCE,
  15,
  (v) => {
    const answer = v[UNNECESSARY];
    if (answer instanceof Invalid) return undefined;
    if (typeof answer !== 'string') return false;
    const f = fold(answer);
    return f === 'yes' || f === 'y' || f.startsWith('a)');
  },
  (v, start, due) => [
    `Strategy discussion ${dateText(start)}: initial child protection conference due by ${dateText(due)}; held: ${dateText(v[CONFERENCE], 'not yet')}`,
    { 'Strategy Discussion Date': isoDate(start), 'ICPC Date': isoDate(v[CONFERENCE]), 'ICPC Deemed Unnecessary': cell(v[UNNECESSARY]) },
  ],
);

/** A rule over children open at the as-of date: their dataset, dates, columns and due date. */
interface OpenCase {
  rule: RuleOutput;
  dataset: string;
  startColumn: string;
  endColumn: string;
  /** Columns the due date reads: when one is unreadable the row is not evaluable. */
  reads: readonly string[];
  /** Columns an exception shows (unreadable: not evaluable). */
  shown: readonly string[];
  /** The due date from the row and its start; undefined when it cannot be computed. */
  due: (v: Values, start: Day, calendar: WorkingDayCalendar) => Day | undefined;
  describe: Describe;
}

/**
 * A child open at the as-of date (start on or before it, no end on or before it) is late when the
 * as-of date is after the due date; not evaluable when the start is missing or unreadable, or the
 * end is unreadable.
 */
function openCase({ rule, dataset, startColumn, endColumn, reads, shown, due, describe }: OpenCase): Baseline {
  return (tables, asOf, calendar) => {
    const t = new Tally(rule);
    forEachRow(tables, dataset, (v, row) => {
      const start = v[startColumn];
      const end = v[endColumn];
      if (typeof start !== 'number' || end instanceof Invalid) return t.ne(row);
      if (!(start <= asOf && openAfter(end, asOf))) return t.na();
      for (const column of reads) if (v[column] instanceof Invalid) return t.ne(row);
      const d = due(v, start, calendar);
      if (d === undefined) return t.ne(row);
      const subject = t.judge(row, v[CHILD], asOf > d, shown);
      if (subject !== undefined) t.raise(row, subject, d, ...describe(v, start, d));
    });
    return t.result();
  };
}

/** A date column's day when it is on or after `floor` (it counts for this plan or period), else null. */
const since = (v: Values, column: string, floor: Day): Day | null => {
  const d = v[column];
  return typeof d === 'number' && d >= floor ? d : null;
};

const CP_PLAN = { dataset: 'annex-a-list-7', startColumn: 'Child Protection Plan Start Date', endColumn: 'Child Protection Plan End Date' };
const LOOKED_AFTER = { dataset: 'annex-a-list-8', startColumn: 'Date Started to be Looked After', endColumn: 'Date Ceased to be Looked After' };

const CP_REVIEW = 'Date of latest review conference';

/** practice.cp-review-overdue: first review 3 months after the plan starts, then every 6 months. */
export const cpReviewOverdue = openCase({
  rule: childRule('practice.cp-review-overdue', 'high'),
  ...CP_PLAN,
  reads: [CP_REVIEW],
  shown: TEAM_AND_WORKER,
  due: (v, start) => {
    const review = since(v, CP_REVIEW, start);
    return review === null ? addMonths(start, 3) : addMonths(review, 6);
  },
  describe: (v, start, due) => [
    `Child protection plan since ${dateText(start)}: latest review conference ${dateText(since(v, CP_REVIEW, start), 'none yet')}; next review conference was due by ${dateText(due)}`,
    { 'Plan Start Date': isoDate(start), 'Latest Review Conference': isoDate(v[CP_REVIEW]) },
  ],
});

const CP_VISIT = 'Date of the Last Statutory Visit';
const SEEN_ALONE = 'Was the Child Seen Alone?';

/** practice.cp-visit-overdue: a visit within 10 working days of the last one this plan (or the plan start). */
export const cpVisitOverdue = openCase({
  rule: childRule('practice.cp-visit-overdue', 'high'),
  ...CP_PLAN,
  reads: [CP_VISIT],
  shown: [SEEN_ALONE, ...TEAM_AND_WORKER],
  due: (v, start, calendar) => workingDaysAfter(calendar, since(v, CP_VISIT, start) ?? start, 10),
  describe: (v, start, due) => [
    `Child protection plan since ${dateText(start)}: last statutory visit ${dateText(since(v, CP_VISIT, start), 'none since the plan began')}; next visit was due by ${dateText(due)}`,
    { 'Plan Start Date': isoDate(start), 'Last Statutory Visit': isoDate(v[CP_VISIT]), 'Seen Alone': cell(v[SEEN_ALONE]) },
  ],
});

const LAC_REVIEW = 'Date of Latest Statutory Review';

/** practice.lac-review-overdue: first review 20 working days after becoming looked after, then every 6 months. */
export const lacReviewOverdue = openCase({
  rule: childRule('practice.lac-review-overdue', 'high'),
  ...LOOKED_AFTER,
  reads: [LAC_REVIEW],
  shown: TEAM_AND_WORKER,
  due: (v, start, calendar) => {
    const review = since(v, LAC_REVIEW, start);
    return review === null ? workingDaysAfter(calendar, start, 20) : addMonths(review, 6);
  },
  describe: (v, start, due) => [
    `Looked after since ${dateText(start)}: latest statutory review ${dateText(since(v, LAC_REVIEW, start), 'none yet')}; next review was due by ${dateText(due)}`,
    { 'Looked After Since': isoDate(start), 'Latest Statutory Review': isoDate(v[LAC_REVIEW]) },
  ],
});

const LAC_VISIT = 'Date of Last Social Work Visit';
const PLACEMENT = 'Start Date of Most Recent Placement';
const PLACEMENT_TYPE = 'Placement Type';

/** practice.lac-visit-overdue: a visit every 6 weeks this period, and within 7 days of a placement starting since the last visit. */
export const lacVisitOverdue = openCase({
  rule: childRule('practice.lac-visit-overdue', 'high'),
  ...LOOKED_AFTER,
  reads: [LAC_VISIT, PLACEMENT],
  shown: [PLACEMENT_TYPE, ...TEAM_AND_WORKER],
  due: (v, start) => {
    const visit = since(v, LAC_VISIT, start);
    const placement = v[PLACEMENT];
    const placedFrom = typeof placement === 'number' && placement > start ? placement : start;
    if (visit === null) return placedFrom + 7;
    return placedFrom > visit ? Math.min(visit + 42, placedFrom + 7) : visit + 42;
  },
  describe: (v, start, due) => [
    `Looked after since ${dateText(start)}: last social work visit ${dateText(since(v, LAC_VISIT, start), 'none recorded')}, placement since ${dateText(v[PLACEMENT], 'not recorded')}; next visit was due by ${dateText(due)}`,
    { 'Looked After Since': isoDate(start), 'Last Social Work Visit': isoDate(v[LAC_VISIT]), 'Placement Start': isoDate(v[PLACEMENT]), 'Placement Type': cell(v[PLACEMENT_TYPE]) },
  ],
});

/**
 * practice.health-assessment-overdue: an initial assessment 20 working days after becoming looked
 * after, then reviews every 6 months for a child assessed before their fifth birthday, else every
 * 12. Its due date is required, so a row without one is not evaluable even when not applicable.
 */
export const healthAssessmentOverdue: Baseline = (tables, asOf, calendar) => {
  const t = new Tally(childRule('practice.health-assessment-overdue', 'medium'));
  forEachRow(tables, 'annex-a-list-8', (v, row) => {
    const start = v[LOOKED_AFTER.startColumn];
    const last = v['Date of Last Health Assessment'];
    const born = v['Date of Birth'];
    const ceased = v[LOOKED_AFTER.endColumn];
    if (typeof start !== 'number' || last instanceof Invalid || born instanceof Invalid || ceased instanceof Invalid) return t.ne(row);
    const assessed = typeof last === 'number' && last >= start ? last : null;
    let due: Day | null | undefined;
    if (assessed === null) due = workingDaysAfter(calendar, start, 20);
    else if (typeof born !== 'number') due = null;
    else due = assessed < addMonths(born, 60) ? addMonths(assessed, 6) : addMonths(assessed, 12);
    if (due === null || due === undefined) return t.ne(row);
    if (!(start <= asOf && openAfter(ceased, asOf))) return t.na();
    const subject = t.judge(row, v[CHILD], asOf > due, TEAM_AND_WORKER);
    if (subject === undefined) return;
    const message = `Looked after since ${dateText(start)}: last health assessment ${dateText(assessed, 'none yet')}; next was due by ${dateText(due)}`;
    t.raise(row, subject, due, message, { 'Looked After Since': isoDate(start), 'Date of Birth': isoDate(born), 'Last Health Assessment': isoDate(last) });
  });
  return t.result();
};

/** A care leaver's contact or review due a number of months after the latest one; none recorded is overdue. */
function careLeaverOverdue(rule: RuleOutput, column: string, months: number, shown: readonly string[], describe: (v: Values, latest: Value | undefined, due: Day | null) => [string, Columns]): Baseline {
  return (tables, asOf) => {
    const t = new Tally(rule);
    forEachRow(tables, 'annex-a-list-9', (v, row) => {
      const latest = v[column];
      if (latest instanceof Invalid) return t.ne(row);
      const due = typeof latest === 'number' ? addMonths(latest, months) : null;
      const subject = t.judge(row, v[CHILD], due === null ? isEmpty(latest) : asOf > due, shown);
      if (subject !== undefined) t.raise(row, subject, due, ...describe(v, latest, due));
    });
    return t.result();
  };
}

const ADVISOR = 'Allocated Personal Advisor';
const IN_TOUCH = 'LA in Touch';
const ELIGIBILITY = 'Eligibility Category';

/** practice.care-leaver-contact-overdue: contact at least every 2 months. */
export const careLeaverContactOverdue = careLeaverOverdue(childRule('practice.care-leaver-contact-overdue', 'medium'), 'Latest Date of Contact', 2, [IN_TOUCH, ADVISOR, ...TEAM_AND_WORKER], (v, latest, due) => [
  `Care leaver contact overdue; latest contact: ${dateText(latest, 'no contact recorded')}; next contact due: ${dateText(due, 'unknown')}`,
  { 'Latest Date of Contact': isoDate(latest), 'LA in Touch': cell(v[IN_TOUCH]), 'Personal Advisor': cell(v[ADVISOR]) },
]);

/** practice.pathway-plan-review-overdue: the pathway plan reviewed at least every 6 months. */
export const pathwayPlanReviewOverdue = careLeaverOverdue(childRule('practice.pathway-plan-review-overdue', 'medium'), 'Latest Pathway Plan Review Date', 6, [ELIGIBILITY, ADVISOR, ...TEAM_AND_WORKER], (v, latest, due) => [
  `Pathway plan review overdue; latest review: ${dateText(latest, 'no review recorded')}; next review due: ${dateText(due, 'unknown')}`,
  { 'Latest Pathway Plan Review': isoDate(latest), 'Eligibility Category': cell(v[ELIGIBILITY]), 'Personal Advisor': cell(v[ADVISOR]) },
]);
