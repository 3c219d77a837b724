import { dayFromIso } from '../calendar/index.js';
import type { ExceptionRecord } from '../engine/outcome.js';
import type { CheckResult } from '../engine/run-check.js';
import { compareFindings, type Finding } from '../findings/finding.js';
import type { FileFingerprint, RuleFingerprint } from '../manifest/run-manifest.js';
import { ukDate } from '../engine/format.js';
import { BaselineError, type Baseline, type RuleChanges } from './baseline.js';

const day = (iso: string) => dayFromIso(iso) ?? 0;
const weeksBetween = (from: string, to: string) => Math.floor((day(to) - day(from)) / 7);

/** Rules added, removed or changed (another version or definition) between two runs' rule sets. */
export function ruleChanges(before: readonly RuleFingerprint[], after: readonly RuleFingerprint[]): RuleChanges {
  const old = new Map(before.map((r) => [r.id, r]));
  const now = new Map(after.map((r) => [r.id, r]));
  return {
    added: after.filter((r) => !old.has(r.id)).map((r) => r.id),
    removed: before.filter((r) => !now.has(r.id)).map((r) => r.id),
    changed: after.filter((r) => old.has(r.id) && (old.get(r.id)!.version !== r.version || old.get(r.id)!.sha256 !== r.sha256)).map((r) => r.id),
  };
}

function ruleChangeFindings(file: string, changes: RuleChanges | null): Finding[] {
  const base = { file, kind: 'baseline' as const, level: 'warning' as const };
  if (changes === null) return [{ ...base, message: 'The baseline has no run manifest, so changes to the rules since it cannot be named' }];
  const parts = [
    changes.added.length ? `added ${changes.added.join(', ')}` : '',
    changes.removed.length ? `removed ${changes.removed.join(', ')}` : '',
    changes.changed.length ? `changed ${changes.changed.join(', ')}` : '',
  ].filter(Boolean);
  return parts.length ? [{ ...base, message: `The rules differ from the baseline's: ${parts.join('; ')}` }] : [];
}

/**
 * For each rule changed since the baseline that has exceptions new or resolved this week, a
 * warning that some of them may come from the change: an exception's id holds its due date, so a
 * changed timescale makes the same child's exception resolved under its old id and new under its
 * new one.
 */
function changedRuleFindings(file: string, changes: RuleChanges | null, exceptions: readonly ExceptionRecord[], resolved: readonly ExceptionRecord[]): Finding[] {
  return (changes?.changed ?? []).flatMap((ruleId): Finding[] => {
    const fresh = exceptions.filter((e) => e.ruleId === ruleId && e.status === 'new').length;
    const gone = resolved.filter((e) => e.ruleId === ruleId).length;
    if (fresh + gone === 0) return [];
    return [{
      file, kind: 'baseline', level: 'warning', ruleId,
      message: `${ruleId} changed since the baseline: ${fresh} of its exceptions are new and ${gone} resolved, some of them by the change rather than by the work (an exception's id holds its due date)`,
    }];
  });
}

/** When a baseline exception was first seen: as it says, unless that is after the baseline's own date, which cannot be. */
const seenFirst = (e: ExceptionRecord, baseline: Baseline) => (e.firstSeen !== undefined && e.firstSeen <= baseline.asOf ? e.firstSeen : baseline.asOf);

function seenLaterFindings(file: string, baseline: Baseline): Finding[] {
  const later = baseline.exceptions.filter((e) => e.firstSeen !== undefined && e.firstSeen > baseline.asOf).length;
  const on = ukDate(day(baseline.asOf));
  return later ? [{ file, kind: 'baseline', level: 'warning', message: `${later} exception(s) in the baseline were first seen after its as-of date ${on}, which cannot be: taken as first seen on ${on}` }] : [];
}

/**
 * Marks each exception new or open (first seen and weeks open carried forward by exception id)
 * and lists the baseline's exceptions that are gone. Only rules that ran this time can resolve
 * anything: an exception whose rule did not run is reported as not re-checked, never as resolved.
 */
export function applyBaseline(result: CheckResult, baseline: Baseline, file: FileFingerprint): CheckResult {
  if (day(baseline.asOf) >= day(result.asOf)) {
    throw new BaselineError(`The baseline ${file.file} is as of ${ukDate(day(baseline.asOf))}, which is not earlier than this run's as-of date ${ukDate(day(result.asOf))}: use an earlier week's report`);
  }
  const previous = new Map(baseline.exceptions.map((e) => [e.id, e]));
  const exceptions = result.exceptions.map((e): ExceptionRecord => {
    const before = previous.get(e.id);
    const firstSeen = before ? seenFirst(before, baseline) : result.asOf;
    return { ...e, status: before ? 'open' : 'new', firstSeen, weeksOpen: weeksBetween(firstSeen, result.asOf) };
  });
  const current = new Set(result.exceptions.map((e) => e.id));
  const ran = new Set(result.rules.filter((r) => r.ran).map((r) => r.ruleId));
  const gone = baseline.exceptions.filter((e) => !current.has(e.id));
  const resolved = gone
    .filter((e) => ran.has(e.ruleId))
    .map((e): ExceptionRecord => {
      const firstSeen = seenFirst(e, baseline);
      return { ...e, status: 'resolved', firstSeen, weeksOpen: weeksBetween(firstSeen, baseline.asOf) };
    });
  const unchecked = new Map<string, number>();
  for (const e of gone.filter((e) => !ran.has(e.ruleId))) unchecked.set(e.ruleId, (unchecked.get(e.ruleId) ?? 0) + 1);
  const changes = baseline.rules && result.manifest ? ruleChanges(baseline.rules, result.manifest.ruleSet.rules) : null;
  const findings = [
    ...result.findings,
    ...ruleChangeFindings(file.file, changes),
    ...changedRuleFindings(file.file, changes, exceptions, resolved),
    ...seenLaterFindings(file.file, baseline),
    ...[...unchecked].map(([ruleId, n]): Finding => ({
      file: file.file, kind: 'baseline', level: 'warning', ruleId,
      message: `${n} exception(s) of ${ruleId} in the baseline were not re-checked: the rule did not run this time`,
    })),
  ].sort(compareFindings);
  const manifest = result.manifest ? { ...result.manifest, baseline: { ...file, asOf: baseline.asOf } } : undefined;
  return { ...result, exceptions, findings, ...(manifest ? { manifest } : {}), baseline: { file: file.file, asOf: baseline.asOf, resolved, ruleChanges: changes } };
}
