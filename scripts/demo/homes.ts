// Children's homes: Ofsted provider list, Regulation 44 visit log and Regulation 45 review log.
import { AS_OF, type Cell, D, Rng, type SheetSpec, weekday, ymd } from './core.js';

export interface Home {
  urn: string;
  name: string;
  subtype: string;
  registered: number;
  closed: number | null;
  inspected: number | null;
  judgement: string | null;
  postcodeArea: string;
  maxUsers: number;
  durham: boolean;
}

const dh = (urn: string, name: string, registered: number, inspected: number, judgement: string, postcodeArea: string, maxUsers: number, subtype = "Children's Home"): Home =>
  ({ urn, name, subtype, registered, closed: null, inspected, judgement, postcodeArea, maxUsers, durham: true });

/** The ten Durham council homes (January 2017 cabinet report); URNs are invented. */
export const DURHAM_HOMES: Home[] = [
  dh('SC047213', 'West Rainton', ymd(2003, 4, 1), ymd(2015, 12, 15), 'Outstanding', 'DH', 5),
  dh('SC047228', 'Cedar Drive', ymd(2005, 9, 12), ymd(2016, 10, 25), 'Good', 'DH', 4),
  dh('SC047235', 'Park House', ymd(2002, 11, 4), ymd(2016, 5, 17), 'Good', 'DL', 6),
  dh('SC047241', 'Attlee Estate', ymd(2008, 2, 18), ymd(2016, 5, 31), 'Good', 'DL', 4),
  dh('SC047256', 'Newton Drive', ymd(2006, 6, 26), ymd(2016, 6, 7), 'Outstanding', 'DH', 4),
  dh('SC047262', 'Moorside', ymd(2004, 1, 19), ymd(2016, 6, 28), 'Requires improvement to be good', 'DH', 6),
  dh('SC047277', 'New Lea House', ymd(2010, 7, 5), ymd(2016, 7, 12), 'Good', 'DL', 5),
  dh('SC047283', 'Aycliffe Secure', ymd(2001, 8, 1), ymd(2016, 9, 27), 'Good', 'DL', 38, "Secure Children's Home"),
  dh('SC047298', 'High Etherley', ymd(2009, 3, 30), ymd(2016, 9, 27), 'Good', 'DL', 4),
  dh('SC047304', 'Blackgate East', ymd(2012, 10, 8), ymd(2016, 10, 11), 'Good', 'DL', 6),
];
/** Demo-only extras: a new home not yet inspected and a home that closed. */
export const EXTRA_HOMES: Home[] = [
  { urn: 'SC512406', name: 'Hillcrest View', subtype: "Children's Home", registered: ymd(2016, 3, 1), closed: null, inspected: null, judgement: null, postcodeArea: 'DH', maxUsers: 3, durham: false },
  { urn: 'SC047319', name: 'Beechwood Lodge', subtype: "Children's Home", registered: ymd(2007, 5, 14), closed: ymd(2016, 9, 30), inspected: ymd(2015, 11, 10), judgement: 'Good', postcodeArea: 'DH', maxUsers: 4, durham: false },
];

export const PROVIDER_HEADER = [
  'Local Authority', 'URN', 'Provider Type', 'Provider Subtype', 'Sector', 'Setting Name', 'Postcode Area', 'Registration Date', 'Provider Status', 'Closed Date',
  'Provider Code', 'Provider Placement Code', 'Emotional and Behavioural Difficulties', 'Mental Disorders', 'Sensory Impairment', 'Present Alcohol Problems',
  'Present Drug Problems', 'Learning Difficulty', 'Physical Disabilities', 'Max Users', 'Full Inspection Start Date', 'Overall Effectiveness', 'CYP Safety',
  'Leadership and Management', 'CYP Outcomes', 'Interim Inspection Start Date', 'Interim Inspection Overall Effectiveness', 'Assurance Visit Start Date',
  'Setting Address Line 1', 'Setting Address Line 2', 'Setting Address Town', 'Setting Address County', 'Setting Address Postcode', 'Setting Telephone Number',
  'Setting Email Address', 'Owner Type', 'Owner ID', 'Owner Name', 'Owner Address Line 1', 'Owner Address Line 2', 'Owner Town', 'Owner County', 'Owner Postcode',
  'Multi Building CH',
] as const;
const CONDITIONS_HEADER = ['Local Authority', 'URN', 'Setting Name', 'Postcode Area', 'Conditions', 'Multi Building CH'] as const;

function providerRow(h: Home): Cell[] {
  const j = h.judgement ?? '-';
  const secure = h.subtype.includes('Secure');
  return [
    'Durham', h.urn, "Children's Home", h.subtype, 'Local Authority', h.name, h.postcodeArea, D(h.registered), h.closed === null ? 'Active' : 'Closed',
    h.closed === null ? '-' : D(h.closed), '-', 'K2', 'Yes', secure ? 'Yes' : '-', '-', '-', '-', secure ? '-' : 'Yes', '-', h.maxUsers,
    h.inspected === null ? '-' : D(h.inspected), j, j, j, j, '-', '-', '-',
    '-', '-', '-', '-', '-', '-', '-', 'Local Authority', 'LA840', 'Durham County Council', 'County Hall', '-', 'Durham', 'County Durham', 'DH1 5UL', 'No',
  ];
}

