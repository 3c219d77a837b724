// Annex A List 8 (children looked after) and List 10 (adoption) rows, derived from the SSDA903 model.
import { AS_OF, type Cell, D, Rng, addMonths, addWorkingDays, ageYears, wholeYears } from './core.js';
import { CIN_LABELS, type LacChild, type Period } from './looked-after.js';
import { type Staffing, allocate, teamsOfKind } from './people.js';

const LS_LABELS: Record<string, string> = {
  C1: 'C1: Interim care order',
  C2: 'C2: Full care order',
  E1: 'E1: Placement order granted',
  V2: 'V2: Single period of accommodation under section 20',
  V3: 'V3: Accommodated under an agreed series of short-term breaks, when individual episodes of care are recorded',
  V4: 'V4: Accommodated under an agreed series of short-term breaks, when agreements are recorded',
  L1: 'L1: Under police protection and in local authority accommodation',
  J1: 'J1: Remanded to local authority accommodation or to youth detention accommodation',
};
const PLACE_LABELS: Record<string, string> = {
  U1: 'a) U1: Foster placement with relative or friend - long term fostering',
  U3: 'c) U3: Foster placement with relative or friend - not long term or FFA',
  U4: 'd) U4: Foster placement with other foster carer - long term fostering',
  U5: 'e) U5: Foster placement with other foster carer who is also an approved adopter - FFA',
  U6: 'f) U6: Foster placement with other foster carer - not long term or FFA',
  A4: 'h) A4: Placed for adoption with placement order (not with current foster carer)',
  K2: "k) K2: Children's Homes",
  P1: 'n) P1: Placed with own parent(s) or other person(s) with parental responsibility',
  H5: "q) H5: Semi-independent living accommodation not subject to children's homes regulations",
};
const PROVIDER_LABELS: Record<string, string> = {
  PR0: 'a) PR0 - Parent(s) or other person(s) with parental responsibility',
  PR1: 'b) PR1 - Own provision (by the LA)',
  PR4: 'e) PR4 - Private provision',
  PR5: 'f) PR5 - Voluntary/third sector provision',
};
const REC_LABELS: Record<string, string> = {
  E11: 'E11: Adopted - application for an adoption order unopposed',
  E13: 'E13: Left care to live with parent(s), relative(s), or other person(s) with no parental responsibility',
  E4A: 'E4A: Returned home to live with parent(s), relative(s), or other person(s) with parental responsibility as part of the care planning process',
  E41: 'E41: Residence order (or, from 22 April 2014, a child arrangement order which sets out with whom the child is to live) granted',
  E45: 'E45: Special guardianship order made to former foster carer(s)',
  E8: 'E8: Period of being looked after ceased for any other reason',
};
const PERMANENCE = ['Return to family', 'Adoption', 'Long-term foster care', 'Special guardianship order', 'Child arrangements order', 'Independent living'];

const past = (d: number | null): Cell => D(d !== null && d < AS_OF ? d : null);
const current = (c: LacChild): Period => c.periods[c.periods.length - 1]!;

function legalStatusStart(p: Period): number {
  const eps = p.episodes;
  let i = eps.length - 1;
  while (i > 0 && eps[i - 1]!.ls === eps[i]!.ls) i--;
  return eps[i]!.decom;
}
function latestPlacementStart(p: Period): number {
  const eps = p.episodes;
  for (let i = eps.length - 1; i >= 0; i--) if (eps[i]!.rne !== 'L') return eps[i]!.decom;
  return p.start;
}
function placementsInLast12Months(c: LacChild): number {
  const from = AS_OF - 365;
  let n = 0;
  for (const p of c.periods) {
    p.episodes.forEach((e, i) => {
      if (e.rne === 'L') return;
      let j = i + 1;
      while (j < p.episodes.length && p.episodes[j]!.rne === 'L') j++;
      const endDay = j < p.episodes.length ? p.episodes[j]!.decom : (p.end ?? AS_OF);
      if (endDay >= from && e.decom <= AS_OF) n++;
    });
  }
  return n;
}

/** Days-ago helper clamped to the period. */
function recentDay(rng: Rng, p: Period, minAgo: number, maxAgo: number): number | null {
  const ref = p.end ?? AS_OF;
  const day = ref - rng.int(minAgo, maxAgo);
  if (day <= p.start) return p.end === null && ref - p.start < 10 ? null : p.start + Math.min(5, ref - p.start);
  return day;
}

export interface List8Extras {
  /** Open, health assessment due before the as-of date: 20 working days from the start with none, else 6 months when under 5 on the assessment day, else 12 months. */
  healthOverdue: number;
  /** Open, last SW visit more than 6 weeks (42 days) before the as-of date. */
  visitOver6Weeks: number;
  /** Open, visit overdue: 6 weeks from the last visit, or 7 days from a placement that started after it (the earlier). */
  visitOverdue: number;
}

/** When the next health assessment is due (the statutory intervals; age on the assessment day). */
function healthDue(dob: number, start: number, health: number | null): number {
  if (health === null) return addWorkingDays(start, 20);
  return addMonths(health, wholeYears(dob, health) < 5 ? 6 : 12);
}

