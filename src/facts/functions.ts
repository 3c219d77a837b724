import { ARITHMETIC_FUNCTIONS } from './functions/arithmetic.js';
import { CALENDAR_FUNCTIONS } from './functions/calendar.js';
import { CHOICE_FUNCTIONS } from './functions/choices.js';
import { CONDITIONAL_FUNCTIONS } from './functions/conditional.js';
import { DATE_LIST_FUNCTIONS } from './functions/date-lists.js';
import type { FactFunction } from './functions/function.js';
import { PERIOD_FUNCTIONS } from './functions/periods.js';
import { ROW_LIST_FUNCTIONS } from './functions/row-lists.js';

export type { FactFunction, FunctionEnv, ValueKind } from './functions/function.js';

/**
 * The generic fact functions any rule may call, one module per family. None knows any rule:
 * each is calendar arithmetic, arithmetic on numbers, a choice among values, a narrowing of rows,
 * or a summary of a list.
 */
export const FUNCTIONS: Record<string, FactFunction> = Object.assign(
  Object.create(null) as Record<string, FactFunction>,
  CALENDAR_FUNCTIONS,
  CHOICE_FUNCTIONS,
  DATE_LIST_FUNCTIONS,
  CONDITIONAL_FUNCTIONS,
  PERIOD_FUNCTIONS,
  ROW_LIST_FUNCTIONS,
  ARITHMETIC_FUNCTIONS,
);