export function providerSheets(homes: Home[]): SheetSpec[] {
  return [
    { name: 'Provider information', header: PROVIDER_HEADER, rows: homes.map(providerRow) },
    {
      name: 'Registration Conditions',
      header: CONDITIONS_HEADER,
      rows: homes.map((h) => ['Durham', h.urn, h.name, h.postcodeArea,
        `The registered person may provide care and accommodation for a maximum of ${h.maxUsers} children.`, 'No']),
    },
  ];
}

// ---------- Regulation 44 ----------
export const REG44_HEADER = ['URN', 'Setting Name', 'Visit Date', 'Independent Person', 'Report Sent Date'] as const;
/** Months (1-12, 2016) deliberately without a visit. */
export const REG44_MISSED: Record<string, number[]> = {
  'Cedar Drive': [2, 11],
  Moorside: [3, 8],
  'Park House': [6],
  'New Lea House': [10],
};
export const REG44_LATE_REPORTS = 8;
export const REG44_UNSENT_REPORTS = 3;
export const UNKNOWN_HOME = { urn: 'SC612345', name: 'Meadowbank House' };
const VISITORS = ['Alan Greenwell', 'Susan Brydon', 'Patricia Lowes', 'Keith Rutherford'];

interface Visit {
  urn: string;
  name: string;
  visit: number;
  visitor: string;
  sent: number | null;
}

function visitsForHome(rng: Rng, h: Home, withJanuary: boolean): Visit[] {
  const out: Visit[] = [];
  const visitor = rng.pick(VISITORS);
  const missed = REG44_MISSED[h.name] ?? [];
  for (let m = 1; m <= 12; m++) {
    if (missed.includes(m)) continue;
    const visit = weekday(ymd(2016, m, rng.int(4, 23)));
    if (visit < h.registered || (h.closed !== null && visit > h.closed)) continue;
    out.push({ urn: h.urn, name: h.name, visit, visitor, sent: visit + rng.int(3, 20) });
  }
  if (withJanuary && h.closed === null) {
    const visit = weekday(ymd(2017, 1, rng.int(3, 7)));
    out.push({ urn: h.urn, name: h.name, visit, visitor, sent: visit + rng.int(3, Math.min(20, AS_OF - 1 - visit)) });
  }
  return out;
}

export function reg44Rows(rng: Rng, homes: Home[]): Cell[][] {
  const visits: Visit[] = [];
  homes.forEach((h, i) => visits.push(...visitsForHome(rng, h, i % 2 === 0)));
  for (const m of [3, 4]) {
    const visit = weekday(ymd(2016, m, rng.int(5, 20)));
    visits.push({ ...UNKNOWN_HOME, visit, visitor: VISITORS[0]!, sent: visit + rng.int(5, 12) });
  }
  const registered = new Set(homes.map((h) => h.urn));
  const lateCandidates = visits.filter((v) => registered.has(v.urn) && v.visit < ymd(2016, 10, 1));
  for (const i of rng.sample(lateCandidates.length, REG44_LATE_REPORTS)) {
    const v = lateCandidates[i]!;
    v.sent = v.visit + rng.int(32, 55);
  }
  const unsentCandidates = visits.filter((v) => registered.has(v.urn) && v.visit >= ymd(2016, 10, 1) && v.visit < ymd(2016, 12, 1) && v.sent! - v.visit <= 20);
  for (const i of rng.sample(unsentCandidates.length, REG44_UNSENT_REPORTS)) unsentCandidates[i]!.sent = null;
  visits.sort((a, b) => a.visit - b.visit || a.urn.localeCompare(b.urn));
  return visits.map((v) => [v.urn, v.name, D(v.visit), v.visitor, D(v.sent)]);
}

// ---------- Regulation 45 ----------
export const REG45_HEADER = ['URN', 'Setting Name', 'Review Completed Date', 'Report Sent Date'] as const;
export const REG45_MISSED_HOME = 'High Etherley';
export const REG45_LATE_REPORTS = 2;
const REVIEW_MONTHS: [number, number][] = [[2015, 1], [2015, 6], [2015, 11], [2016, 4], [2016, 9]];

export function reg45Rows(rng: Rng, homes: Home[]): Cell[][] {
  const reviews: { h: Home; done: number; sent: number }[] = [];
  for (const h of homes) {
    let months = REVIEW_MONTHS.filter(([y, m]) => ymd(y, m, 28) > h.registered);
    if (h.registered > ymd(2016, 1, 1)) months = [[2016, 8]];
    if (h.name === REG45_MISSED_HOME) months = months.filter(([y, m]) => !(y === 2016 && m === 9));
    for (const [y, m] of months) {
      const done = weekday(ymd(y, m, rng.int(2, 20)));
      if (h.closed !== null && done > h.closed) continue;
      reviews.push({ h, done, sent: done + rng.int(5, 20) });
    }
  }
  const early = reviews.filter((r) => r.done < ymd(2016, 1, 1));
  for (const i of rng.sample(early.length, REG45_LATE_REPORTS)) early[i]!.sent = early[i]!.done + rng.int(35, 50);
  reviews.sort((a, b) => a.h.name.localeCompare(b.h.name) || a.done - b.done);
  return reviews.map((r) => [r.h.urn, r.h.name, D(r.done), D(r.sent)]);
}
