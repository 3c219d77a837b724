// Looked-after children: SSDA903 periods/episodes/reviews, from which Annex A List 8
// (and the adoption List 10) are derived so the two extracts agree.
import { AS_OF, Rng, addMonths, addWorkingDays, addYears, fmt, isWeekend, wholeYears, ymd } from './core.js';
import type { Child, ChildFactory } from './people.js';

export interface Episode {
  decom: number;
  rne: 'S' | 'P' | 'L' | 'T';
  ls: string;
  cin: string;
  place: string;
  provider: string;
  dec: number | null;
  rec: string | null;
  reason: string | null;
  homePost: string;
  plPost: string;
  urn: string;
}
export interface Period {
  start: number;
  end: number | null;
  episodes: Episode[];
  reviews: number[];
  /** Reviews the generator made late on purpose (date held). */
  lateReviews: number[];
}
export interface LacChild {
  child: Child;
  periods: Period[];
  shortBreaks: boolean;
  upn: string;
}

export const CIN_LABELS: Record<string, string> = {
  N1: 'N1 - Abuse or Neglect',
  N2: "N2 - Child's disability",
  N3: 'N3 - Parental illness or disability',
  N4: 'N4 - Family in acute stress',
  N5: 'N5 - Family dysfunction',
  N6: 'N6 - Socially unacceptable behaviour',
  N7: 'N7 - Low income',
  N8: 'N8 - Absent parenting',
};
const CIN_WEIGHTS: [string, number][] = [['N1', 60], ['N2', 4], ['N3', 4], ['N4', 8], ['N5', 15], ['N6', 3], ['N7', 1], ['N8', 5]];

/** Legal status moves: start status and what it can change to. */
const LS_NEXT: Record<string, string[]> = {
  V2: ['C1', 'C2'],
  C1: ['C2', 'C2', 'V2'],
  C2: ['E1', 'C2'],
  L1: ['V2', 'C1'],
  J1: ['V2'],
  E1: ['E1'],
  V3: ['V3'],
  V4: ['V4'],
};

export interface LacOptions {
  /** URNs of the council's own open children's homes (for K2 / PR1 placements). */
  ownHomeUrns: string[];
}

const OWN_FOSTERING_URN = 'SC063011';
const IFA_URNS = ['SC375120', 'SC412873', 'SC398551', 'SC046632'];
const PRIVATE_HOME_URNS = ['SC481207', 'SC459930', 'SC472615', 'SC490382'];

function postcode(rng: Rng, outOfArea = false): string {
  const area = outOfArea ? rng.pick(['NE', 'SR', 'TS', 'DL', 'YO']) : rng.pick(['DH', 'DL']);
  const letters = 'ABDEFGHJLNPQRSTUWXYZ';
  return `${area}${rng.int(1, 17)} ${rng.int(1, 9)}${letters[rng.int(0, 19)]}${letters[rng.int(0, 19)]}`;
}

function choosePlacement(rng: Rng, ls: string, age: number, opts: LacOptions): Pick<Episode, 'place' | 'provider' | 'urn'> {
  if (ls === 'E1' && age < 6 && rng.chance(0.5)) return { place: 'A4', provider: 'PR1', urn: 'SC063022' };
  const place = rng.weighted<string>([
    ['U4', 25], ['U6', 30], ['U1', 8], ['U3', 8], ['U5', 2],
    ['K2', age >= 9 ? 14 : 0], ['P1', 5], ['H5', age >= 16 ? 12 : 0],
  ]);
  if (place === 'P1') return { place, provider: 'PR0', urn: 'XXXXXXX' };
  if (place === 'H5') return { place, provider: rng.pick(['PR4', 'PR5']), urn: 'XXXXXXX' };
  if (place === 'K2') {
    return rng.chance(0.6)
      ? { place, provider: 'PR1', urn: rng.pick(opts.ownHomeUrns) }
      : { place, provider: 'PR4', urn: rng.pick(PRIVATE_HOME_URNS) };
  }
  return rng.chance(0.65)
    ? { place, provider: 'PR1', urn: OWN_FOSTERING_URN }
    : { place, provider: rng.pick(['PR4', 'PR4', 'PR5']), urn: rng.pick(IFA_URNS) };
}

