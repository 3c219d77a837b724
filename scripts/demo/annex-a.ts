// Annex A Lists 1-7, 9 and 11 (Lists 8 and 10 come from list8.ts).
import { AS_OF, type Cell, D, Rng, addMonths, addWorkingDays, ageYears, workingDaysBetween, ymd } from './core.js';
import { CIN_LABELS } from './looked-after.js';
import { type Child, type ChildFactory, LOCALITIES, type Staffing, allocate, teamsOfKind } from './people.js';

const SIX_MONTHS_AGO = addMonths(AS_OF, -6); // 18/07/2016
const childCols = (c: Child): Cell[] => [c.id, c.gender, c.ethnicity, D(c.dob), ageYears(c.dob)];

// ---------- List 1-3: contacts, early help, referrals ----------
const CONTACT_SOURCES = ['a) 1A: Individual', 'b) 1B: Individual', 'e) 2A: Schools', 'j) 3D: Health services', 'h) 3A: Health services', 'm) 4: Housing', 'n) 5A: LA services', 'q) 6: Police', 'q) 6: Police', 'q) 6: Police', 's) 8: Other', 't) 9: Anonymous'];

export function list1Rows(rng: Rng, kids: ChildFactory, n: number): Cell[][] {
  return Array.from({ length: n }, () => {
    const c = kids.aged(0.1, 17.5);
    const cols = childCols(c);
    if (rng.chance(0.02)) cols[3] = null;
    return [...cols, D(rng.int(SIX_MONTHS_AGO, AS_OF - 1)), rng.pick(CONTACT_SOURCES)];
  });
}

export function list2Rows(rng: Rng, kids: ChildFactory, n: number): Cell[][] {
  return Array.from({ length: n }, () => {
    const c = kids.aged(0.5, 17);
    const start = rng.int(SIX_MONTHS_AGO, AS_OF - 5);
    const done = start + rng.int(7, 45);
    return [...childCols(c), D(start), D(done < AS_OF ? done : null), `Early Help Locality ${rng.pick(LOCALITIES)}`];
  });
}

export function list3Rows(rng: Rng, kids: ChildFactory, staff: Staffing, n: number): Cell[][] {
  const teams = teamsOfKind(staff, 'mash', 'duty');
  return Array.from({ length: n }, () => {
    const c = kids.aged(0.05, 17.5);
    const [team, worker] = allocate(rng, teams);
    return [...childCols(c), D(rng.int(SIX_MONTHS_AGO, AS_OF - 1)), rng.pick(CONTACT_SOURCES), rng.chance(0.15) ? 'Yes' : 'No', rng.weighted<number>([[0, 60], [1, 25], [2, 10], [3, 5]]), team, worker];
  });
}

// ---------- List 4: assessments ----------
export interface List4Counts {
  onTime: number;
  authorisedLate: number;
  openWithin: number;
  openOverdue: number;
}
export const LIST4_COUNTS: List4Counts = { onTime: 430, authorisedLate: 70, openWithin: 60, openOverdue: 40 };

/** Start date such that start + `wd` working days is at most the day before the as-of date. */
function startForAuthorisation(rng: Rng, wd: number): [number, number] {
  for (;;) {
    const start = rng.int(ymd(2016, 6, 1), AS_OF - 1);
    const auth = addWorkingDays(start, wd);
    if (auth < AS_OF && !isWeekendStart(start)) return [start, auth];
  }
}
const isWeekendStart = (d: number): boolean => (d + 4) % 7 === 0 || (d + 4) % 7 === 6;

function openStart(rng: Rng, overdue: boolean): number {
  for (;;) {
    const start = rng.int(ymd(2016, 6, 1), AS_OF - 2);
    const wd = workingDaysBetween(start, AS_OF);
    if (!isWeekendStart(start) && (overdue ? wd >= 50 : wd <= 38)) return start;
  }
}

