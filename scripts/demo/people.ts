// Fake people: children, teams, workers (staff list) and supervision records.
import { AS_OF, type Cell, D, Rng, addMonths, ymd } from './core.js';

const FIRST = [
  'Aisha', 'Ben', 'Chloe', 'Daniel', 'Ellie', 'Farah', 'George', 'Hannah', 'Imran', 'Jade',
  'Kieran', 'Laura', 'Mohammed', 'Nadia', 'Oliver', 'Priya', 'Rachel', 'Sam', 'Tariq', 'Una',
  'Victoria', 'Wesley', 'Yasmin', 'Zoe', 'Adam', 'Beth', 'Craig', 'Dawn', 'Ewan', 'Fiona',
  'Gareth', 'Heather', 'Ian', 'Joanne', 'Karen', 'Liam', 'Megan', 'Neil', 'Olivia', 'Paul',
  'Rosie', 'Stuart', 'Tessa', 'Vikram', 'Wendy', 'Amy', 'Callum', 'Donna', 'Emma', 'Gemma',
];
const LAST = [
  'Ashworth', 'Barraclough', 'Cawthorne', 'Dunmore', 'Elsdon', 'Fenwick', 'Gilroy', 'Hetherington',
  'Ingleby', 'Jobling', 'Kirkup', 'Lumsden', 'Milburn', 'Nattrass', 'Oxley', 'Pattison', 'Quayle',
  'Robson', 'Surtees', 'Tinkler', 'Urwin', 'Vasey', 'Walton', 'Yeoman', 'Armstrong', 'Bainbridge',
  'Charlton', 'Dodds', 'Emmerson', 'Forster', 'Graham', 'Heslop', 'Iley', 'Jameson', 'Kell',
  'Liddle', 'Marley', 'Nixon', 'Ord', 'Proud', 'Raine', 'Snowdon', 'Thirlwell', 'Usher', 'Wardle',
];

export class NameGen {
  private used = new Set<string>();
  constructor(private rng: Rng) {}
  next(): string {
    for (;;) {
      const name = `${this.rng.pick(FIRST)} ${this.rng.pick(LAST)}`;
      if (!this.used.has(name)) {
        this.used.add(name);
        return name;
      }
    }
  }
}

// ---------- teams and staff ----------
export type TeamKind = 'cin' | 'duty' | 'cp' | 'cic' | 'leavers' | 'cwd' | 'mash' | 'adoption';
export interface Team {
  name: string;
  kind: TeamKind;
  workers: Worker[];
}
export interface Worker {
  id: string;
  name: string;
  team: string;
  role: string;
  start: number;
  end: number | null;
}

export const LOCALITIES = ['North', 'South', 'East', 'West', 'Central'] as const;

function teamList(): { name: string; kind: TeamKind }[] {
  const teams: { name: string; kind: TeamKind }[] = [{ name: 'Multi Agency Safeguarding Hub', kind: 'mash' }];
  for (const l of LOCALITIES) {
    teams.push({ name: `Locality ${l} Duty Team`, kind: 'duty' });
    teams.push({ name: `Locality ${l} CIN Team 1`, kind: 'cin' });
    teams.push({ name: `Locality ${l} CIN Team 2`, kind: 'cin' });
    teams.push({ name: `Locality ${l} Child Protection Team`, kind: 'cp' });
  }
  for (let i = 1; i <= 4; i++) teams.push({ name: `Children in Care Team ${i}`, kind: 'cic' });
  teams.push({ name: 'Care Leavers Team', kind: 'leavers' });
  teams.push({ name: 'Children with Disabilities Team', kind: 'cwd' });
  teams.push({ name: 'Adoption Team', kind: 'adoption' });
  return teams;
}

export interface Staffing {
  teams: Team[];
  managers: Worker[];
  leavers: Worker[];
  all: Worker[];
}

export function buildStaffing(rng: Rng, names: NameGen): Staffing {
  let seq = 1000;
  const nextId = (): string => `W${++seq}`;
  const teams: Team[] = [];
  const managers: Worker[] = [];
  const leavers: Worker[] = [];
  for (const t of teamList()) {
    const team: Team = { ...t, workers: [] };
    managers.push({ id: nextId(), name: names.next(), team: t.name, role: 'Team Manager', start: ymd(rng.int(2004, 2013), rng.int(1, 12), 1), end: null });
    const n = rng.int(3, 6);
    for (let i = 0; i < n; i++) {
      const nqsw = rng.chance(0.15);
      const role = nqsw ? 'Newly Qualified Social Worker' : rng.chance(0.25) ? 'Senior Practitioner' : 'Social Worker';
      const start = nqsw ? ymd(rng.pick([2015, 2016]), rng.pick([3, 9]), 1) : ymd(rng.int(2005, 2015), rng.int(1, 12), 1);
      team.workers.push({ id: nextId(), name: names.next(), team: t.name, role, start, end: null });
    }
    if (rng.chance(0.2)) {
      const end = ymd(2016, rng.int(3, 11), rng.int(1, 28));
      leavers.push({ id: nextId(), name: names.next(), team: t.name, role: 'Social Worker', start: ymd(rng.int(2008, 2014), rng.int(1, 12), 1), end });
    }
    teams.push(team);
  }
  const all = [...managers, ...teams.flatMap((t) => t.workers), ...leavers].sort((a, b) => a.id.localeCompare(b.id));
  return { teams, managers, leavers, all };
}

