/** practice.lac-review-chain: looked-after reviews over each period of care built from SSDA903 episodes. */
import { addMonths, type Day, type WorkingDayCalendar } from '../../../src/calendar/index.js';
import { Invalid, type Value } from '../../../src/typing/value.js';
import { datesByKey, datesOf, fold, forEachRow, joinKey, Tally, workingDaysAfter, type Baseline, type DateList, type Values } from './shared.js';

interface Period {
  start: Day;
  end: Day | null;
  /** The legal status of the period's first episode. */
  legalStatus: Value;
}

const isCode = (v: Value | undefined, code: string) => v !== null && v !== undefined && String(v).trim().toUpperCase() === code;

/**
 * A child's periods of care: episodes in order of commencement, a period opening at an episode
 * that starts one (RNE S) and closing at one that ceases without the period continuing (DEC set,
 * REC not X1). Undefined when an episode has no commencement date or an unreadable date or code.
 */
function periodsOfCare(episodes: readonly Values[]): Period[] | undefined {
  const dated: { start: Day; v: Values }[] = [];
  for (const v of episodes) {
    const start = v['DECOM'];
    if (typeof start !== 'number' || v['DEC'] instanceof Invalid || v['RNE'] instanceof Invalid || v['REC'] instanceof Invalid) return undefined;
    dated.push({ start, v });
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
function judgeReviews(t: Tally, periods: readonly Period[], first: Values, reviews: DateList, asOf: Day, calendar: WorkingDayCalendar): void {
  const held = [...new Set(reviews.dates)].sort((a, b) => a - b);
  for (const p of periods) {
    if (reviews.unreadable) {
      t.ne();
      continue;
    }
    const until = p.end === null ? asOf : Math.min(p.end, asOf);
    const inPeriod = held.filter((d) => d >= p.start && d <= until);
    if (p.legalStatus instanceof Invalid) t.ne(inPeriod.length + 1);
    else if (!(p.start <= asOf) || shortBreaks(p.legalStatus)) t.na(inPeriod.length + 1);
    else {
      let countsFrom = p.start;
      for (let k = 0; k <= inPeriod.length; k++) {
        const due = k === 0 ? workingDaysAfter(calendar, countsFrom, 20) : addMonths(countsFrom, k === 1 ? 3 : 6);
        const heldOn = inPeriod[k];
        if (heldOn !== undefined) countsFrom = heldOn;
        if (due === undefined) t.ne();
        else t.judge(first['CHILD'], heldOn !== undefined ? heldOn > due : due < asOf && (p.end === null || due < p.end), due, first, []);
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
  const t = new Tally();
  const reviews = datesByKey(tables, 'ssda903-reviews', 'CHILD', 'REVIEW');
  const byChild = new Map<string, Values[]>();
  const children: Values[][] = [];
  forEachRow(tables, 'ssda903-episodes', (v) => {
    const key = joinKey(v['CHILD']);
    const episodes = key === undefined ? undefined : byChild.get(key);
    if (episodes) return void episodes.push(v);
    children.push([v]);
    if (key !== undefined) byChild.set(key, children[children.length - 1]!);
  });
  for (const episodes of children) {
    const periods = periodsOfCare(episodes);
    if (periods === undefined) t.ne();
    else if (periods.length === 0) t.na();
    else judgeReviews(t, periods, episodes[0]!, datesOf(reviews, episodes[0]!['CHILD']), asOf, calendar);
  }
  return t.counts();
};