export function list4Rows(rng: Rng, kids: ChildFactory, staff: Staffing): Cell[][] {
  const teams = [...teamsOfKind(staff, 'duty', 'duty', 'cin'), ...teamsOfKind(staff, 'cwd')];
  const kinds: ('on' | 'late' | 'open' | 'openOver')[] = [
    ...Array<'on'>(LIST4_COUNTS.onTime).fill('on'),
    ...Array<'late'>(LIST4_COUNTS.authorisedLate).fill('late'),
    ...Array<'open'>(LIST4_COUNTS.openWithin).fill('open'),
    ...Array<'openOver'>(LIST4_COUNTS.openOverdue).fill('openOver'),
  ];
  rng.shuffle(kinds);
  return kinds.map((k) => {
    let start: number;
    let auth: number | null = null;
    if (k === 'on' || k === 'late') [start, auth] = startForAuthorisation(rng, k === 'on' ? rng.int(5, 40) : rng.int(50, 90));
    else start = openStart(rng, k === 'openOver');
    const c = kids.aged(0.05, 17.5, start);
    const [team, worker] = allocate(rng, teams);
    return [...childCols(c), c.disability, D(start), rng.chance(0.93) ? 'Yes' : 'No', D(auth), auth === null ? null : rng.chance(0.7) ? 'Yes' : 'No', team, worker];
  });
}

// ---------- List 5: section 47 enquiries and ICPCs ----------
export interface Icpc {
  child: Child;
  date: number;
}

/** ICPCs held after, or still not held by the as-of date past, 15 working days from the strategy discussion. */
export interface List5Counts {
  icpcLate: number;
}

export function list5Rows(rng: Rng, kids: ChildFactory, staff: Staffing, n: number): { rows: Cell[][]; plans: Icpc[]; counts: List5Counts } {
  const teams = teamsOfKind(staff, 'duty', 'cp');
  const plans: Icpc[] = [];
  const counts: List5Counts = { icpcLate: 0 };
  const rows = Array.from({ length: n }, (): Cell[] => {
    const start = rng.int(SIX_MONTHS_AGO, AS_OF - 2);
    const c = kids.aged(0.05, 17.5, start);
    const unnecessary = rng.chance(0.35);
    let icpc: number | null = null;
    let result: string | null = null;
    if (!unnecessary) {
      const d = addWorkingDays(start, rng.chance(0.1) ? rng.int(18, 30) : rng.int(5, 15));
      if (d < AS_OF) {
        icpc = d;
        result = rng.chance(0.8) ? 'Yes' : 'No';
        if (result === 'Yes') plans.push({ child: c, date: d });
      }
    }
    const due = addWorkingDays(start, 15);
    if (!unnecessary && (icpc === null ? due < AS_OF : icpc > due)) counts.icpcLate++;
    const [team, worker] = allocate(rng, teams);
    const flag = unnecessary ? rng.pick(['a) Yes', 'Yes']) : rng.pick(['No', 'b) No']);
    return [...childCols(c), c.disability, D(start), flag, D(icpc), result, rng.int(1, 3), icpc === null ? rng.int(0, 1) : rng.int(1, 2), team, worker];
  });
  return { rows, plans, counts };
}

// ---------- List 6: children in need ----------
const CLOSURE_REASONS = [
  'RC7 - Services ceased for any other reason, including child no longer in need', 'RC7 - Services ceased for any other reason, including child no longer in need',
  'RC8 - Case closed after assessment, no further action', 'RC9 - Case closed after assessment, referred to early help',
  'RC5 - Transferred to services of another local authority', 'RC3 - Child arrangements order', 'RC4 - Special guardianship order',
];
const NEED_WEIGHTS: [string, number][] = [['N1', 50], ['N2', 8], ['N3', 6], ['N4', 10], ['N5', 15], ['N6', 4], ['N7', 2], ['N8', 5]];

export const LIST6_COUNTS = { closed: 300, future: 5, openLong: 180, openShort: 712, unallocated: 8 };

