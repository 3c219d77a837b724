import type { FactFunction } from './function.js';

/** Arithmetic on numbers (counts, numbers read from a column, count parameters). */
export const ARITHMETIC_FUNCTIONS: Record<string, FactFunction> = {
  add: {
    description: 'The sum of the numbers given.',
    example: '{ "call": "add", "args": [{ "fact": "newPlacements" }, { "fact": "placementAtStart" }] }',
    args: ['number'],
    variadic: true,
    returns: 'number',
    fn: (_env, ...ns) => ns.reduce<number>((sum, n) => sum + (n as number), 0),
  },
  subtract: {
    description: 'The first number minus the second.',
    example: '{ "call": "subtract", "args": [{ "param": "minimumSupervisions" }, { "fact": "supervisionsHeld" }] }',
    args: ['number', 'number'],
    returns: 'number',
    fn: (_env, a, b) => (a as number) - (b as number),
  },
};
