import type { FactValue } from '../fact-value.js';
import type { FactFunction } from './function.js';

const present = (values: FactValue[]): number[] => values.filter((d): d is number => typeof d === 'number');

/** Choosing among values: earliest, latest, first present. */
export const CHOICE_FUNCTIONS: Record<string, FactFunction> = {
  earliest: {
    description: 'The earliest of the dates given, ignoring empty ones (empty when all are).',
    args: ['date'],
    variadic: true,
    returns: 'date',
    takesEmpty: true,
    fn: (_env, ...ds) => {
      const p = present(ds);
      return p.length ? Math.min(...p) : null;
    },
  },
  latest: {
    description: 'The latest of the dates given, ignoring empty ones (empty when all are).',
    args: ['date'],
    variadic: true,
    returns: 'date',
    takesEmpty: true,
    fn: (_env, ...ds) => {
      const p = present(ds);
      return p.length ? Math.max(...p) : null;
    },
  },
  coalesce: {
    description: 'The first value given that is not empty.',
    args: ['any'],
    variadic: true,
    returns: 'any',
    takesEmpty: true,
    fn: (_env, ...vs) => vs.find((v) => v !== null && v !== undefined) ?? null,
  },
};
