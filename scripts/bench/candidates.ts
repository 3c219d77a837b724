/**
 * A rule's candidates (each row, or each row and item) with their facts computed by the compiled
 * rule, for running the same conditions through json-rules-engine: the bench's sample of it and
 * the differential test (test/engine/differential.test.ts).
 */
import { CalendarRangeError } from '../../src/calendar/index.js';
import { factsByName, type CompiledRule } from '../../src/engine/compile-rule.js';
import type { EvaluateOptions, RuleData } from '../../src/engine/evaluate-rule.js';
import { ReferenceEngine } from '../../src/engine/reference-engine.js';
import { relatedIndex, relatedKey } from '../../src/engine/related-index.js';
import type { FactValue } from '../../src/facts/fact-value.js';
import type { TypedRow } from '../../src/typing/typed-table.js';
import { Invalid } from '../../src/typing/value.js';
import { timed } from './timed.js';

/** Facts of up to `limit` candidates whose facts are all readable (the others are never judged by conditions). */
export function candidateFacts(rule: CompiledRule, data: RuleData, options: EvaluateOptions, limit: number): Record<string, FactValue>[] {
  const indexes = Object.entries(rule.def.related ?? {}).map(([name, r]) => ({ name, r, index: relatedIndex(data.related[name] ?? [], Object.keys(r.match)) }));
  const out: Record<string, FactValue>[] = [];
  for (const table of data.tables) {
    for (const row of table.rows) {
      const related: Record<string, readonly TypedRow[]> = {};
      for (const { name, r, index } of indexes) {
        const key = relatedKey(row.values, Object.values(r.match));
        related[name] = (key === undefined ? undefined : index.get(key)) ?? [];
      }
      const given = (): FactValue[] => {
        const facts = new Array<FactValue>(rule.slots.size).fill(undefined as unknown as FactValue);
        facts[0] = options.asOf;
        return facts;
      };
      const base = { env: options.env, row, related, facts: given() };
      const level = rule.each[0]; // the outermost level: enough for a timing sample
      const items = level ? level.list(base) : [null];
      for (const item of Array.isArray(items) ? items : []) {
        const facts = given();
        if (level) facts[level.slot] = item;
        const ctx = { ...base, facts };
        const ok = rule.facts.every(({ slot, compute }) => {
          try {
            facts[slot] = compute(ctx);
          } catch (error) {
            if (error instanceof CalendarRangeError) return false;
            throw error;
          }
          return !(facts[slot] instanceof Invalid);
        });
        if (ok) out.push(factsByName(rule, facts));
        if (out.length >= limit) return out;
      }
    }
  }
  return out;
}

/**
 * json-rules-engine on a sample of a rule's candidates: the rule's conditions (appliesWhen, then
 * the exception conditions) with one `run()` each, as a per-row engine would.
 */
export async function sampleReferenceEngine(rule: CompiledRule, data: RuleData, options: EvaluateOptions, limit: number) {
  const applies = new ReferenceEngine(rule.def.appliesWhen ?? { all: [] });
  const holds = new ReferenceEngine(rule.def.conditions);
  const sample = candidateFacts(rule, data, options, limit);
  const seconds = await timed(async () => {
    for (const facts of sample) if (await applies.holds(facts)) await holds.holds(facts);
  });
  return { sampled: sample.length, secondsPerCandidate: sample.length ? seconds / sample.length : 0 };
}
