import type { FactValue } from '../fact-value.js';
import type { FactFunction } from './function.js';

const present = (values: FactValue[]): number[] => values.filter((d): d is number => typeof d === 'number');

/** The earliest or latest of the dates given, ignoring empty ones (empty when all are). */
function extreme(word: string, pick: (...values: number[]) => number): FactFunction {
  return {
    description: `The ${word} of the dates given, ignoring empty ones (empty when all are).`,
    args: ['date'],
    variadic: true,
    returns: 'date',
    takesEmpty: true,
    fn: (_env, ...ds) => {
      const p = present(ds);
      return p.length ? pick(...p) : null;
    },
  };
}

/** Choosing among values: earliest, latest, first present. */
export const CHOICE_FUNCTIONS: Record<string, FactFunction> = {
  earliest: extreme('earliest', Math.min),
  latest: extreme('latest', Math.max),
  coalesce: {
    description: 'The first value given that is not empty.',
    args: ['any'],
    variadic: true,
    returns: 'any',
    takesEmpty: true,
    fn: (_env, ...vs) => vs.find((v) => v !== null && v !== undefined) ?? null,
  },
};
