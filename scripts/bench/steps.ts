/**
 * The measured steps. Each runs alone in a child process (so its peak memory is its own) and
 * returns its time in seconds plus anything else it measured.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as XLSX from 'xlsx';
import { dayFromIso } from '../../src/calendar/index.js';
import { readTables } from '../../src/engine/run-check.js';
import { threadsFor } from '../../src/node/check-files.js';
import { loadPack } from '../../src/node/load-pack.js';
import { PACKAGE_ROOT } from '../../src/node/paths.js';
import { listInputFiles, streamInputs } from '../../src/node/read-inputs.js';
import { sampleReferenceEngine } from './candidates.js';
import { byDataset, ruleRuns, type RuleRuns } from './rule-runs.js';
import { timed } from './timed.js';

export const AS_OF = '2017-01-18';

/** The fastest SheetJS options for reading: dense sheets, no formatted text, values untouched. */
const SHEETJS_FASTEST: XLSX.ParsingOptions = { type: 'buffer', dense: true, raw: true, cellText: false, cellHTML: false, cellDates: false };

export interface StepResult {
  seconds: number;
  [extra: string]: unknown;
}

/** Bare SheetJS parse of every file in the folder, nothing done with the result. */
async function sheetjs(paths: string[]): Promise<StepResult> {
  let cells = 0;
  const seconds = await timed(() => {
    for (const file of paths) {
      const workbook = XLSX.read(readFileSync(file), SHEETJS_FASTEST);
      for (const name of workbook.SheetNames) cells += ((workbook.Sheets[name]!['!data'] as unknown[] | undefined) ?? []).length;
    }
  });
  return { seconds, sheetRows: cells };
}

/**
 * The whole `comply check` as installed (the build in dist/, which the bench makes first), in
 * process, through the CLI's own command, JSON report written (size limit raised: the workbook is
 * large on purpose); with the CPU time of every thread it used.
 */
async function check(data: string, out: string): Promise<StepResult> {
  const { buildProgram } = (await import(pathToFileURL(join(PACKAGE_ROOT, 'dist', 'cli', 'program.js')).href)) as typeof import('../../src/cli/program.js');
  const cpu = process.cpuUsage();
  const seconds = await timed(() => buildProgram().parseAsync(['node', 'comply', 'check', '--data', data, '--as-of', AS_OF, '--out', out, '--quiet', '--max-input-mb', '65536']));
  const { user, system } = process.cpuUsage(cpu);
  const report = JSON.parse(readFileSync(out, 'utf8')) as { exceptions: unknown[]; findings: unknown[] };
  return { seconds, cpuSeconds: (user + system) / 1e6, threads: threadsFor(listInputFiles([data]).files), exceptions: report.exceptions.length, findings: report.findings.length };
}

/** The bench runs its steps with --expose-gc. */
const fullCollection = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/**
 * A full collection, so that no sample collects the last one's garbage, then a pause of 0.2 s
 * while the collector's background threads finish sweeping: timed at once, the first run after
 * a collection was 30-80 ms slower than the next (a run of the pack over 100,000 rows takes
 * 100-200 ms).
 */
async function collect(): Promise<void> {
  fullCollection();
  await new Promise((settled) => setTimeout(settled, 200));
}

/** One timed sample in this process: `runs` runs of `work`, after a collection (the one way every in-process sample is taken). */
async function sample(work: () => unknown, runs = 1): Promise<number> {
  await collect();
  return timed(() => {
    for (let i = 0; i < runs; i++) work();
  });
}

/** How many times the evaluation step runs the pack (the fastest run counts). */
export const EVALUATION_RUNS = 5;

/** The shipped pack's rules ready to run over the folder's rows, read and typed. */
async function typedRuleRuns(data: string): Promise<RuleRuns> {
  const pack = loadPack();
  return ruleRuns(pack, byDataset(readTables((await streamInputs([data])).tables, pack.datasets).tables), dayFromIso(AS_OF)!);
}