function startPeriodDate(rng: Rng): number {
  const bucket = rng.weighted<number>([[0, 40], [1, 30], [2, 30]]);
  if (bucket === 0) return rng.int(ymd(2016, 1, 20), AS_OF - 3);
  if (bucket === 1) return rng.int(ymd(2014, 1, 1), ymd(2016, 1, 19));
  return rng.int(ymd(2008, 1, 1), ymd(2013, 12, 31));
}

const END_REASONS: [string, number][] = [['E13', 30], ['E4A', 15], ['E41', 10], ['E45', 12], ['E8', 10], ['E11', 15]];

function buildEpisodes(rng: Rng, child: Child, start: number, end: number | null, endRec: string | null, firstLs: string, cin: string, opts: LacOptions): Episode[] {
  const span = (end ?? AS_OF) - start;
  const nChanges = span < 40 ? 0 : rng.int(0, Math.min(4, Math.floor(span / 200) + 1));
  const changeDays = [...new Set(Array.from({ length: nChanges }, () => start + rng.int(14, span - 5)))].sort((a, b) => a - b);
  const homePost = postcode(rng);
  let ls = firstLs;
  let placement = choosePlacement(rng, ls, wholeYears(child.dob, start), opts);
  let plPost = placement.urn === 'XXXXXXX' && placement.place === 'P1' ? homePost : postcode(rng, placement.provider === 'PR4');
  const eps: Episode[] = [{ decom: start, rne: 'S', ls, cin, ...placement, dec: null, rec: null, reason: null, homePost, plPost, urn: placement.urn }];
  for (const day of changeDays) {
    let rne = rng.weighted<'P' | 'L' | 'T'>([['P', 60], ['L', 25], ['T', 15]]);
    const prev = eps[eps.length - 1]!;
    prev.dec = day;
    prev.rec = 'X1';
    if (rne !== 'P') {
      const next = rng.pick(LS_NEXT[ls] ?? [ls]);
      if (next === ls) rne = 'P'; // no legal status change after all
      ls = next;
    }
    if (rne !== 'L') {
      placement = choosePlacement(rng, ls, wholeYears(child.dob, day), opts);
      plPost = placement.place === 'P1' ? homePost : postcode(rng, placement.provider === 'PR4');
      prev.reason = rng.pick(['CARPL', 'CLOSE', 'ALLEG', 'STAND', 'APPRR', 'CREQB', 'CREQO', 'CHILD', 'LAREQ', 'PLACE', 'OTHER']);
    }
    eps.push({ decom: day, rne, ls, cin, ...placement, dec: null, rec: null, reason: null, homePost, plPost, urn: placement.urn });
  }
  if (end !== null) {
    const last = eps[eps.length - 1]!;
    last.dec = end;
    last.rec = endRec;
  }
  return eps;
}

/**
 * Review dates for a period: first within 20 working days of the start, second within
 * 3 months of the first, then within 6 months of the previous one. On-time reviews sit well
 * inside the limits; late ones are 10-40 days past; `dropLast` leaves the latest review out.
 */