interface CinCase {
  kind: 'closed' | 'future' | 'openLong' | 'openShort';
  start: number;
  end: number | null;
}

function cinCase(rng: Rng, kind: CinCase['kind']): CinCase {
  switch (kind) {
    case 'closed': {
      const start = rng.int(ymd(2012, 1, 1), ymd(2016, 12, 20));
      return { kind, start, end: rng.int(Math.max(start + 20, SIX_MONTHS_AGO), AS_OF - 1) };
    }
    case 'future':
      return { kind, start: rng.int(AS_OF + 1, ymd(2017, 2, 10)), end: null };
    case 'openLong': {
      const span = ymd(2016, 7, 10) - ymd(2012, 1, 1);
      return { kind, start: ymd(2016, 7, 10) - Math.floor(span * rng.next() ** 2), end: null };
    }
    case 'openShort':
      return { kind, start: rng.int(ymd(2016, 7, 20), AS_OF - 1), end: null };
  }
}

function list6Row(rng: Rng, kids: ChildFactory, staff: Staffing, cc: CinCase, allocated: boolean): Cell[] {
  const ref = cc.end ?? AS_OF;
  const minAge = Math.max(0.05, (ref - cc.start) / 365.25 + 0.02);
  const c = kids.aged(Math.min(minAge, 17.8), 17.9, ref);
  const seen = cc.kind === 'future' ? null : Math.max(cc.start, ref - (rng.chance(0.1) ? rng.int(61, 200) : rng.int(1, 60)));
  const status = cc.end !== null ? 'f) Closed'
    : rng.weighted<string>([['c) Child in need plan', 80], ['d) Child protection plan', 8], ['e) Looked after child', 7], ['b) Assessment', 5]]);
  const teams = rng.chance(0.85) ? teamsOfKind(staff, 'cin') : rng.chance(0.66) ? teamsOfKind(staff, 'cwd') : teamsOfKind(staff, 'cp');
  const [team, worker] = allocated ? allocate(rng, teams) : [null, null];
  return [...childCols(c), c.disability, D(cc.start), CIN_LABELS[rng.weighted(NEED_WEIGHTS)]!, D(seen), D(cc.end),
    cc.end === null ? null : rng.pick(CLOSURE_REASONS), status, team, worker];
}

export interface List6Result {
  rows: Cell[][];
  /** 0-based data-row indexes of the deliberate anomalies (Excel row = index + 2). */
  anomalies: { badDate: number; tbc: number; duplicate: number; duplicateOf: number };
}

export const ANOMALY_POSITIONS = { badDate: 211, tbc: 687, duplicate: 1043 } as const;

export function list6Rows(rng: Rng, kids: ChildFactory, staff: Staffing): List6Result {
  const n = LIST6_COUNTS;
  const kinds: CinCase['kind'][] = [
    ...Array<CinCase['kind']>(n.closed).fill('closed'), ...Array<CinCase['kind']>(n.future).fill('future'),
    ...Array<CinCase['kind']>(n.openLong).fill('openLong'), ...Array<CinCase['kind']>(n.openShort).fill('openShort'),
  ];
  rng.shuffle(kinds);
  const unallocated = new Set(rng.sample(kinds.length, n.unallocated));
  const cases = kinds.map((k) => cinCase(rng, k));
  const rows = cases.map((cc, i) => list6Row(rng, kids, staff, cc, !unallocated.has(i)));
  // Deliberate anomalies (exactly three rows; see the header comment of generate-demo.ts).
  const bad = list6Row(rng, kids, staff, cinCase(rng, 'openShort'), true);
  bad[6] = '31/02/2016';
  const tbc = list6Row(rng, kids, staff, cinCase(rng, 'openShort'), true);
  tbc[6] = 'TBC';
  let src = 400;
  while (cases[src]!.kind !== 'openShort' || unallocated.has(src)) src++;
  const srcRow = rows[src]!;
  rows.splice(ANOMALY_POSITIONS.badDate, 0, bad);
  rows.splice(ANOMALY_POSITIONS.tbc, 0, tbc);
  rows.splice(ANOMALY_POSITIONS.duplicate, 0, [...srcRow]);
  const dupOf = rows.indexOf(srcRow);
  return { rows, anomalies: { ...ANOMALY_POSITIONS, duplicateOf: dupOf } };
}

