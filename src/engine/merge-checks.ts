import { compareFindings } from '../findings/finding.js';
import type { OverviewDef } from '../rules/overview.js';
import { datasetsOf, type RuleDef } from '../rules/rule.js';
import type { ExceptionRecord } from './outcome.js';
import { rowTotalsOf } from './reconcile.js';
import { ruleStretches } from './rule-stretches.js';
import { byRuleId, type CheckResult } from './run-check.js';
import type { Share } from './split-plan.js';

/**
 * Whether each share read what it was given to: every dataset found in one share only, and in
 * the share that ran its rules. A header read otherwise than guessed (below long title rows,
 * say) breaks this; the check must then be run whole.
 */
export function splitHeld(shares: readonly Share[], results: readonly CheckResult[], rules: readonly RuleDef[]): boolean {
  const shareOf = new Map<string, number>();
  const byId = new Map(rules.map((r) => [r.id, r]));
  for (const [i, share] of shares.entries()) {
    for (const id of share.rules) for (const d of datasetsOf(byId.get(id)!)) shareOf.set(d, i);
  }
  for (const [i, result] of results.entries()) {
    for (const input of result.inputs) {
      if (input.dataset === null) continue;
      if ((shareOf.get(input.dataset) ?? i) !== i) return false;
      shareOf.set(input.dataset, i);
    }
  }
  return true;
}

/** Orders anything named by a file (inputs, fingerprints) as the files were given. */
export function byFileOrder(files: readonly string[]): (a: { file: string }, b: { file: string }) => number {
  const index = new Map(files.map((f, i) => [f, i]));
  return (a, b) => index.get(a.file)! - index.get(b.file)!;
}

/**
 * The shares' exceptions in rule id order, each rule's in the order found. Each share's are in
 * rule id order already and no rule's are in two shares, so they are taken a rule at a time, in
 * runs: at half a million exceptions, one sort of them all took a third of a second. The one
 * share with exceptions (as when one dataset is checked) gives its own list.
 */
function exceptionsByRule(results: readonly CheckResult[]): ExceptionRecord[] {
  const lists = results.map((r) => r.exceptions).filter((list) => list.length > 0);
  if (lists.length <= 1) return lists[0] ?? [];
  const runs = lists.flatMap((list) => ruleStretches(list).map((stretch) => ({ ...stretch, list })));
  const merged: ExceptionRecord[] = [];
  for (const { list, start, end } of runs.sort(byRuleId)) for (let i = start; i < end; i++) merged.push(list[i]!);
  return merged;
}

/**
 * One result from the results of shares that no rule, overview or dataset crossed, in the order a
 * whole check gives: rules and exceptions by rule id (each rule's own in the order it found
 * them), findings as sorted, inputs in the order the files were given, overviews in pack order.
 * One share's result is already in that order but for its inputs (runCheck sorts as this does),
 * so it is not sorted again.
 */
export function mergeChecks(results: readonly CheckResult[], files: readonly string[], overviews: readonly OverviewDef[]): CheckResult {
  const overviewIndex = new Map(overviews.map((o, i) => [o.id, i]));
  const inputs = results.flatMap((r) => r.inputs).sort(byFileOrder(files));
  if (results.length === 1) return { ...results[0]!, inputs, rowTotals: rowTotalsOf(inputs) };
  return {
    asOf: results[0]!.asOf,
    rules: results.flatMap((r) => r.rules).sort(byRuleId),
    exceptions: exceptionsByRule(results),
    findings: results.flatMap((r) => r.findings).sort(compareFindings),
    inputs,
    overviews: results.flatMap((r) => r.overviews).sort((a, b) => overviewIndex.get(a.id)! - overviewIndex.get(b.id)!),
    rowTotals: rowTotalsOf(inputs),
  };
}
