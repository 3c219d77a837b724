/**
 * What each operator of src/engine/operators.ts compares and does with empty values, for
 * docs/rule-language.md. scripts/build-rule-docs.ts refuses an operator missing here.
 */
export interface OperatorDoc {
  /** What the fact's value should be. */
  fact: string;
  /** What the condition's value is. */
  value: string;
  /** What it gives when the fact (or the value) is empty. */
  empty: string;
}

const ANY: Pick<OperatorDoc, 'fact' | 'value'> = { fact: 'any value', value: 'a value, or `{ "fact": ... }` (a list is refused: nothing equals it; use `in` or `notIn`)' };
const LISTED: Pick<OperatorDoc, 'fact' | 'value'> = {
  fact: 'any value',
  value: 'a list of values, or `{ "fact": ... }` of a list (one text is refused: the fact would be looked for inside `"Open"`, so `"Op"` would be in it; write `["Open"]`)',
};
const LIST: OperatorDoc = {
  fact: 'a list',
  value: 'one value, or `{ "fact": ... }` (a list is refused: a list is never found in the fact\'s list)',
  empty: 'False when the fact is not a list (an empty fact included).',
};
const NUMBERS: OperatorDoc = {
  fact: 'a number',
  value: '`{ "fact": ... }` of a number (a number written in a condition is refused: make it a parameter)',
  empty: 'False when the fact is empty or not a number. An empty value counts as 0 (as in json-rules-engine): compare with a fact that has a value.',
};
const DATES: OperatorDoc = { fact: 'a date', value: '`{ "fact": ... }` of a date', empty: 'False when either date is empty.' };
const TEXTS: OperatorDoc = {
  fact: 'a text',
  value: 'a text or a list of texts, or `{ "fact": ... }` of a text parameter; case and spacing are ignored',
  empty: 'False when the fact is empty or not text.',
};

export const OPERATOR_DOCS: Record<string, OperatorDoc> = {
  equal: { ...ANY, empty: 'An empty fact is equal only to null.' },
  notEqual: { ...ANY, empty: 'An empty fact is not equal to anything but null: true.' },
  in: { ...LISTED, empty: 'An empty fact is in the list only if the list holds null. Texts must match exactly (case and spacing count; `textIn` ignores them).' },
  notIn: { ...LISTED, empty: 'An empty fact is not in a list without null: true.' },
  contains: LIST,
  doesNotContain: LIST,
  lessThan: NUMBERS,
  lessThanInclusive: NUMBERS,
  greaterThan: NUMBERS,
  greaterThanInclusive: NUMBERS,
  before: DATES,
  onOrBefore: DATES,
  after: DATES,
  onOrAfter: DATES,
  isEmpty: { fact: 'any value', value: '`true` or `false`', empty: 'It is the test for empty values: use it where another operator would be false on an empty one.' },
  textStartsWith: TEXTS,
  textContains: TEXTS,
  textIn: TEXTS,
};
