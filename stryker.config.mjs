// StrykerJS, run by scripts/mutate.ts one folder of src/ at a time: MUTATE_FOLDER names the folder
// (its own sandbox, incremental file and reports, so two folders can be measured side by side),
// STRYKER_TESTS the tests that judge it (vitest.stryker.config.ts), STRYKER_COVERAGE 'all' when
// those tests share work (test/helpers/once.ts): per-test coverage would credit the shared work to
// the first test only, and run only that test against each mutant in it. MUTATE_FILES (comma-separated)
// narrows the folder to those files; the incremental file keeps the results of its other files.
// STRYKER_IGNORE_STATIC 'true' leaves out mutants in code run when a module loads (tables of
// metadata), each of which would be run against every test named.
const folder = process.env.MUTATE_FOLDER ?? 'src';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.ts', related: false },
  // schema-validators.ts is ajv's output, generated from schema/ (scripts/build-validators.ts): not code anyone writes.
  mutate: [...(process.env.MUTATE_FILES ? process.env.MUTATE_FILES.split(',') : process.env.MUTATE_FOLDER ? [`src/${folder}/**/*.ts`] : ['src/**/*.ts', '!src/browser/**', '!src/cli/**', '!src/node/**', '!src/index.ts']), '!src/rules/schema-validators.ts'],
  coverageAnalysis: process.env.STRYKER_COVERAGE ?? 'perTest',
  ignoreStatic: process.env.STRYKER_IGNORE_STATIC === 'true',
  concurrency: 1,
  incremental: true,
  incrementalFile: `reports/stryker-incremental-${folder}.json`,
  reporters: ['html', 'clear-text', 'progress-append-only', 'json'],
  htmlReporter: { fileName: `reports/mutation/${folder}.html` },
  jsonReporter: { fileName: `reports/mutation/${folder}.json` },
  tempDirName: `.stryker-tmp/${folder}`,
  ignorePatterns: ['/.stryker-tmp', '/out', '/dist'],
  cleanTempDir: 'always',
  timeoutMS: 20000,
};