function buildReviews(rng: Rng, p: Period, lateIndex: number | null, dropLast: boolean): void {
  const bound = p.end ?? AS_OF;
  let prev: number | null = null;
  for (let k = 0; k < 40; k++) {
    const due: number = k === 0 ? addWorkingDays(p.start, 20) : addMonths(prev!, k === 1 ? 3 : 6);
    let held: number;
    if (k === lateIndex) held = due + rng.int(10, 40);
    else if (k === 0) held = addWorkingDays(p.start, rng.int(8, 17));
    else held = prev! + (k === 1 ? rng.int(55, 80) : rng.int(140, 172));
    if (held >= bound) break;
    if (k === lateIndex) p.lateReviews.push(held);
    p.reviews.push(held);
    prev = held;
  }
  if (dropLast && p.end === null && p.reviews.length > 0) {
    const n = p.reviews.length;
    const prevOfLast = n >= 2 ? p.reviews[n - 2]! : null;
    const dueLast = n === 1 ? addWorkingDays(p.start, 20) : addMonths(prevOfLast!, n === 2 ? 3 : 6);
    if (dueLast <= AS_OF - 7 && !p.lateReviews.includes(p.reviews[n - 1]!)) p.reviews.pop();
  }
}

function makeLacChild(rng: Rng, factory: ChildFactory, index: number, opts: LacOptions): LacChild {
  const shortBreaks = index < 10;
  const start = startPeriodDate(rng);
  const ended = !shortBreaks && rng.chance(0.12) && start < AS_OF - 60;
  const end = ended ? rng.int(Math.max(start + 30, AS_OF - 350), AS_OF - 2) : null;
  const ageAtStart = rng.weighted<number>([[0, 22], [2, 20], [7, 20], [12, 38]]);
  const ref = end ?? AS_OF;
  const dobMin = Math.ceil(addYears(ref, -18)) + 30;
  const dobIdeal = start - Math.round((ageAtStart + rng.next() * (ageAtStart === 12 ? 4 : 3)) * 365.25);
  const dob = Math.min(start - 1, Math.max(dobMin, dobIdeal));
  const child = factory.make(dob, dob);
  const age = wholeYears(dob, start);
  const firstLs = shortBreaks ? (index < 5 ? 'V3' : 'V4') : age >= 13 && rng.chance(0.08) ? 'J1' : rng.weighted<string>([['V2', 40], ['C1', 35], ['C2', 15], ['L1', 10]]);
  let endRec: string | null = null;
  if (end !== null) {
    endRec = rng.weighted(END_REASONS);
    if (endRec === 'E11' && wholeYears(dob, end) > 8) endRec = 'E13';
  }
  const cin = shortBreaks ? 'N2' : rng.weighted(CIN_WEIGHTS);
  const periods: Period[] = [];
  if (!shortBreaks && rng.chance(0.08)) {
    const pEnd = start - rng.int(30, 500);
    const pStart = pEnd - rng.int(40, 300);
    if (pStart > dob + 30) {
      const eps = buildEpisodes(rng, child, pStart, pEnd, rng.pick(['E13', 'E4A']), 'V2', cin, opts);
      periods.push({ start: pStart, end: pEnd, episodes: eps, reviews: [], lateReviews: [] });
    }
  }
  const eps = buildEpisodes(rng, child, start, end, endRec, firstLs, cin, opts);
  if (end !== null && endRec === 'E11') {
    const last = eps[eps.length - 1]!;
    if (eps.length > 1) last.ls = 'E1';
    else last.rec = 'E13'; // adoption needs a placement order first
  }
  periods.push({ start, end, episodes: eps, reviews: [], lateReviews: [] });
  for (const p of periods) {
    const late = !shortBreaks && rng.chance(0.07);
    const lateIndex = late ? rng.int(0, 3) : null;
    buildReviews(rng, p, lateIndex, !shortBreaks && !late && rng.chance(0.08));
  }
  const upn = `${'ABCDEFGHJKLMNPQRTUVWXYZ'[rng.int(0, 22)]}${String(rng.int(0, 999999)).padStart(6, '0')}${String(rng.int(0, 999999)).padStart(6, '0')}`;
  return { child, periods, shortBreaks, upn };
}

export function buildLookedAfter(rng: Rng, factory: ChildFactory, n: number, opts: LacOptions): LacChild[] {
  return Array.from({ length: n }, (_, i) => makeLacChild(rng, factory, i, opts));
}

