import { dayFromIso } from '../calendar/index.js';
import { ukIso } from '../engine/format.js';
import { AGE_BAND_LABELS, ageBands } from './counts.js';
import type { OutTable } from './tabular.js';
import { isDriftRule } from '../rules/rule.js';

/** A weekly JSON report could not be read as one. */
export class TrendError extends Error {}

/** A rule as the trend follows it: its id and title, and the exceptions it raised each week (null: not in that week's pack or not run). */
export interface RuleTrend {
  ruleId: string;
  title: string;
  open: (number | null)[];
  /** Weeks (indexes) at which the rule's definition (its SHA-256 in the manifest) changed from the week before. */
  changedAt: { week: number; from: string; to: string }[];
}

/** The trend over the weekly reports, oldest week first. */
export interface Trend {
  weeks: string[];
  rules: RuleTrend[];
  /** New and resolved against each week's baseline (null: that report had none). */
  fresh: (number | null)[];
  resolved: (number | null)[];
  /** Median whole weeks open of each week's exceptions (null: no weeks open recorded). */
  medianWeeksOpen: (number | null)[];
  /** Drift cases by age band, one row per week, bands as AGE_BAND_LABELS. */
  driftBands: (number[] | null)[];
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const array = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

interface Week {
  asOf: string;
  rules: { ruleId: string; title: string; tags: string[]; ran: boolean; exceptions: number }[];
  hashes: Map<string, string>;
  fresh: number | null;
  resolved: number | null;
  weeksOpen: number[];
  exceptions: { ruleId: string; dueDate: string | null }[] | null;
}

/** One weekly report, as much of it as the trend needs; `name` says which file in errors. */
export function parseWeek(json: unknown, name: string): Week {
  if (!isObject(json) || typeof json.asOf !== 'string' || dayFromIso(json.asOf) === undefined || !isObject(json.summary) || !Array.isArray(json.summary.rules)) {
    throw new TrendError(`${name} is not a csc-comply JSON report (no "asOf" and "summary.rules"): give the .json reports of the weekly check`);
  }
  const summary = json.summary;
  const rules = array(summary.rules).filter(isObject).map((r) => ({
    ruleId: str(r.ruleId) ?? '',
    title: str(r.title) ?? str(r.ruleId) ?? '',
    tags: array(r.tags).filter((t): t is string => typeof t === 'string'),
    ran: r.ran !== false,
    exceptions: isObject(r.counts) && typeof r.counts.exceptions === 'number' ? r.counts.exceptions : 0,
  }));
  const totals = isObject(summary.totals) ? summary.totals : {};
  const manifestRules = isObject(json.manifest) && isObject(json.manifest.ruleSet) ? array(json.manifest.ruleSet.rules).filter(isObject) : [];
  const list = Array.isArray(json.exceptions) ? json.exceptions.filter(isObject) : null;
  return {
    asOf: json.asOf,
    rules,
    hashes: new Map(manifestRules.flatMap((r) => (typeof r.id === 'string' && typeof r.sha256 === 'string' ? [[r.id, r.sha256] as [string, string]] : []))),
    fresh: typeof totals.new === 'number' ? totals.new : null,
    resolved: typeof totals.resolved === 'number' ? totals.resolved : null,
    weeksOpen: (list ?? []).flatMap((e) => (typeof e.weeksOpen === 'number' ? [e.weeksOpen] : [])),
    exceptions: list && list.map((e) => ({ ruleId: str(e.ruleId) ?? '', dueDate: str(e.dueDate) })),
  };
}

function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The trend over these weeks (in any order; each as-of date once). */
export function buildTrend(input: readonly Week[]): Trend {
  const weeks = [...input].sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0));
  weeks.forEach((w, i) => {
    if (i && weeks[i - 1]!.asOf === w.asOf) throw new TrendError(`Two reports are as of ${ukIso(w.asOf)}: give one report per week`);
  });
  const titles = new Map<string, string>();
  for (const w of weeks) for (const r of w.rules) titles.set(r.ruleId, r.title);
  const rules = [...titles].sort(([a], [b]) => (a < b ? -1 : 1)).map(([ruleId, title]): RuleTrend => {
    const changedAt: RuleTrend['changedAt'] = [];
    weeks.forEach((w, i) => {
      const [before, now] = [weeks[i - 1]?.hashes.get(ruleId), w.hashes.get(ruleId)];
      if (before !== undefined && now !== undefined && before !== now) changedAt.push({ week: i, from: before, to: now });
    });
    const open = weeks.map((w) => {
      const r = w.rules.find((x) => x.ruleId === ruleId);
      return r && r.ran ? r.exceptions : null;
    });
    return { ruleId, title, open, changedAt };
  });
  return {
    weeks: weeks.map((w) => w.asOf),
    rules,
    fresh: weeks.map((w) => w.fresh),
    resolved: weeks.map((w) => w.resolved),
    medianWeeksOpen: weeks.map((w) => median(w.weeksOpen)),
    driftBands: weeks.map((w) => (w.exceptions && w.rules.some((r) => isDriftRule(r) && r.ran) ? ageBands(w.asOf, w.rules, w.exceptions).map(([, n]) => n) : null)),
  };
}

const weekColumn = { header: 'Week (as of)', kind: 'date' as const, width: 14 };

/** The trend as tables (a workbook's sheets): open exceptions per rule, new and resolved, median weeks open, drift ages, rule changes. */
export function trendTables(trend: Trend): OutTable[] {
  const num = (header: string, width = 14) => ({ header, kind: 'number' as const, width });
  return [
    {
      name: 'Open by rule',
      columns: [weekColumn, ...trend.rules.map((r) => num(r.title, 16))],
      rows: trend.weeks.map((w, i) => [w, ...trend.rules.map((r) => r.open[i] ?? null)]),
    },
    {
      name: 'New and resolved',
      columns: [weekColumn, num('New'), num('Resolved'), num('Median Weeks Open')],
      rows: trend.weeks.map((w, i) => [w, trend.fresh[i] ?? null, trend.resolved[i] ?? null, trend.medianWeeksOpen[i] ?? null]),
    },
    {
      name: 'Drift ages',
      columns: [weekColumn, ...AGE_BAND_LABELS.map((b) => num(b))],
      rows: trend.weeks.map((w, i) => [w, ...(trend.driftBands[i] ?? AGE_BAND_LABELS.map(() => null))]),
    },
    {
      name: 'Rule changes',
      columns: [weekColumn, { header: 'Rule', kind: 'text', width: 48 }, { header: 'Rule ID', kind: 'text', width: 34 }, { header: 'SHA-256 Before', kind: 'text', width: 66 }, { header: 'SHA-256 After', kind: 'text', width: 66 }],
      rows: trend.rules.flatMap((r) => r.changedAt.map((c) => [trend.weeks[c.week]!, r.title, r.ruleId, c.from, c.to])),
    },
  ];
}
