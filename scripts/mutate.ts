/**
 * npm run mutate [-- [--force] [--ignoreStatic] folder|folder/file.ts ...]
 * npm run mutate -- --summary [report folder]
 *
 * Mutation testing with StrykerJS, one folder of src/ at a time, each judged by its own tests
 * (TESTS below); with no folder named, the folders changed since main. Incremental: each folder's
 * results are kept in reports/stryker-incremental-<folder>.json, so a second run tests only the
 * mutants in code or tests changed since. The HTML report is reports/mutation/<folder>.html.
 * --force tests every mutant again (after a change to this script or the Stryker config, say).
 * --ignoreStatic leaves out mutants of code run once, when a module loads (constant tables, texts):
 * each needs every test of the folder, which made src/engine's per-test run take hours.
 * Runs at low priority, one test runner at a time: the machine is shared. STRYKER_COVERAGE=perTest
 * (or all) overrides the folder's coverage mode: per test is faster, and for a folder whose tests
 * share work it gives a lower bound (a mutant in shared work is judged by the first test only).
 * A file named under a folder (engine/run-check.ts) mutates that file alone, still judged by the
 * folder's tests and kept in the folder's incremental file and report: Stryker keeps the earlier
 * results of the folder's other files, so a folder too slow to run whole can be measured file by file.
 * --summary prints the scores of the JSON reports in reports/mutation/ (or the folder named): per
 * folder, per file and all together, and the folders of src/ with no report (scripts/mutate/summary.ts).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { mutationSummary } from './mutate/summary.js';

/** Each folder of src/ that is mutation-tested, and the tests that judge it. */
const TESTS: Record<string, string[]> = {
  baseline: ['test/baseline/**/*.test.ts'],
  calendar: ['test/calendar/**/*.test.ts'],
  cases: ['test/cases/**/*.test.ts', 'test/rules/case-not-evaluable.test.ts'],
  datasets: ['test/datasets/**/*.test.ts', 'test/engine/known-counts.test.ts'],
  diff: ['test/diff/**/*.test.ts'],
  engine: ['test/engine/**/*.test.ts', 'test/rules/rule-cases.test.ts'],
  facts: ['test/facts/**/*.test.ts', 'test/rulecheck/rule-docs.test.ts'],
  findings: ['test/findings/**/*.test.ts'],
  manifest: ['test/manifest/**/*.test.ts'],
  node: ['test/node/**/*.test.ts'],
  read: ['test/read/**/*.test.ts'],
  report: ['test/report/**/*.test.ts'],
  rules: ['test/rulecheck/validate*.test.ts', 'test/rules/json-and-names.test.ts'],
  typing: ['test/typing/**/*.test.ts'],
};

/**
 * Folders whose tests share work between tests (test/helpers/once.ts): every test runs against
 * each mutant, since per-test coverage would credit the shared work to the first test alone.
 */
const SHARED_WORK = new Set(['baseline', 'datasets', 'engine', 'report']);

/**
 * Folders whose code run when a module loads (a static mutant, run against every test named) is
 * left out: in facts, the function table (descriptions, examples, argument kinds), 283 mutants
 * that the rule-docs test and validation judge; with the rule cases among the facts tests (they
 * load the shipped pack before any test), each cost a run of all 400 cases.
 */
const IGNORE_STATIC = new Set(['facts']);

function changedSinceMain(): string[] {
  const files = execFileSync('git', ['diff', '--name-only', 'main', '--', 'src', 'test'], { encoding: 'utf8' }).split('\n');
  const folders = new Set(files.map((f) => f.split('/')[1] ?? '').filter((f) => f in TESTS));
  return [...folders].sort();
}

if (process.argv[2] === '--summary') {
  const srcFolders = readdirSync('src', { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  process.stdout.write(mutationSummary(process.argv[3] ?? 'reports/mutation', srcFolders));
  process.exit(0);
}

const FLAGS = ['--force', '--ignoreStatic'];
const flags = process.argv.slice(2).filter((a) => FLAGS.includes(a));
const asked = process.argv.slice(2).filter((a) => !FLAGS.includes(a));
const folderOf = (a: string) => a.split('/')[0]!;
const unknown = asked.filter((a) => !(folderOf(a) in TESTS));
if (unknown.length) {
  console.error(`mutate: no tests are named for ${unknown.join(', ')}; folders: ${Object.keys(TESTS).join(', ')}`);
  process.exit(2);
}
const folders = asked.length ? [...new Set(asked.map(folderOf))] : changedSinceMain();
if (!folders.length) console.log('mutate: no folder of src/ (or its tests) changed since main; name one, e.g. npm run mutate -- calendar');
for (const folder of folders) {
  const files = asked.filter((a) => a.includes('/') && folderOf(a) === folder).map((a) => `src/${a}`);
  console.log(`mutate: ${files.length ? files.join(', ') : `src/${folder}`}, judged by ${TESTS[folder]!.join(', ')}`);
  const run = spawnSync('nice', ['-n', '10', 'npx', 'stryker', 'run', ...flags], {
    stdio: 'inherit',
    env: {
      ...process.env,
      MUTATE_FOLDER: folder,
      MUTATE_FILES: files.join(','),
      STRYKER_TESTS: TESTS[folder]!.join(','),
      STRYKER_IGNORE_STATIC: String(IGNORE_STATIC.has(folder)),
      STRYKER_COVERAGE: process.env.STRYKER_COVERAGE ?? (SHARED_WORK.has(folder) ? 'all' : 'perTest'),
    },
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
