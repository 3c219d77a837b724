import type { RulePack } from '../rules/rule-pack.js';
import { boundaryProbes, type BoundaryProbe } from './boundary.js';
import { runCase, type CaseResult } from './run-cases.js';

/** Everything `comply test` found, rule by rule in id order. */
export interface PackTestReport {
  rules: { ruleId: string; cases: CaseResult[]; probes: BoundaryProbe[] }[];
  totals: { cases: number; failed: number; probes: number; underTested: number };
}

/** Runs every rule's cases, then the boundary check on the cases that pass. */
export function testPack(pack: RulePack): PackTestReport {
  const rules = [...pack.rules]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((rule) => {
      const own = pack.cases.filter((s) => s.rule === rule.id).flatMap((s) => s.cases);
      const runs = own.map((c) => ({ c, outcome: runCase(pack, rule.id, c).outcome }));
      const passing = runs.filter((r) => r.outcome.passed).map((r) => r.c);
      return { ruleId: rule.id, cases: runs.map((r) => r.outcome), probes: boundaryProbes(pack, rule, passing) };
    });
  const cases = rules.flatMap((r) => r.cases);
  const probes = rules.flatMap((r) => r.probes);
  return {
    rules,
    totals: { cases: cases.length, failed: cases.filter((c) => !c.passed).length, probes: probes.length, underTested: probes.filter((p) => p.noticedBy === undefined).length },
  };
}

/** The report as JSON, for tools. */
export const testJson = (report: PackTestReport): string => `${JSON.stringify(report, null, 2)}\n`;
