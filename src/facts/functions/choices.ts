import type { FactFunction } from './function.js';

/** The earliest or latest of the dates given (a list gives each of its dates), ignoring empty ones (empty when all are). */
function extreme(word: string, pick: (a: number, b: number) => number): FactFunction {
  return {
    description: `The ${word} of the dates given, a list (such as columnValues) giving each of its dates, ignoring empty ones (empty when all are).`,
    example: `{ "call": "${word}", "args": [{ "fact": "periodEnd" }, { "fact": "asOf" }] }`,
    args: ['date'],
    variadic: true,
    returns: 'date',
    empty: 'Empty dates are ignored; when all are empty the result is empty.',
    takesEmpty: true,
    fn: (_env, ...ds) => {
      let chosen: number | null = null;
      const choose = (d: unknown) => {
        if (typeof d === 'number') chosen = chosen === null ? d : pick(chosen, d);
      };
      for (const d of ds) if (Array.isArray(d)) d.forEach(choose);
      else choose(d);
      return chosen;
    },
  };
}

/** Choosing among values: earliest, latest, first present. */
export const CHOICE_FUNCTIONS: Record<string, FactFunction> = {
  earliest: extreme('earliest', Math.min),
  latest: extreme('latest', Math.max),
  coalesce: {
    description: 'The first value given that is not empty.',
    example: '{ "call": "coalesce", "args": [{ "fact": "nextReviewDue" }, { "fact": "firstReviewDue" }] }',
    args: ['any'],
    variadic: true,
    returns: 'any',
    empty: 'Empty values are passed over; when all are empty the result is empty.',
    takesEmpty: true,
    fn: (_env, ...vs) => vs.find((v) => v !== null && v !== undefined) ?? null,
  },
};