export function teamsOfKind(s: Staffing, ...kinds: TeamKind[]): Team[] {
  return s.teams.filter((t) => kinds.includes(t.kind));
}

/** Allocation: a random worker in a random team of the given kinds. */
export function allocate(rng: Rng, teams: Team[]): [string, string] {
  const team = rng.pick(teams);
  return [team.name, rng.pick(team.workers).name];
}

export function staffRows(s: Staffing): Cell[][] {
  return s.all.map((w) => [w.id, w.name, w.team, w.role, D(w.start), D(w.end)]);
}

/**
 * Roughly monthly supervision from January 2016 (or the start date) to mid-January 2017.
 * `overdue` workers stop in October/November 2016 (latest > one month before 18/01/2017).
 * Everyone else has a supervision on or after 19/12/2016.
 */
export function supervisionRows(rng: Rng, s: Staffing, overdue: Set<string>): Cell[][] {
  const rows: Cell[][] = [];
  for (const w of s.all) {
    const stopMonth = overdue.has(w.id) ? rng.pick([10, 11]) : 13; // month index: 13 = January 2017
    const hasJan = stopMonth === 13 && rng.chance(0.7);
    for (let m = 1; m <= 13; m++) {
      if (m > stopMonth || (m === 13 && !hasJan)) break;
      let day: number;
      if (m === 13) day = ymd(2017, 1, rng.int(3, 16));
      else if (m === 12 && stopMonth === 13 && !hasJan) day = ymd(2016, 12, rng.int(19, 23));
      else day = ymd(2016, m, rng.int(3, 26));
      if (day < w.start) continue;
      if (w.end !== null && day > w.end) break;
      rows.push([w.id, D(day)]);
    }
  }
  return rows;
}

export function pickOverdue(rng: Rng, s: Staffing): Set<string> {
  const active = s.all.filter((w) => w.end === null && w.start < ymd(2016, 6, 1));
  const n = Math.round(active.length * 0.1);
  return new Set(rng.sample(active.length, n).map((i) => active[i]!.id));
}

// ---------- children ----------
export interface Child {
  id: number;
  sex: 1 | 2;
  gender: string;
  ethnicity: string;
  dob: number;
  disability: string;
}

const ETHNICITY: readonly (readonly [string, number])[] = [
  ['a) WBRI', 80], ['b) WIRI', 1], ['d) WOTH', 3], ['e) WROM', 1], ['f) MWBC', 2], ['g) MWBA', 1],
  ['h) MWAS', 1], ['i) MOTH', 2], ['k) APKN', 2], ['l) ABAN', 1], ['o) BAFR', 1], ['r) OOTH', 1], ['s) NOBT', 4],
];

export class ChildFactory {
  private ids = new Set<number>();
  constructor(private rng: Rng) {}
  /** A child born uniformly between dobMin and dobMax (day numbers). */
  make(dobMin: number, dobMax: number): Child {
    const rng = this.rng;
    let id: number;
    do id = rng.int(100000, 9999999);
    while (this.ids.has(id));
    this.ids.add(id);
    const sex = rng.chance(0.5) ? 1 : 2;
    const gender = rng.chance(0.01) ? 'c) Not stated/recorded' : sex === 1 ? 'a) Male' : 'b) Female';
    return {
      id,
      sex,
      gender,
      ethnicity: rng.weighted(ETHNICITY),
      dob: rng.int(dobMin, Math.max(dobMin, dobMax)),
      disability: rng.chance(0.08) ? 'a) Yes' : 'b) No',
    };
  }
  /** A child aged between minAge and maxAge (years, fractional allowed) on `at`. */
  aged(minAge: number, maxAge: number, at: number = AS_OF): Child {
    return this.make(Math.ceil(at - maxAge * 365.25) + 1, Math.floor(at - minAge * 365.25));
  }
}

export const monthsBefore = (n: number): number => addMonths(AS_OF, -n);
