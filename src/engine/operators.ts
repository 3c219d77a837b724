/**
 * Operators a rule's conditions may use, defined once and registered both in the compiled
 * evaluator and in json-rules-engine (the reference). json-rules-engine's own operators are
 * copied with their exact semantics, validators included.
 */
export interface OperatorDef {
  /** What it tests, for the rule-language reference. */
  description: string;
  /** A condition using it, as a rule writes it (JSON), for the rule-language reference. */
  example: string;
  /** json-rules-engine calls `evaluate` only when the fact value passes this. */
  accepts: (factValue: unknown) => boolean;
  evaluate: (factValue: any, compareTo: any) => boolean;
}

const anything = () => true;
const isNumberLike = (v: unknown) => Number.parseFloat(v as string).toString() !== 'NaN';
const isDay = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
/** Text as compared: Unicode-normalised, spacing folded, trimmed, lower case. */
export const foldText = (v: string) => v.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
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

/**
 * Whether the folded text passes `test` against any of the texts listed: a loop over them, the
 * text folded once, where `some` with a closure made an object for every row judged.
 */
function anyText(a: unknown, list: unknown, test: (text: string, t: string) => boolean): boolean {
  const text = fold(a);
  for (const t of texts(list)) if (test(text, t)) return true;
  return false;
}
const startsWith = (text: string, t: string) => text.startsWith(t);
const contains = (text: string, t: string) => text.includes(t);

/** Operators json-rules-engine ships, with its semantics. */
export const ENGINE_OPERATORS: Record<string, OperatorDef> = {
  equal: { description: 'strictly equal', example: '{ "fact": "outcome", "operator": "equal", "value": "Yes" }', accepts: anything, evaluate: (a, b) => a === b },
  notEqual: { description: 'not strictly equal', example: '{ "fact": "outcome", "operator": "notEqual", "value": "No" }', accepts: anything, evaluate: (a, b) => a !== b },
  in: { description: 'the value is one of the list', example: '{ "fact": "status", "operator": "in", "value": ["Open", "Active"] }', accepts: anything, evaluate: (a, b) => b.indexOf(a) > -1 },
  notIn: { description: 'the value is none of the list', example: '{ "fact": "status", "operator": "notIn", "value": ["Closed"] }', accepts: anything, evaluate: (a, b) => b.indexOf(a) === -1 },
  contains: { description: 'the list contains the value', example: '{ "fact": "codes", "operator": "contains", "value": "P" }', accepts: Array.isArray, evaluate: (a, b) => a.indexOf(b) > -1 },
  doesNotContain: { description: 'the list does not contain the value', example: '{ "fact": "codes", "operator": "doesNotContain", "value": "P" }', accepts: Array.isArray, evaluate: (a, b) => a.indexOf(b) === -1 },
  lessThan: { description: '<', example: '{ "fact": "supervisionsHeld", "operator": "lessThan", "value": { "fact": "minimumSupervisions" } }', accepts: isNumberLike, evaluate: (a, b) => a < b },
  lessThanInclusive: { description: '<=', example: '{ "fact": "daysLate", "operator": "lessThanInclusive", "value": { "fact": "grace" } }', accepts: isNumberLike, evaluate: (a, b) => a <= b },
  greaterThan: { description: '>', example: '{ "fact": "daysLate", "operator": "greaterThan", "value": { "fact": "grace" } }', accepts: isNumberLike, evaluate: (a, b) => a > b },
  greaterThanInclusive: { description: '>=', example: '{ "fact": "placements", "operator": "greaterThanInclusive", "value": { "fact": "placementsFlagged" } }', accepts: isNumberLike, evaluate: (a, b) => a >= b },
};

/** Operators this project adds: dates (day numbers; false when either is empty) and tolerant text. */
export const CUSTOM_OPERATORS: Record<string, OperatorDef> = {
  before: { description: 'date is before the other date', example: '{ "fact": "due", "operator": "before", "value": { "fact": "asOf" } }', accepts: isDay, evaluate: (a, b) => isDay(b) && a < b },
  onOrBefore: { description: 'date is on or before the other date', example: '{ "fact": "planStart", "operator": "onOrBefore", "value": { "fact": "asOf" } }', accepts: isDay, evaluate: (a, b) => isDay(b) && a <= b },
  after: { description: 'date is after the other date', example: '{ "fact": "asOf", "operator": "after", "value": { "fact": "due" } }', accepts: isDay, evaluate: (a, b) => isDay(b) && a > b },
  onOrAfter: { description: 'date is on or after the other date', example: '{ "fact": "held", "operator": "onOrAfter", "value": { "fact": "windowStart" } }', accepts: isDay, evaluate: (a, b) => isDay(b) && a >= b },
  isEmpty: {
    description: 'the value is empty, or a list with nothing in it (true), or not (false)',
    example: '{ "fact": "planEnd", "operator": "isEmpty", "value": true }',
    accepts: anything,
    evaluate: (a, b) => (a === null || a === undefined || a === '' || (Array.isArray(a) && a.length === 0)) === b,
  },
  textStartsWith: {
    description: 'text starts with one of the given texts (case, spacing ignored)',
    example: '{ "fact": "providerType", "operator": "textStartsWith", "value": ["Children\'s home"] }',
    accepts: (v) => typeof v === 'string',
    evaluate: (a, b) => anyText(a, b, startsWith),
  },
  textContains: {
    description: 'text contains one of the given texts (case, spacing ignored)',
    example: '{ "fact": "outcome", "operator": "textContains", "value": ["not needed"] }',
    accepts: (v) => typeof v === 'string',
    evaluate: (a, b) => anyText(a, b, contains),
  },
  textIn: {
    description: 'text equals one of the given texts (case, spacing ignored)',
    example: '{ "fact": "legalStatus", "operator": "textIn", "value": { "fact": "shortBreaks" } }',
    accepts: (v) => typeof v === 'string',
    evaluate: (a, b) => texts(b).includes(fold(a)),
  },
};

export const OPERATORS: Record<string, OperatorDef> = { ...ENGINE_OPERATORS, ...CUSTOM_OPERATORS };
