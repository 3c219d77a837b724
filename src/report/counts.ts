import { dayFromIso } from '../calendar/index.js';
import type { ExceptionRecord, RuleSummary } from '../engine/outcome.js';
import type { CheckResult } from '../engine/run-check.js';
import { ruleStretches } from '../engine/rule-stretches.js';
import { isDriftRule } from '../rules/rule.js';

export const UNALLOCATED = '(no team recorded)';
/** The team an exception is counted under: its team, else the service of a rule with no team, else none recorded. */
export const teamOf = (e: ExceptionRecord): string => e.team ?? e.service ?? UNALLOCATED;

/** Exceptions now, and against a baseline how many are new, still open, and resolved since. */
export interface StatusCounts {
  exceptions: number;
  new: number;
  open: number;
  resolved: number;
}

const zero = (): StatusCounts => ({ exceptions: 0, new: 0, open: 0, resolved: 0 });

function add(counts: StatusCounts, e: ExceptionRecord): void {
  if (e.status === 'resolved') counts.resolved++;
  else {
    counts.exceptions++;
    if (e.status === 'new') counts.new++;
    if (e.status === 'open') counts.open++;
  }
}

/** Every exception of the run and every one resolved since the baseline: without one, the run's own list (half a million exceptions are not copied). */
export const allRecords = (result: CheckResult): readonly ExceptionRecord[] => (result.baseline ? [...result.exceptions, ...result.baseline.resolved] : result.exceptions);

