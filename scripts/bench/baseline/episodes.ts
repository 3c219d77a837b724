/** practice.lac-review-chain: looked-after reviews over each period of care built from SSDA903 episodes. */
import { addMonths, type Day, type WorkingDayCalendar } from '../../../src/calendar/index.js';
import type { TypedRow } from '../../../src/typing/typed-table.js';
import { Invalid, type Value } from '../../../src/typing/value.js';
import { dateText, datesByKey, datesOf, fold, forEachRow, isoDate, joinKey, Tally, workingDaysAfter, type Baseline, type DateList, type Values } from './shared.js';

interface Period {
  start: Day;
  end: Day | null;
  /** The legal status of the period's first episode. */
  legalStatus: Value;
}

const EPISODE_COLUMNS = ['DECOM', 'DEC', 'RNE', 'REC'];

const isCode = (v: Value | undefined, code: string) => v !== null && v !== undefined && String(v).trim().toUpperCase() === code;

/**
 * A child's periods of care: episodes in order of commencement, a period opening at an episode
 * that starts one (RNE S) and closing at one that ceases without the period continuing (DEC set,
 * REC not X1). When they cannot be built, what to blame: the first unreadable date or code, else
 * the first episode without a commencement date.
 */
function periodsOfCare(episodes: readonly TypedRow[]): Period[] | Invalid | TypedRow {
  for (const { values } of episodes) {
    for (const column of EPISODE_COLUMNS) {
      const value = values[column];
      if (value instanceof Invalid) return value;
    }
  }
  const dated: { start: Day; v: Values }[] = [];
  for (const row of episodes) {
    const start = row.values['DECOM'];
    if (typeof start !== 'number') return row;
    dated.push({ start, v: row.values });
  }
  dated.sort((a, b) => a.start - b.start);
  const periods: Period[] = [];
  let open: Period | undefined;
  for (const { start, v } of dated) {
    if (!open) {
      if (!isCode(v['RNE'], 'S')) continue;
      periods.push((open = { start, end: null, legalStatus: v['LS'] ?? null }));
    }
    const end = v['DEC'];
    if (typeof end === 'number' && !isCode(v['REC'], 'X1')) {
      open.end = end;
      open = undefined;
    }
  }
  return periods;
}

const shortBreaks = (legalStatus: Value) => typeof legalStatus === 'string' && ((f) => f === 'v3' || f === 'v4')(fold(legalStatus));

/** One child's periods of care, judged review by review; `first` is the child's first episode in input order. */
function judgeReviews(t: Tally, periods: readonly Period[], first: TypedRow, reviews: DateList, asOf: Day, calendar: WorkingDayCalendar): void {
  const held = [...new Set(reviews.dates)].sort((a, b) => a - b);
  for (const p of periods) {
    if (reviews.unreadable) {
      t.ne(reviews.unreadable);
      continue;
    }
    const until = p.end === null ? asOf : Math.min(p.end, asOf);
    const inPeriod = held.filter((d) => d >= p.start && d <= until);
    if (p.legalStatus instanceof Invalid) t.ne(p.legalStatus, inPeriod.length + 1);
    else if (!(p.start <= asOf) || shortBreaks(p.legalStatus)) t.na(inPeriod.length + 1);
    else {
      let countsFrom = p.start;
      for (let k = 0; k <= inPeriod.length; k++) {
        const due = k === 0 ? workingDaysAfter(calendar, countsFrom, 20) : addMonths(countsFrom, k === 1 ? 3 : 6);
        const heldOn = inPeriod[k] ?? null;
        if (due === undefined) t.ne(first);
        else {
          const subject = t.judge(first, first.values['CHILD'], heldOn !== null ? heldOn > due : due < asOf && (p.end === null || due < p.end), []);
          if (subject !== undefined) {
            const message = `Review ${k + 1} of the period of care from ${dateText(p.start)} was due by ${dateText(due)} (counting from ${dateText(countsFrom)}); held: ${dateText(heldOn, 'not yet')}`;
            t.raise(first, subject, due, message, { 'Period Start': isoDate(p.start), 'Period End': isoDate(p.end), 'Review Number': k + 1, 'Counts From': isoDate(countsFrom), Held: isoDate(heldOn) });
          }
        }
        if (heldOn !== null) countsFrom = heldOn;
      }
    }
  }
}

/**
 * Each period of care (not a series of short breaks) expects a review 20 working days after it
 * starts, the next 3 months after that review, then every 6 months, until it ends or the as-of
 * date: one judgement per review held (late when held after its due date) and one for the next
 * (late when its due date has passed inside the period).
 */
export const lacReviewChain: Baseline = (tables, asOf, calendar) => {
  const t = new Tally({ id: 'practice.lac-review-chain', severity: 'high' });
  const reviews = datesByKey(tables, 'ssda903-reviews', 'CHILD', 'REVIEW');
  const byChild = new Map<string, TypedRow[]>();
  const children: TypedRow[][] = [];
  forEachRow(tables, 'ssda903-episodes', (v, row) => {
    const key = joinKey(v['CHILD']);
    const episodes = key === undefined ? undefined : byChild.get(key);
    if (episodes) return void episodes.push(row);
    children.push([row]);
    if (key !== undefined) byChild.set(key, children[children.length - 1]!);
  });
  for (const episodes of children) {
    const first = episodes[0]!;
    const periods = periodsOfCare(episodes);
    if (!Array.isArray(periods)) t.ne(periods);
    else if (periods.length === 0) t.na();
    else judgeReviews(t, periods, first, datesOf(reviews, first.values['CHILD']), asOf, calendar);
  }
  return t.result();
};