/** When the next social work visit is due: 6 weeks after the last, or 1 week after a later placement. */
function visitDue(start: number, placement: number, visit: number | null): number {
  const placedFrom = Math.max(placement, start);
  if (visit === null) return placedFrom + 7;
  return placedFrom > visit ? Math.min(visit + 42, placedFrom + 7) : visit + 42;
}

export function list8Rows(rng: Rng, lac: LacChild[], staff: Staffing): { rows: Cell[][]; extras: List8Extras } {
  const cic = teamsOfKind(staff, 'cic');
  const cwd = teamsOfKind(staff, 'cwd');
  const extras: List8Extras = { healthOverdue: 0, visitOver6Weeks: 0, visitOverdue: 0 };
  const rows = lac.map((c) => {
    const p = current(c);
    const ch = c.child;
    const last = p.episodes[p.episodes.length - 1]!;
    const prev = c.periods.length > 1 ? c.periods[c.periods.length - 2]! : null;
    const second = prev && prev.end !== null && p.start - prev.end <= 365 ? 'a) Yes' : 'b) No';
    const latestReview = p.reviews.length ? p.reviews[p.reviews.length - 1]! : null;
    const under5 = wholeYears(ch.dob) < 5;
    const swLate = rng.chance(0.08);
    const sw = recentDay(rng, p, swLate ? 50 : 1, swLate ? 120 : 40);
    const healthLate = rng.chance(0.08);
    const health = p.end === null && AS_OF - p.start < 28 ? null
      : recentDay(rng, p, healthLate ? (under5 ? 200 : 380) : 10, healthLate ? (under5 ? 300 : 500) : under5 ? 160 : 330);
    if (p.end === null) {
      if (sw !== null && AS_OF - sw > 42) extras.visitOver6Weeks++;
      if (visitDue(p.start, latestPlacementStart(p), sw) < AS_OF) extras.visitOverdue++;
      if (healthDue(ch.dob, p.start, health) < AS_OF) extras.healthOverdue++;
    }
    const missing = rng.chance(0.12) ? rng.int(1, 6) : 0;
    const [team, worker] = allocate(rng, c.shortBreaks || (ch.disability === 'a) Yes' && rng.chance(0.5)) ? cwd : cic);
    const outOfArea = last.provider === 'PR4' && rng.chance(0.6);
    return [
      ch.id, ch.gender, ch.ethnicity, D(ch.dob), ageYears(ch.dob),
      wholeYears(ch.dob) >= 15 && rng.chance(0.04) ? 'a) Yes' : 'b) No', ch.disability,
      D(p.start), CIN_LABELS[last.cin] ?? null, second, D(legalStatusStart(p)), LS_LABELS[last.ls] ?? last.ls,
      D(latestReview), D(sw), rng.pick(PERMANENCE), D(latestReview === null ? null : latestReview - rng.int(0, 14)),
      D(health), D(recentDay(rng, p, 20, 330)), placementsInLast12Months(c),
      D(p.end), p.end === null ? null : REC_LABELS[last.rec ?? ''] ?? last.rec,
      D(latestPlacementStart(p)), PLACE_LABELS[last.place] ?? last.place, PROVIDER_LABELS[last.provider] ?? last.provider,
      last.plPost, last.urn === 'XXXXXXX' ? null : last.urn,
      outOfArea ? 'b) Outside LA boundary' : 'a) Inside LA boundary', outOfArea ? rng.pick(['Sunderland', 'Gateshead', 'North Yorkshire', 'Darlington']) : 'Durham',
      missing, rng.chance(0.1) ? rng.int(1, 4) : 0, missing ? rng.pick(['a) Yes', 'a) Yes', 'b) No']) : null, missing ? rng.pick(['a) Yes', 'b) No']) : null,
      team, worker,
    ];
  });
  return { rows, extras };
}

/** List 10: children with an adoption decision (placement order or adopted). */
export function list10Rows(rng: Rng, lac: LacChild[]): { rows: Cell[][]; families: number[] } {
  const rows: Cell[][] = [];
  const families: number[] = [];
  for (const c of lac) {
    const p = current(c);
    const adopted = p.end !== null && p.episodes[p.episodes.length - 1]!.rec === 'E11';
    const e1 = p.episodes.find((e) => e.ls === 'E1');
    if (!adopted && !e1) continue;
    const family = rng.int(1000000, 9999999);
    families.push(family);
    const po = e1 ? e1.decom : p.start + rng.int(200, 300);
    const adm = Math.max(p.start + 30, po - rng.int(40, 120));
    const aPlaced = p.episodes.find((e) => e.place === 'A4')?.decom ?? (adopted ? p.end! - rng.int(100, 200) : null);
    const matched = aPlaced === null ? (rng.chance(0.4) && po + 60 < AS_OF ? po + rng.int(30, 60) : null) : aPlaced - rng.int(14, 40);
    const ch = c.child;
    rows.push([
      ch.id, family, ch.gender, ch.ethnicity, D(ch.dob), wholeYears(ch.dob), ch.disability, D(p.start),
      past(adm), past(po), past(matched), past(aPlaced), past(adopted ? p.end : null), null, null, null,
    ]);
  }
  return { rows, families };
}
