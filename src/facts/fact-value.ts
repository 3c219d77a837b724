import type { IntervalUnit } from '../rules/rule.js';
import { Invalid } from '../typing/value.js';

/** A length of time with its unit, as a rule parameter gives it. */
export interface Interval {
  n: number;
  unit: IntervalUnit;
}

/** What a fact can hold: a day number, a number, text, a list, an interval, or unreadable. */
export type FactValue = string | number | boolean | null | Invalid | Interval | FactValue[] | { [key: string]: FactValue };

export function isInterval(value: unknown): value is Interval {
  return typeof value === 'object' && value !== null && 'unit' in value && 'n' in value;
}

/** A value that could not be computed (rather than read from a cell): its finding points at the row judged. */
export function notComputable(problem: string): Invalid {
  return new Invalid('', problem, { file: '' });
}

/** The value if it is unreadable, or the first unreadable value in it if it is a list. */
export function invalidIn(value: unknown): Invalid | undefined {
  return value instanceof Invalid ? value : Array.isArray(value) ? firstInvalid(value) : undefined;
}

/** The first unreadable value among these, if any (lists are searched too). */
export function firstInvalid(values: readonly unknown[]): Invalid | undefined {
  // By index: lists of every kind of value pass through here, and a for-of over them was deoptimised for each new kind of list (`--trace-deopt`).
  for (let i = 0; i < values.length; i++) {
    const bad = invalidIn(values[i]);
    if (bad) return bad;
  }
  return undefined;
}

/** Whether a value is empty: nothing, or an empty text. */
export const isEmptyValue = (v: FactValue | undefined): boolean => v === null || v === undefined || v === '';
