/**
 * The measured steps. Each runs alone in a child process (so its peak memory is its own) and
 * returns its time in seconds plus anything else it measured.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as XLSX from 'xlsx';
import { dayFromIso, WorkingDayCalendar } from '../../src/calendar/index.js';
import { buildProgram } from '../../src/cli/program.js';
import { compileRule } from '../../src/engine/compile-rule.js';
import { evaluateRule } from '../../src/engine/evaluate-rule.js';
import { kindsFor, readTables } from '../../src/engine/run-check.js';
import { loadPack } from '../../src/node/load-pack.js';
import { streamInputs } from '../../src/node/read-inputs.js';
import type { TypedTable } from '../../src/typing/typed-table.js';
import { BASELINE_RULES } from './baseline.js';
import { sampleReferenceEngine } from './candidates.js';

export const AS_OF = '2017-01-18';

/** The fastest SheetJS options for reading: dense sheets, no formatted text, values untouched. */
const SHEETJS_FASTEST: XLSX.ParsingOptions = { type: 'buffer', dense: true, raw: true, cellText: false, cellHTML: false, cellDates: false };

export interface StepResult {
  seconds: number;
  [extra: string]: unknown;
}

const timed = async (work: () => unknown): Promise<number> => {
  const t0 = performance.now();
  await work();
  return (performance.now() - t0) / 1000;
};

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

/** The whole `comply check`, in process, through the CLI's own command, JSON report written (size limit raised: the workbook is large on purpose). */
async function check(data: string, out: string): Promise<StepResult> {
  const seconds = await timed(() => buildProgram().parseAsync(['node', 'comply', 'check', '--data', data, '--as-of', AS_OF, '--out', out, '--quiet', '--max-input-mb', '65536']));
  const report = JSON.parse(readFileSync(out, 'utf8')) as { exceptions: unknown[]; findings: unknown[] };
  return { seconds, exceptions: report.exceptions.length, findings: report.findings.length };
}

const best = async (times: number, work: () => unknown): Promise<number> => {
  let min = Infinity;
  for (let i = 0; i < times; i++) min = Math.min(min, await timed(work));
  return min;
};

/**
 * Evaluation only, over rows already read and typed: the rule pack compiled (every rule, and
 * the rules that have a hand-written baseline), the baseline, and json-rules-engine on a sample.
 */
async function evaluate(data: string): Promise<StepResult> {
  const pack = loadPack();
  const asOf = dayFromIso(AS_OF)!;
  const { tables } = readTables(streamInputs([data]).tables, pack.datasets);
  const byDataset: Record<string, TypedTable[]> = {};
  for (const t of tables) (byDataset[t.dataset.id] ??= []).push(t);
  const datasets = new Map(pack.datasets.map((d) => [d.id, d]));
  const env = { calendar: new WorkingDayCalendar(pack.calendar) };
  const runs = pack.rules.map((def) => {
    const compiled = compileRule(def);
    const data = { tables: byDataset[def.dataset] ?? [], related: Object.fromEntries(Object.entries(def.related ?? {}).map(([n, r]) => [n, byDataset[r.dataset] ?? []])) };
    const options = { asOf, env, ...kindsFor(def, datasets) };
    return { def, run: () => evaluateRule(compiled, data, options), compiled, data, options };
  });
  const withBaseline = runs.filter((r) => BASELINE_RULES[r.def.id]);
  const compiledAll = await best(3, () => runs.forEach((r) => r.run()));
  const compiledCovered = await best(3, () => withBaseline.forEach((r) => r.run()));
  const baseline = await best(3, () => withBaseline.forEach((r) => BASELINE_RULES[r.def.id]!(byDataset, asOf)));
  const agree = withBaseline.every((r) => {
    const a = r.run().counts;
    const b = BASELINE_RULES[r.def.id]!(byDataset, asOf);
    return a.considered === b.considered && a.notApplicable === b.notApplicable && a.exceptions === b.exceptions && a.notEvaluable === b.notEvaluable;
  });
  let reference = 0;
  let sampled = 0;
  let candidates = 0;
  for (const r of runs) {
    const s = await sampleReferenceEngine(r.compiled, r.data, r.options, 500);
    reference += s.secondsPerCandidate * r.run().counts.considered;
    sampled += s.sampled;
    candidates += r.run().counts.considered;
  }
  return {
    seconds: compiledAll,
    rules: runs.length,
    candidates,
    covered: withBaseline.map((r) => r.def.id),
    uncovered: runs.filter((r) => !BASELINE_RULES[r.def.id]).map((r) => r.def.id),
    compiledCovered,
    baseline,
    agree,
    reference,
    referenceSampled: sampled,
  };
}

const filesIn = (dir: string) => readdirSync(dir).sort().map((f) => join(dir, f));

/** Runs one named step on a generated data folder. */
export function runStep(step: string, dir: string): Promise<StepResult> {
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
    default:
      throw new Error(`unknown step ${step}`);
  }
}
