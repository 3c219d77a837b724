import type { BoundaryProbe } from './boundary.js';
import { sideBySide } from './side-by-side.js';
import type { PackTestReport } from './test-pack.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "driftAfter 6 -> 7 months" */
export const probeLabel = (p: BoundaryProbe): string => `${p.parameter} ${p.from} -> ${p.to} ${p.unit}`;

/** `comply test`'s report for a person or a CI log: failures in full, passing rules on one line. */
export function testText(report: PackTestReport): string {
  const out: string[] = [];
  for (const rule of report.rules) {
    const failed = rule.cases.filter((c) => !c.passed);
    const missed = rule.probes.filter((p) => p.noticedBy === undefined);
    const status = failed.length ? 'FAIL' : missed.length ? 'UNDER-TESTED' : 'ok';
    out.push(`${status} ${rule.ruleId}: ${rule.cases.length - failed.length} of ${plural(rule.cases.length, 'case')} pass; ${rule.probes.length - missed.length} of ${plural(rule.probes.length, 'boundary move')} noticed`);
    for (const c of failed) {
      out.push(`  case failed: ${c.name}`);
      out.push(...(c.error ? [`    could not run: ${c.error}`] : sideBySide(c)));
    }
    for (const p of missed) out.push(`  under-tested: moving ${probeLabel(p)} changes no case; add a case on each side of that boundary`);
  }
  const { cases, failed, probes, underTested } = report.totals;
  out.push('', `Boundaries: ${probes - underTested} noticed, ${underTested} not noticed`, `Cases: ${cases - failed} passed, ${failed} failed`);
  return `${out.join('\n')}\n`;
}
