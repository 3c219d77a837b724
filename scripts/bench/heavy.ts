/**
 * Exception-heavy bench data, for the comparison with DuckDB (scripts/bench/duckdb.ts): a List 6
 * of `children` children of whom about half are drifting (open, started more than six months
 * before the as-of date), and a children's homes register (one home per 50 children) with its
 * Regulation 44 visit log, about a third of the home-months having no visit. Drawn from a seeded
 * generator, so every run writes the same files.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { dayFromIso } from '../../src/calendar/index.js';
import { addMonths, startOfMonth } from '../../src/calendar/months.js';
import { ukDate } from '../../src/engine/format.js';
import { AS_OF } from './steps.js';
import { writeLines } from './write-lines.js';

/** mulberry32: a small seeded generator, so the data is the same on every run. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TEAMS = ['North Locality', 'South Locality', 'East Locality', 'West Locality', 'Central Locality', 'Disabled Children', 'Family Support', 'Child Protection'];
const NEEDS = ['N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8', 'N9'];
const STATUSES = ['Open', 'Allocated', 'Awaiting allocation'];

const LIST_6_HEADER = ['Child Unique ID', 'Gender', 'Ethnicity', 'Date of Birth', 'Age', 'Does the Child have a Disability', 'CIN Start Date', 'Primary Need Code', 'Date Child Was Last Seen', 'CIN Closure Date', 'Reason for Closure', 'Case Status', 'Allocated Team', 'Allocated Worker'];

export interface HeavyData {
  /** A folder holding the List 6 CSV alone. */
  list6: string;
  /** A folder holding the homes register and the visit log. */
  homes: string;
  children: number;
  homesCount: number;
  visits: number;
}

/** List 6: about 70% of cases open, their start dates spread over the two years before the as-of date. */
function list6Lines(children: number, asOf: number): Iterable<string> {
  const next = seeded(6);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  return (function* () {
    yield LIST_6_HEADER.join(',');
    for (let i = 1; i <= children; i++) {
      const start = asOf - 1 - Math.floor(next() * 730);
      const dob = start - 365 - Math.floor(next() * 5800);
      const open = next() < 0.7;
      const closure = open ? '' : ukDate(start + Math.floor(next() * (asOf - start)));
      const team = pick(TEAMS);
      const worker = `Worker ${TEAMS.indexOf(team) * 50 + Math.floor(next() * 50) + 1}`;
      const seen = ukDate(Math.min(asOf, start + Math.floor(next() * 120)));
      yield [`C${String(i).padStart(8, '0')}`, pick(['Male', 'Female']), pick(['WBRI', 'WOTH', 'ABAN', 'MWBC']), ukDate(dob), Math.floor((asOf - dob) / 365.25), pick(['Yes', 'No']), ukDate(start), pick(NEEDS), seen, closure, open ? '' : 'RC1', pick(STATUSES), team, worker].join(',');
    }
  })();
}

const HOMES_HEADER = ['URN', 'Provider Type', 'Setting Name', 'Registration Date', 'Closed Date'];
const VISITS_HEADER = ['URN', 'Setting Name', 'Visit Date', 'Independent Person', 'Report Sent Date'];
const PROVIDER_TYPES = ["Children's home", "Children's home", "Children's home", "Children's home", "Children's home", "Children's home", '', 'Residential special school'];

/** Homes registered over seven years, one in twenty closed during the look-back; a visit in about two months of three. */
function homesLines(homes: number, asOf: number): { homes: Iterable<string>; visits: string[] } {
  const next = seeded(44);
  const firstMonth = addMonths(startOfMonth(asOf), -14);
  const homeLines = [HOMES_HEADER.join(',')];
  const visits = [VISITS_HEADER.join(',')];
  for (let h = 1; h <= homes; h++) {
    const urn = `SC${String(h).padStart(7, '0')}`;
    const name = `Home ${h}`;
    const registered = asOf - 30 - Math.floor(next() * 2555);
    const closed = next() < 0.05 ? ukDate(asOf - 1 - Math.floor(next() * 365)) : '';
    homeLines.push([urn, PROVIDER_TYPES[Math.floor(next() * PROVIDER_TYPES.length)]!, name, ukDate(registered), closed].join(','));
    for (let m = 0; m < 14; m++) {
      if (next() >= 0.65) continue;
      const visit = Math.min(asOf, addMonths(firstMonth, m) + Math.floor(next() * 28));
      visits.push([urn, name, ukDate(visit), `Visitor ${1 + Math.floor(next() * 40)}`, ukDate(Math.min(asOf, visit + 5))].join(','));
    }
  }
  return { homes: homeLines, visits };
}

/** Writes the exception-heavy data under `dir`. */
export function generateHeavy(dir: string, children: number): HeavyData {
  const asOf = dayFromIso(AS_OF)!;
  const list6 = join(dir, 'list-6');
  const homes = join(dir, 'homes');
  mkdirSync(list6, { recursive: true });
  mkdirSync(homes, { recursive: true });
  writeLines(join(list6, 'annex-a-list-6.csv'), list6Lines(children, asOf));
  const homesCount = Math.max(100, Math.round(children / 50));
  const register = homesLines(homesCount, asOf);
  writeLines(join(homes, 'ofsted-children-homes.csv'), register.homes);
  writeLines(join(homes, 'reg44-visits.csv'), register.visits);
  return { list6, homes, children, homesCount, visits: register.visits.length - 1 };
}
