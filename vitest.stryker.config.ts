import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * The suite as Stryker runs it: only the test files scripts/mutate.ts names for the folder being
 * mutated (STRYKER_TESTS, comma-separated globs), so each mutant is judged by that folder's own tests.
 */
const include = process.env.STRYKER_TESTS?.split(',');

export default include ? defineConfig({ ...base, test: { ...base.test, include } }) : base;