/** Counts keyed by what `key` says of each record, keys in text order. */
export function countBy(records: readonly ExceptionRecord[], key: (e: ExceptionRecord) => string): [string, StatusCounts][] {
  const counts = new Map<string, StatusCounts>();
  for (const e of records) {
    const k = key(e);
    let c = counts.get(k);
    if (!c) counts.set(k, (c = zero()));
    add(c, e);
  }
  return [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** One team's counts, and its counts for each rule it has exceptions of. */
interface TeamTally {
  status: StatusCounts;
  byRule: Map<string, StatusCounts>;
}

/** Each team's counts and its rules' (see tally): plain data, which threads can post and add up. */
export type Tally = Map<string, TeamTally>;

/** The sum of two tallies (two ranges of a file's rows, say): the same whatever order their teams came in. */
export function addTallies(a: Tally, b: Tally): Tally {
  const teams: Tally = new Map([...a].map(([team, t]) => [team, { status: t.status, byRule: new Map(t.byRule) }]));
  for (const [team, t] of b) {
    const into = teams.get(team);
    if (!into) teams.set(team, { status: t.status, byRule: new Map(t.byRule) });
    else {
      into.status = sum(into.status, t.status);
      for (const [ruleId, c] of t.byRule) into.byRule.set(ruleId, sum(into.byRule.get(ruleId) ?? zero(), c));
    }
  }
  return teams;
}

/** Counts keyed by team, teams in text order, from a tally (as countBy(records, teamOf) gives them). */
export const byTeam = (teams: Tally): [string, StatusCounts][] => [...teams].map(([team, t]): [string, StatusCounts] => [team, t.status]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** The sum of two counts. */
const sum = (a: StatusCounts, b: StatusCounts): StatusCounts => ({ exceptions: a.exceptions + b.exceptions, new: a.new + b.new, open: a.open + b.open, resolved: a.resolved + b.resolved });

/**
 * Each team's counts and its rules': one pass over the run's exceptions and those resolved since
 * the baseline, whatever is then counted from them (a pass over half a million exceptions, read
 * in report order from all over memory, takes a tenth of a second or more). Each rule's
 * exceptions are one stretch of the list (see ruleStretches), so each exception is counted once,
 * under its team within its rule's stretch, and the teams' totals are summed from those.
 */
export function tally(result: Pick<CheckResult, 'exceptions' | 'baseline'>): Tally {
  const teams = new Map<string, TeamTally>();
  for (const records of [result.exceptions, result.baseline?.resolved ?? []]) {
    for (const { ruleId, start, end } of ruleStretches(records)) {
      const byTeam = new Map<string, StatusCounts>();
      for (let i = start; i < end; i++) {
        const e = records[i]!;
        const team = teamOf(e);
        let c = byTeam.get(team);
        if (!c) byTeam.set(team, (c = zero()));
        add(c, e);
      }
      for (const [team, c] of byTeam) {
        let t = teams.get(team);
        if (!t) teams.set(team, (t = { status: zero(), byRule: new Map() }));
        t.status = sum(t.status, c);
        t.byRule.set(ruleId, sum(t.byRule.get(ruleId) ?? zero(), c));
      }
    }
  }
  return teams;
}

/** Each rule's counts (zero for one that raised nothing), from the tally of all teams or of one. */
function statusesOf(teams: ReadonlyMap<string, TeamTally>, team?: string): (ruleId: string) => StatusCounts {
  const counts = new Map<string, StatusCounts>();
  for (const [name, t] of teams) {
    if (team !== undefined && name !== team) continue;
    for (const [ruleId, c] of t.byRule) {
      counts.set(ruleId, sum(counts.get(ruleId) ?? zero(), c));
    }
  }
  return (ruleId) => counts.get(ruleId) ?? zero();
}

/** Counts for each rule (zero for one that raised nothing), of one team's exceptions if given: counted when first asked for. */
export function ruleStatuses(result: CheckResult, team?: string): (ruleId: string) => StatusCounts {
  let statusOf: ((ruleId: string) => StatusCounts) | undefined;
  return (ruleId) => (statusOf ??= statusesOf(tally(result), team))(ruleId);
}

/**
 * How much of what a rule checked was within timescale, in percent to `places` decimals (null
 * when it checked nothing): rounded, as the workbook and the page alike show it, but never to 100
 * while a checked row was not within timescale, nor to 0 while one was.
 */
export function percentWithin(passed: number, checked: number, places: number): number | null {
  if (!checked) return null;
  const scale = 10 ** places;
  const rounded = Math.round((100 * scale * passed) / checked) / scale;
  if (passed < checked && rounded === 100) return 100 - 1 / scale;
  if (passed > 0 && rounded === 0) return 1 / scale;
  return rounded;
}

const AGE_BANDS: readonly [string, number][] = [
  ['under 1 month', 30], ['1 to 3 months', 91], ['3 to 6 months', 183], ['6 to 12 months', 365], ['1 to 2 years', 730], ['2 years or more', Infinity],
];

/** The age bands drift cases are counted in, youngest first. */
export const AGE_BAND_LABELS: readonly string[] = AGE_BANDS.map(([label]) => label);

/** How long these exceptions of the rules tagged `drift` have been past their due date at `asOf`, in bands. */
export function ageBands(asOf: string, rules: readonly Pick<RuleSummary, 'ruleId' | 'tags'>[], exceptions: readonly Pick<ExceptionRecord, 'ruleId' | 'dueDate'>[]): [string, number][] {
  const drift = new Set(rules.filter((r) => isDriftRule(r)).map((r) => r.ruleId));
  const now = dayFromIso(asOf) ?? 0;
  const counts = AGE_BANDS.map(([label]) => [label, 0] as [string, number]);
  for (const e of exceptions) {
    const due = e.dueDate === null ? undefined : dayFromIso(e.dueDate);
    if (!drift.has(e.ruleId) || due === undefined) continue;
    counts[AGE_BANDS.findIndex(([, below]) => now - due < below)]![1]++;
  }
  return counts;
}

/** How long the exceptions of the rules tagged `drift` have been past their due date, in bands. */
export const driftAges = (result: CheckResult): [string, number][] => ageBands(result.asOf, result.rules, result.exceptions);

/** Counts over the whole run: every exception, and every one resolved since the baseline. */
export const totalStatus = (result: CheckResult): StatusCounts => countBy(allRecords(result), () => 'all')[0]?.[1] ?? zero();

/** Severities, most serious first. */
const SEVERITY_ORDER: readonly string[] = ['high', 'medium', 'low', 'info'];

/** A rule's line of the overview: its counts now and, against a baseline, since then. */
export interface RuleLine {
  rule: RuleSummary;
  status: StatusCounts;
  /** Against a baseline: exceptions now less exceptions then (new less resolved). */
  change?: number;
}

/** Each rule's line, most serious first, then most exceptions first; rules that did not run last. */
export const ruleLines = (result: CheckResult): RuleLine[] => linesOf(result, ruleStatuses(result));

function linesOf(result: CheckResult, statusOf: (ruleId: string) => StatusCounts): RuleLine[] {
  const rank = (l: RuleLine) => [l.rule.ran ? 0 : 1, SEVERITY_ORDER.indexOf(l.rule.severity), -l.status.exceptions];
  return result.rules
    .map((rule): RuleLine => {
      const status = statusOf(rule.ruleId);
      return { rule, status, ...(result.baseline ? { change: status.new - status.resolved } : {}) };
    })
    .sort((a, b) => {
      const [x, y] = [rank(a), rank(b)];
      return x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]! || (a.rule.ruleId < b.rule.ruleId ? -1 : 1);
    });
}

/** Exceptions per team and rule: the rules with any (in overview order), and a row per team, most exceptions first. */
export interface TeamGrid {
  rules: RuleSummary[];
  rows: { team: string; counts: number[]; total: number; status: StatusCounts }[];
}

export function teamGrid(result: CheckResult, teams: Tally = tally(result)): TeamGrid {
  const rules = linesOf(result, statusesOf(teams)).filter((l) => l.status.exceptions > 0).map((l) => l.rule);
  const rows = [...teams].map(([team, t]) => ({ team, counts: rules.map((r) => t.byRule.get(r.ruleId)?.exceptions ?? 0), total: t.status.exceptions, status: t.status }));
  return { rules, rows: rows.sort((a, b) => b.total - a.total || (a.team < b.team ? -1 : 1)) };
}

/** Whole days from the due date to the as-of date (negative when not yet due), or null without a due date. */
export function daysOverdue(asOf: string, dueDate: string | null): number | null {
  const [now, due] = [dayFromIso(asOf), dueDate === null ? undefined : dayFromIso(dueDate)];
  return now === undefined || due === undefined ? null : now - due;
}
