import { isEmptyValue } from '../fact-value.js';
import { day } from './calendar.js';
import type { FactFunction } from './function.js';

/**
 * A value kept only when a condition holds, else empty: a date that counts only on or after
 * another, a date that matters only when it is after another, a value used only when another is
 * missing. An empty result lets later arithmetic (and its calendar) be skipped for that row.
 */
export const CONDITIONAL_FUNCTIONS: Record<string, FactFunction> = {
  onOrAfterOrNone: {
    description: 'The first date when it is on or after the second, else empty.',
    example: '{ "call": "onOrAfterOrNone", "args": [{ "fact": "latestReview" }, { "fact": "planStart" }] }',
    args: ['date', 'date'],
    returns: 'date',
    fn: (_env, d, floor) => (day(d) >= day(floor) ? d : null),
  },
  afterOrNone: {
    description: 'The first date when it is after the second (the same day is not after), else empty.',
    example: '{ "call": "afterOrNone", "args": [{ "fact": "placementStart" }, { "fact": "lastVisit" }] }',
    args: ['date', 'date'],
    returns: 'date',
    fn: (_env, d, other) => (day(d) > day(other) ? d : null),
  },
  beforeOrNone: {
    description: 'The first date when it is before the second, else empty.',
    example: '{ "call": "beforeOrNone", "args": [{ "fact": "registered" }, { "fact": "asOf" }] }',
    args: ['date', 'date'],
    returns: 'date',
    fn: (_env, d, limit) => (day(d) < day(limit) ? d : null),
  },
  whenEmpty: {
    description: 'The second value when the first is empty, else empty.',
    example: '{ "call": "whenEmpty", "args": [{ "fact": "latestReview" }, { "fact": "start" }] }',
    args: ['any', 'any'],
    returns: 'any',
    empty: 'The first argument is tested for being empty; the second may be empty too (the result is then empty).',
    takesEmpty: true,
    fn: (_env, test, value) => (isEmptyValue(test) ? (value ?? null) : null),
  },
};