const compiledOf = (runs: RuleRuns) => () => runs.forEach((r) => r.run());

/** Evaluation only, over rows already read and typed: the rule pack compiled, and json-rules-engine on a sample. */
async function evaluate(data: string): Promise<StepResult> {
  const runs = await typedRuleRuns(data);
  const pack = compiledOf(runs);
  let fastest = Infinity;
  for (let i = 0; i < EVALUATION_RUNS; i++) fastest = Math.min(fastest, await sample(pack));
  const engine = runs.map((r) => r.run());
  const counts = engine.map((e) => e.counts);
  let reference = 0;
  let sampled = 0;
  for (const [i, r] of runs.entries()) {
    const s = await sampleReferenceEngine(r.compiled, r.data, r.options, 500);
    reference += s.secondsPerCandidate * counts[i]!.considered;
    sampled += s.sampled;
  }
  return { seconds: fastest, rules: runs.length, candidates: counts.reduce((n, c) => n + c.considered, 0), reference, referenceSampled: sampled };
}

/** How many rounds of samples the growth step takes. */
export const GROWTH_ROUNDS = 30;

/** Time per run at each size, one entry per round of samples (see bracketedSamples). */
export interface RoundTimes {
  small: number[];
  big: number[];
}

/**
 * Samples of `small` and `big` in rounds: `passes` runs of `small` (so that they last about as
 * long as one of `big`), half timed just before one run of `big` and half just after, each of
 * the three samples after a collection. A machine that speeds up or slows down during a round
 * then weighs on both sizes alike (over 40 rounds of one code, the ratios' standard deviation
 * was 1.59x; read as pairs, the larger size against only the half before it or after it in turn,
 * 1.96x). Each is run once before, untimed, so that no sample includes compiling its code.
 */
async function bracketedSamples(rounds: number, passes: number, small: () => unknown, big: () => unknown): Promise<RoundTimes> {
  small();
  big();
  const times: RoundTimes = { small: [], big: [] };
  const before = Math.floor(passes / 2);
  for (let round = 0; round < rounds; round++) {
    const first = await sample(small, before);
    times.big.push(await sample(big));
    times.small.push((first + (await sample(small, passes - before))) / passes);
  }
  return times;
}

/**
 * The evaluation's growth: the compiled pack over both sizes' rows, read and typed in this one process, and timed in rounds, the larger size between two
 * halves of the smaller. Timed in separate processes, the two sizes met the shared machine at
 * different moments, and its speed drifts by more than the growth being measured (the same code
 * gave 8.5x to 14.8x); here each round meets the same moment. `passes`: how many times smaller
 * the small size is.
 */
async function evaluationGrowth(small: string, big: string, passes: number): Promise<StepResult> {
  const pack = await bracketedSamples(GROWTH_ROUNDS, passes, compiledOf(await typedRuleRuns(small)), compiledOf(await typedRuleRuns(big)));
  return { seconds: 0, pack };
}

const filesIn = (dir: string) => readdirSync(dir).sort().map((f) => join(dir, f));

/** Runs one named step on a generated data folder (the growth step: on `small`'s too, `passes` times smaller). */
export function runStep(step: string, dir: string, growth?: { small: string; passes: number }): Promise<StepResult> {
  switch (step) {
    case 'sheetjs-csv':
      return sheetjs(filesIn(join(dir, 'csv')));
    case 'check-csv':
      return check(join(dir, 'csv'), join(dir, 'out-csv.json'));
    case 'sheetjs-xlsx':
      return sheetjs([join(dir, 'extracts.xlsx')]);
    case 'check-xlsx':
      return check(join(dir, 'extracts.xlsx'), join(dir, 'out-xlsx.json'));
    case 'evaluate':
      return evaluate(join(dir, 'csv'));
    case 'evaluation-growth':
      return evaluationGrowth(join(growth!.small, 'csv'), join(dir, 'csv'), growth!.passes);
    default:
      throw new Error(`unknown step ${step}`);
  }
}
