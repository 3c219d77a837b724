/**
 * Operators a rule's conditions may use, defined once and registered both in the compiled
 * evaluator and in json-rules-engine (the reference). json-rules-engine's own operators are
 * copied with their exact semantics, validators included.
 */
export interface OperatorDef {
  description: string;
  /** json-rules-engine calls `evaluate` only when the fact value passes this. */
  accepts: (factValue: unknown) => boolean;
  evaluate: (factValue: any, compareTo: any) => boolean;
}

const anything = () => true;
const isNumberLike = (v: unknown) => Number.parseFloat(v as string).toString() !== 'NaN';
const isDay = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const foldText = (v: string) => v.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
/**
 * Folded texts, remembered: columns compared as text hold a few distinct codes (legal statuses,
 * provider types) over millions of rows. Bounded, so free text cannot grow it without limit.
 */
const folded = new Map<string, string>();
function fold(v: unknown): string {
  const s = String(v);
  let f = folded.get(s);
  if (f === undefined) {
    if (folded.size >= 10_000) folded.clear();
    folded.set(s, (f = foldText(s)));
  }
  return f;
}
/** A rule's list of texts, folded once per list (parameters are the same array on every row). */
const foldedLists = new WeakMap<object, string[]>();
function texts(v: unknown): string[] {
  if (!Array.isArray(v)) return [fold(v)];
  let f = foldedLists.get(v);
  if (!f) foldedLists.set(v, (f = v.map(fold)));
  return f;
}

/** Operators json-rules-engine ships, with its semantics. */
export const ENGINE_OPERATORS: Record<string, OperatorDef> = {
  equal: { description: 'strictly equal', accepts: anything, evaluate: (a, b) => a === b },
  notEqual: { description: 'not strictly equal', accepts: anything, evaluate: (a, b) => a !== b },
  in: { description: 'the value is one of the list', accepts: anything, evaluate: (a, b) => b.indexOf(a) > -1 },
  notIn: { description: 'the value is none of the list', accepts: anything, evaluate: (a, b) => b.indexOf(a) === -1 },
  contains: { description: 'the list contains the value', accepts: Array.isArray, evaluate: (a, b) => a.indexOf(b) > -1 },
  doesNotContain: { description: 'the list does not contain the value', accepts: Array.isArray, evaluate: (a, b) => a.indexOf(b) === -1 },
  lessThan: { description: '<', accepts: isNumberLike, evaluate: (a, b) => a < b },
  lessThanInclusive: { description: '<=', accepts: isNumberLike, evaluate: (a, b) => a <= b },
  greaterThan: { description: '>', accepts: isNumberLike, evaluate: (a, b) => a > b },
  greaterThanInclusive: { description: '>=', accepts: isNumberLike, evaluate: (a, b) => a >= b },
};

/** Operators this project adds: dates (day numbers; false when either is empty) and tolerant text. */
export const CUSTOM_OPERATORS: Record<string, OperatorDef> = {
  before: { description: 'date is before the other date', accepts: isDay, evaluate: (a, b) => isDay(b) && a < b },
  onOrBefore: { description: 'date is on or before the other date', accepts: isDay, evaluate: (a, b) => isDay(b) && a <= b },
  after: { description: 'date is after the other date', accepts: isDay, evaluate: (a, b) => isDay(b) && a > b },
  onOrAfter: { description: 'date is on or after the other date', accepts: isDay, evaluate: (a, b) => isDay(b) && a >= b },
  isEmpty: {
    description: 'the value is empty (true) or not empty (false)',
    accepts: anything,
    evaluate: (a, b) => (a === null || a === undefined || a === '') === b,
  },
  textStartsWith: {
    description: 'text starts with one of the given texts (case, spacing ignored)',
    accepts: (v) => typeof v === 'string',
    evaluate: (a, b) => texts(b).some((t) => fold(a).startsWith(t)),
  },
  textContains: {
    description: 'text contains one of the given texts (case, spacing ignored)',
    accepts: (v) => typeof v === 'string',
    evaluate: (a, b) => texts(b).some((t) => fold(a).includes(t)),
  },
  textIn: {
    description: 'text equals one of the given texts (case, spacing ignored)',
    accepts: (v) => typeof v === 'string',
    evaluate: (a, b) => texts(b).includes(fold(a)),
  },
};

export const OPERATORS: Record<string, OperatorDef> = { ...ENGINE_OPERATORS, ...CUSTOM_OPERATORS };
