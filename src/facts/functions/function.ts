import type { WorkingDayCalendar } from '../../calendar/index.js';
import type { IntervalUnit } from '../../rules/rule.js';
import type { FactValue } from '../fact-value.js';

/** What each argument and result of a fact function is, for validation and documentation. */
export type ValueKind = 'date' | 'number' | 'text' | 'interval' | 'dates' | 'rows' | 'column' | 'operator' | 'items' | 'any';

export interface FunctionEnv {
  calendar: WorkingDayCalendar;
}

export interface FactFunction {
  /** What it gives, in a sentence, for the rule-language reference. */
  description: string;
  /** A call as a rule writes it (JSON), for the rule-language reference. */
  example: string;
  args: ValueKind[];
  /** The last argument kind may repeat. */
  variadic?: boolean;
  returns: ValueKind;
  /** For functions returning items (objects): each field's kind, for `{ "fact": ..., "path": field }`. */
  fields?: Record<string, ValueKind>;
  /** Called with empty (null) arguments too; otherwise an empty argument gives an empty result. */
  takesEmpty?: boolean;
  /** What it does with empty values, beyond the rule above, for the rule-language reference; required where it takes them. */
  empty?: string;
  /** Interval units this function accepts, where it takes an interval. */
  units?: IntervalUnit[];
  fn: (env: FunctionEnv, ...args: FactValue[]) => FactValue;
}