// ---------- List 7: child protection plans ----------
const ABUSE: [string, number][] = [['Neglect', 48], ['Emotional abuse', 35], ['Physical abuse', 8], ['Sexual abuse', 4], ['Multiple', 5]];

export interface List7Counts {
  open: number;
  ended: number;
  reviewOverdue: number;
  visitOver20Days: number;
}

/** Review conferences: first within 3 months of the start, then every 6 months. */
function cpReviews(rng: Rng, start: number, dropLast: boolean): number[] {
  const out: number[] = [];
  let prev = start;
  for (let k = 0; ; k++) {
    const held = prev + (k === 0 ? rng.int(60, 85) : rng.int(140, 175));
    if (held >= AS_OF) break;
    out.push(held);
    prev = held;
  }
  if (dropLast && out.length) {
    const n = out.length;
    const due = n === 1 ? addMonths(start, 3) : addMonths(out[n - 2]!, 6);
    if (due < AS_OF - 7) out.pop();
  }
  return out;
}

export function list7Rows(rng: Rng, kids: ChildFactory, staff: Staffing, fromIcpc: Icpc[], n: number): { rows: Cell[][]; counts: List7Counts } {
  const teams = teamsOfKind(staff, 'cp');
  const counts: List7Counts = { open: 0, ended: 0, reviewOverdue: 0, visitOver20Days: 0 };
  const rows = Array.from({ length: n }, (_, i): Cell[] => {
    const icpc = fromIcpc[i];
    const start = icpc ? icpc.date : rng.int(ymd(2014, 6, 1), AS_OF - 3);
    const c = icpc ? icpc.child : kids.aged(Math.min(17, (AS_OF - start) / 365.25 + 0.05), 17.5);
    let reviews = cpReviews(rng, start, rng.chance(0.08));
    let end: number | null = null;
    const recent = reviews.filter((r) => r >= SIX_MONTHS_AGO);
    if (recent.length && rng.chance(0.15)) {
      end = rng.pick(recent); // plans end at a review conference in the last six months
      reviews = reviews.filter((r) => r <= end!);
    }
    const last = reviews.length ? reviews[reviews.length - 1]! : null;
    if (end === null) {
      counts.open++;
      const due = last === null ? addMonths(start, 3) : addMonths(last, 6);
      if (due < AS_OF) counts.reviewOverdue++;
    } else counts.ended++;
    const ref = end ?? AS_OF;
    const visit = Math.max(start + 1, ref - (rng.chance(0.1) ? rng.int(21, 45) : rng.int(1, 12)));
    if (end === null && AS_OF - visit > 20) counts.visitOver20Days++;
    const initial = rng.weighted(ABUSE);
    const [team, worker] = allocate(rng, rng.chance(0.9) ? teams : teamsOfKind(staff, 'cwd'));
    return [...childCols(c), c.disability, D(start), initial, rng.chance(0.85) ? initial : rng.weighted(ABUSE), D(Math.min(visit, AS_OF - 1)),
      rng.chance(0.85) ? 'a) Yes' : 'b) No', D(last), D(end), rng.chance(0.03) ? 'a) Yes' : 'b) No', rng.weighted<number>([[0, 75], [1, 20], [2, 5]]), team, worker];
  });
  return { rows, counts };
}

// ---------- List 9: care leavers ----------
const ACCOMMODATION = ['U: Independent living', 'U: Independent living', 'S: Semi-independent, transitional accommodation', 'T: Supported lodgings', 'X: With parents or relatives', 'Z: With former foster carers', 'Y: Other accommodation', 'B: Bed and breakfast'];
const ACTIVITY = ['F1: Full time in higher education', 'F2: Full time in education other than higher', 'F3: Full time in training or employment', 'P3: Part time in training or employment', 'G4: Not in education, employment or training - illness/disability', 'G5: Not in education, employment or training - other'];

