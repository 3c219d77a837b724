/**
 * Operators a rule's conditions may use, defined once and registered both in the compiled
 * evaluator and in json-rules-engine (the reference). json-rules-engine's own operators are
 * copied with their exact semantics, validators included.
 */
export interface OperatorDef {
  description: string;
  /** What the fact's value should be and what the condition's value is, for docs/rule-language.md. */
  compares: { fact: string; value: string };
  /** What it gives when the fact (or the value) is empty. */
  empty: string;
  /** One condition as a rule writes it, for docs/rule-language.md. */
  example: string;
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

/** How the operators of a family compare and treat empty values, for docs/rule-language.md. */
const ANY = { fact: 'any value', value: 'a value, or { "fact": ... }' };
const LISTED = { fact: 'any value', value: 'a list of values' };
const LIST = { compares: { fact: 'a list', value: 'a value, or { "fact": ... }' }, empty: 'False when the fact is not a list (an empty fact included).' };
const NUMBERS = {
  compares: { fact: 'number', value: 'a number, or { "fact": ... } of a number' },
  empty: 'False when the fact is empty or not a number. An empty value counts as 0 (as in json-rules-engine): compare with a fact that has a value.',
};
const DATES = { compares: { fact: 'date', value: '{ "fact": ... } of a date' }, empty: 'False when either date is empty.' };
const TEXTS = {
  compares: { fact: 'text', value: 'a text or a list of texts, or { "fact": ... } of a text parameter' },
  empty: 'False when the fact is empty or not text.',
};

/** Operators json-rules-engine ships, with its semantics. */
export const ENGINE_OPERATORS: Record<string, OperatorDef> = {
  equal: {
    description: 'the value is strictly equal to the other (the same type and value)',
    compares: ANY,
    empty: 'An empty fact is equal only to null.',
    example: '{ "fact": "deemedUnnecessary", "operator": "equal", "value": "No" }',
    accepts: anything,
    evaluate: (a, b) => a === b,
  },
  notEqual: {
    description: 'the value is not strictly equal to the other',
    compares: ANY,
    empty: 'An empty fact is not equal to anything but null: true.',
    example: '{ "fact": "status", "operator": "notEqual", "value": "Closed" }',
    accepts: anything,
    evaluate: (a, b) => a !== b,
  },
  in: {
    description: 'the value is one of the list (exactly: case and spacing count)',
    compares: LISTED,
    empty: 'An empty fact is in the list only if the list holds null.',
    example: '{ "fact": "legalStatus", "operator": "in", "value": ["C1", "C2"] }',
    accepts: anything,
    evaluate: (a, b) => b.indexOf(a) > -1,
  },
  notIn: {
    description: 'the value is none of the list',
    compares: LISTED,
    empty: 'An empty fact is not in a list without null: true.',
    example: '{ "fact": "legalStatus", "operator": "notIn", "value": ["V3", "V4"] }',
    accepts: anything,
    evaluate: (a, b) => b.indexOf(a) === -1,
  },
  contains: {
    description: 'the list contains the value',
    ...LIST,
    example: '{ "fact": "visitMonths", "operator": "contains", "value": { "fact": "month" } }',
    accepts: Array.isArray,
    evaluate: (a, b) => a.indexOf(b) > -1,
  },
  doesNotContain: {
    description: 'the list does not contain the value',
    ...LIST,
    example: '{ "fact": "visitMonths", "operator": "doesNotContain", "value": { "fact": "month" } }',
    accepts: Array.isArray,
    evaluate: (a, b) => a.indexOf(b) === -1,
  },
  lessThan: {
    description: 'the number is less than the other (<)',
    ...NUMBERS,
    example: '{ "fact": "visitsInMonth", "operator": "lessThan", "value": { "fact": "visitsNeeded" } }',
    accepts: isNumberLike,
    evaluate: (a, b) => a < b,
  },
  lessThanInclusive: {
    description: 'the number is less than or equal to the other (<=)',
    ...NUMBERS,
    example: '{ "fact": "placements", "operator": "lessThanInclusive", "value": { "fact": "placementsAllowed" } }',
    accepts: isNumberLike,
    evaluate: (a, b) => a <= b,
  },
  greaterThan: {
    description: 'the number is greater than the other (>)',
    ...NUMBERS,
    example: '{ "fact": "daysLate", "operator": "greaterThan", "value": { "fact": "grace" } }',
    accepts: isNumberLike,
    evaluate: (a, b) => a > b,
  },
  greaterThanInclusive: {
    description: 'the number is greater than or equal to the other (>=)',
    ...NUMBERS,
    example: '{ "fact": "placements", "operator": "greaterThanInclusive", "value": { "fact": "placementsFlagged" } }',
    accepts: isNumberLike,
    evaluate: (a, b) => a >= b,
  },
};

/** Operators this project adds: dates (day numbers; false when either is empty) and tolerant text. */
export const CUSTOM_OPERATORS: Record<string, OperatorDef> = {
  before: {
    description: 'the date is before the other date',
    ...DATES,
    example: '{ "fact": "sent", "operator": "before", "value": { "fact": "visited" } }',
    accepts: isDay,
    evaluate: (a, b) => isDay(b) && a < b,
  },
  onOrBefore: {
    description: 'the date is on or before the other date',
    ...DATES,
    example: '{ "fact": "start", "operator": "onOrBefore", "value": { "fact": "asOf" } }',
    accepts: isDay,
    evaluate: (a, b) => isDay(b) && a <= b,
  },
  after: {
    description: 'the date is after the other date',
    ...DATES,
    example: '{ "fact": "asOf", "operator": "after", "value": { "fact": "due" } }',
    accepts: isDay,
    evaluate: (a, b) => isDay(b) && a > b,
  },
  onOrAfter: {
    description: 'the date is on or after the other date',
    ...DATES,
    example: '{ "fact": "asOf", "operator": "onOrAfter", "value": { "fact": "due" } }',
    accepts: isDay,
    evaluate: (a, b) => isDay(b) && a >= b,
  },
  isEmpty: {
    description: 'the value is empty (value true) or not empty (value false)',
    compares: { fact: 'any value', value: 'true or false' },
    empty: 'Empty is no value (a blank cell, -, N/A, #N/A) or empty text.',
    example: '{ "fact": "closure", "operator": "isEmpty", "value": true }',
    accepts: anything,
    evaluate: (a, b) => (a === null || a === undefined || a === '') === b,
  },
  textStartsWith: {
    description: 'the text starts with one of the given texts (case and spacing ignored)',
    ...TEXTS,
    example: '{ "fact": "providerType", "operator": "textStartsWith", "value": "Children\'s home" }',
    accepts: (v) => typeof v === 'string',
    evaluate: (a, b) => texts(b).some((t) => fold(a).startsWith(t)),
  },
  textContains: {
    description: 'the text contains one of the given texts (case and spacing ignored)',
    ...TEXTS,
    example: '{ "fact": "judgement", "operator": "textContains", "value": ["inadequate", "requires improvement"] }',
    accepts: (v) => typeof v === 'string',
    evaluate: (a, b) => texts(b).some((t) => fold(a).includes(t)),
  },
  textIn: {
    description: 'the text equals one of the given texts (case and spacing ignored)',
    ...TEXTS,
    example: '{ "fact": "status", "operator": "textIn", "value": ["Open", "Re-opened"] }',
    accepts: (v) => typeof v === 'string',
    evaluate: (a, b) => texts(b).includes(fold(a)),
  },
};

export const OPERATORS: Record<string, OperatorDef> = { ...ENGINE_OPERATORS, ...CUSTOM_OPERATORS };
