import jre from 'json-rules-engine';
import type { FactValue } from '../facts/fact-value.js';
import type { TopCondition } from '../rules/rule.js';
import { CUSTOM_OPERATORS } from './operators.js';

/**
 * json-rules-engine itself, with this project's operators: the reference the compiled
 * conditions are tested against, and the engine behind explanations. Too slow per row for
 * production runs (it deep-clones each rule on every run).
 */
export class ReferenceEngine {
  private readonly engine: InstanceType<typeof jre.Engine>;

  constructor(conditions: TopCondition) {
    this.engine = new jre.Engine([], { allowUndefinedFacts: true });
    for (const [name, op] of Object.entries(CUSTOM_OPERATORS)) {
      this.engine.addOperator(new jre.Operator(name, op.evaluate, op.accepts));
    }
    this.engine.addRule(new jre.Rule({ conditions: conditions as jre.TopLevelCondition, event: { type: 'holds' } }));
  }

  async holds(facts: Record<string, FactValue>): Promise<boolean> {
    const { events } = await this.engine.run({ ...facts });
    return events.length > 0;
  }
}
