import { Engine, Operator, Rule, type TopLevelCondition } from 'json-rules-engine';
import type { FactValue } from '../facts/fact-value.js';
import type { TopCondition } from '../rules/rule.js';
import { CUSTOM_OPERATORS, type OperatorDef } from './operators.js';

/**
 * json-rules-engine itself, with this project's operators (or, in tests, definitions written
 * apart from them): the reference the compiled conditions are tested against, and the engine
 * behind explanations. Too slow per row for production runs (it deep-clones each rule on every run).
 */
export class ReferenceEngine {
  private readonly engine: Engine;

  constructor(conditions: TopCondition, operators: Record<string, OperatorDef> = CUSTOM_OPERATORS) {
    this.engine = new Engine([], { allowUndefinedFacts: true });
    for (const [name, op] of Object.entries(operators)) {
      this.engine.addOperator(new Operator(name, op.evaluate, op.accepts));
    }
    this.engine.addRule(new Rule({ conditions: conditions as TopLevelCondition, event: { type: 'holds' } }));
  }

  async holds(facts: Record<string, FactValue>): Promise<boolean> {
    const { events } = await this.engine.run({ ...facts });
    return events.length > 0;
  }
}