/** Care leavers with no pathway plan review (or contact) recorded, or none within 6 (or 2) months. */
export interface List9Counts {
  pathwayOverdue: number;
  contactOverdue: number;
}

export function list9Rows(rng: Rng, kids: ChildFactory, staff: Staffing, n: number): { rows: Cell[][]; counts: List9Counts } {
  const team = teamsOfKind(staff, 'leavers')[0]!;
  const counts: List9Counts = { pathwayOverdue: 0, contactOverdue: 0 };
  const rows = Array.from({ length: n }, (): Cell[] => {
    const c = kids.aged(16.2, 21.9);
    const adult = ageYears(c.dob) >= 18;
    const worker = rng.pick(team.workers).name;
    const pathway = rng.chance(0.06) ? null : AS_OF - (rng.chance(0.1) ? rng.int(200, 400) : rng.int(10, 170));
    const contact = rng.chance(0.05) ? null : AS_OF - (rng.chance(0.1) ? rng.int(70, 200) : rng.int(1, 55));
    if (pathway === null || addMonths(pathway, 6) < AS_OF) counts.pathwayOverdue++;
    if (contact === null || addMonths(contact, 2) < AS_OF) counts.contactOverdue++;
    const accommodation = rng.pick(ACCOMMODATION);
    return [...childCols(c), rng.chance(0.05) ? 'a) Yes' : 'b) No', c.disability, team.name, worker, adult ? worker : null,
      adult ? 'b) Former relevant child' : rng.pick(['a) Relevant child', 'c) Eligible child']), D(pathway), rng.chance(0.92) ? 'a) Yes' : 'b) No',
      D(contact), accommodation, accommodation.startsWith('B') || rng.chance(0.05) ? 'b) Unsuitable' : 'a) Suitable', rng.pick(ACTIVITY)];
  });
  return { rows, counts };
}

// ---------- List 11: adopters ----------
export function list11Rows(rng: Rng, families: number[], extraInProcess: number): Cell[][] {
  const rows: Cell[][] = [];
  const ids = new Set<number>();
  const adopterId = (): number => {
    let id: number;
    do id = rng.int(1000000, 9999999);
    while (ids.has(id));
    ids.add(id);
    return id;
  };
  const allFamilies = [...families.map((f) => ({ f, matched: true })), ...Array.from({ length: extraInProcess }, () => ({ f: rng.int(1000000, 9999999), matched: false }))];
  for (const { f, matched } of allFamilies) {
    const couple = rng.chance(0.6);
    const enquiry = matched ? rng.int(ymd(2013, 1, 1), ymd(2015, 12, 31)) : rng.int(ymd(2016, 3, 1), ymd(2016, 11, 30));
    const steps = [0, 14, 70, 84, 200, 205, 240].map((s) => enquiry + s + rng.int(0, 10));
    const matchDay = matched ? steps[6]! + rng.int(30, 200) : null;
    const placed = matchDay !== null ? matchDay + rng.int(14, 40) : null;
    for (let p = 0; p < (couple ? 2 : 1); p++) {
      const dates = steps.map((d) => D(d < AS_OF ? d : null));
      rows.push([adopterId(), f, rng.chance(0.5) ? 'a) Male' : 'b) Female', rng.pick(['a) WBRI', 'a) WBRI', 'a) WBRI', 'd) WOTH', 'f) MWBC']), 'b) No',
        rng.chance(0.15) ? 'Yes' : 'No', ...dates, D(matchDay !== null && matchDay < AS_OF ? matchDay : null),
        D(placed !== null && placed < AS_OF ? placed : null), placed !== null && placed < AS_OF ? 1 : null, null, null, null]);
    }
  }
  return rows;
}
