import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * The suite as Stryker runs it: only the test files scripts/mutate.ts names for the folder being
 * mutated (STRYKER_TESTS, comma-separated globs), so each mutant is judged by that folder's own tests.
 */
const include = process.env.STRYKER_TESTS?.split(',');

/**
 * Quickest test files first (vitest's own order, reversed: it runs the slowest first). Stryker
 * stops a mutant's run at its first failing test, so a mutant a quick test kills is not also
 * run through the slow differential tests first. The order changes no result, only how soon it comes.
 */
class QuickestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return (await super.sort(files)).reverse();
  }
}

/**
 * STRYKER_SHARE_MODULES=1: test files share the modules they load (vitest's isolate: false), so a
 * mutant's run does not load the rule pack again for every file; a src/ module that remembers
 * results (operators.ts's folded texts, format.ts's dates) then remembers them across runs, so a
 * mutant behind such a cache can be reported alive that the tests would kill.
 */
const isolate = process.env.STRYKER_SHARE_MODULES ? { isolate: false } : {};

export default include ? defineConfig({ ...base, test: { ...base.test, include, ...isolate, sequence: { sequencer: QuickestFirst } } }) : base;