// ---------- SSDA903 CSV rows ----------
export const HEADER_COLS = ['CHILD', 'SEX', 'DOB', 'ETHNIC', 'UPN', 'MOTHER', 'MC_DOB'] as const;
export const EPISODE_COLS = ['CHILD', 'DECOM', 'RNE', 'LS', 'CIN', 'PLACE', 'PLACE_PROVIDER', 'DEC', 'REC', 'REASON_PLACE_CHANGE', 'HOME_POST', 'PL_POST', 'URN'] as const;
export const REVIEW_COLS = ['CHILD', 'DOB', 'REVIEW', 'REVIEW_CODE'] as const;

type Row = (string | number | null)[];
const ethCode = (label: string): string => label.replace(/^[a-z]\) /, '');

export function ssda903Rows(rng: Rng, lac: LacChild[]): { header: Row[]; episodes: Row[]; reviews: Row[] } {
  const header: Row[] = [];
  const episodes: Row[] = [];
  const reviews: Row[] = [];
  for (const c of lac) {
    const id = c.child.id;
    header.push([id, c.child.sex, fmt(c.child.dob), ethCode(c.child.ethnicity), c.upn, null, null]);
    for (const p of c.periods) {
      for (const e of p.episodes) {
        episodes.push([id, fmt(e.decom), e.rne, e.ls, e.cin, e.place, e.provider, e.dec === null ? null : fmt(e.dec), e.rec, e.reason, e.homePost, e.plPost, e.urn]);
      }
      for (const r of p.reviews) {
        const code = wholeYears(c.child.dob, r) < 4 ? 'PN0' : rng.weighted<string>([['PN1', 70], ['PN2', 8], ['PN3', 6], ['PN4', 6], ['PN5', 4], ['PN6', 3], ['PN7', 3]]);
        reviews.push([id, fmt(c.child.dob), fmt(r), code]);
      }
    }
  }
  return { header, episodes, reviews };
}

// ---------- expected results (what a checker should find at the as-of date) ----------
export interface ReviewFindings {
  lateHeld: number;
  overdueOpen: number;
  overdueChildren: number[];
  /** First reviews whose due date needs working days in a year the bank-holiday calendar does not cover. */
  notEvaluable: number;
}

/** Working days with bank holidays, for the years a bank-holiday list covers (undefined outside). */
export interface HolidayCalendar {
  holidays: Set<number>;
  firstYear: number;
  lastYear: number;
}

function addWorkingDaysWithHolidays(cal: HolidayCalendar, day: number, n: number): number | undefined {
  const year = (d: number) => new Date(d * 86400000).getUTCFullYear();
  let d = day;
  for (let left = n; left > 0; ) {
    d += 1;
    if (!isWeekend(d) && !cal.holidays.has(d)) left -= 1;
  }
  return year(day) < cal.firstYear || year(d) > cal.lastYear ? undefined : d;
}

/**
 * Independent re-computation of review timeliness using the stated rule: periods of short
 * breaks are skipped; a first review due date outside the calendar's years cannot be judged.
 */
export function reviewFindings(lac: LacChild[], cal: HolidayCalendar): ReviewFindings {
  let lateHeld = 0;
  let notEvaluable = 0;
  const overdueChildren: number[] = [];
  for (const c of lac) {
    if (c.shortBreaks) continue;
    for (const p of c.periods) {
      const dueAfter = (k: number, from: number) => (k === 0 ? addWorkingDaysWithHolidays(cal, from, 20) : addMonths(from, k === 1 ? 3 : 6));
      let from = p.start;
      for (let k = 0; k <= p.reviews.length; k++) {
        const due = dueAfter(k, from);
        const held = p.reviews[k];
        if (due === undefined) notEvaluable++;
        else if (held !== undefined && held > due) lateHeld++;
        else if (held === undefined && due < AS_OF && (p.end === null || due < p.end)) overdueChildren.push(c.child.id);
        if (held !== undefined) from = held;
      }
    }
  }
  return { lateHeld, overdueOpen: overdueChildren.length, overdueChildren, notEvaluable };
}
