/**
 * comply against DuckDB on exception-heavy data (scripts/bench/heavy.ts): each comparison is one
 * rule of the pack and the same rule in SQL (scripts/bench/sql/<rule id>.sql), both writing the
 * same fields for each exception, as JSON and as CSV. Before anything is timed, `verifyHeavy`
 * checks that the two found the same exceptions, field by field, and throws if not.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { PACKAGE_ROOT } from '../../src/node/paths.js';
import { AS_OF, type StepResult } from './steps.js';

const BENCH_DIR = join(PACKAGE_ROOT, 'scripts', 'bench');

export interface Comparison {
  /** The rule compared (its SQL is scripts/bench/sql/<ruleId>.sql). */
  ruleId: string;
  /** The folder of the generated data it reads (under the heavy data's folder). */
  data: string;
  /** Run with a pack of this rule alone (other rules read the same datasets), else the shipped pack. */
  alone: boolean;
  /** The fields compared: an exception's own, or its shown columns by label. */
  fields: string[];
}

export const COMPARISONS: Comparison[] = [
  {
    ruleId: 'drift.cin-open-over-6-months',
    data: 'list-6',
    alone: false,
    fields: ['id', 'ruleId', 'severity', 'subject', 'dueDate', 'message', 'team', 'worker', 'Case Status', 'CIN Start Date', 'Days Open', 'Months Open'],
  },
  {
    ruleId: 'reg44.monthly-visit',
    data: 'homes',
    alone: true,
    fields: ['id', 'ruleId', 'severity', 'subject', 'dueDate', 'message', 'team', 'worker', 'service', 'Setting Name', 'Month', 'Last Visit Before'],
  },
];

export const HEAVY_TOOLS = ['comply-json', 'comply-csv', 'duckdb-json', 'duckdb-csv'] as const;
export type HeavyTool = (typeof HEAVY_TOOLS)[number];

const comparison = (ruleId: string) => COMPARISONS.find((c) => c.ruleId === ruleId)!;

/** A pack folder holding one rule of the shipped pack (datasets and calendars come from the shipped pack). */
function packOf(dir: string, ruleId: string): string {
  const pack = join(dir, `pack-${ruleId}`);
  const [folder, name] = ruleId.split('.') as [string, string];
  mkdirSync(join(pack, folder), { recursive: true });
  cpSync(join(PACKAGE_ROOT, 'rules', folder, `${name}.rule.json`), join(pack, folder, `${name}.rule.json`));
  return pack;
}

const outPath = (dir: string, c: Comparison, tool: HeavyTool) => join(dir, 'out', `${c.ruleId}-${tool}${tool.endsWith('json') ? '.json' : ''}`);

/** The rule's SQL, its folder and as-of date filled in, written to a file for DuckDB's process. */
function queryFile(dir: string, c: Comparison): string {
  const file = join(dir, 'out', `${c.ruleId}.sql`);
  const sql = readFileSync(join(PACKAGE_ROOT, 'scripts', 'bench', 'sql', `${c.ruleId}.sql`), 'utf8')
    .replaceAll('{{data}}', join(dir, c.data))
    .replaceAll('{{asOf}}', AS_OF);
  writeFileSync(file, sql.replace(/^--.*$/gm, '').trim());
  return file;
}

/**
 * The command line of one tool's run, writing to `out`: `comply check` as installed (dist/), or
 * DuckDB running the rule's SQL (scripts/bench/duckdb-copy.mjs) and writing its result as a JSON
 * array or a CSV file with a header row.
 */
function commandOf(dir: string, c: Comparison, tool: HeavyTool, out: string): string[] {
  const format = tool.endsWith('json') ? 'json' : 'csv';
  if (tool.startsWith('duckdb')) return [join(BENCH_DIR, 'duckdb-copy.mjs'), queryFile(dir, c), out, format];
  const rules = c.alone ? ['--rules', packOf(dir, c.ruleId)] : [];
  return [join(PACKAGE_ROOT, 'dist', 'cli', 'main.js'), 'check', '--data', join(dir, c.data), ...rules, '--as-of', AS_OF, '--format', format, '--out', out, '--quiet', '--max-input-mb', '65536'];
}

/**
 * One run of one tool, as a Node process of its own with no TypeScript loader (as a user runs
 * `comply`), timed whole from start to exit: each side's time includes loading its own code (for
 * DuckDB about 0.2 s, for comply's bundle about 0.06 s). Returns its wall time, CPU time (all
 * threads) and peak memory.
 */
function run(dir: string, c: Comparison, tool: HeavyTool): StepResult & { peakBytes: number } {
  const out = outPath(dir, c, tool);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(dir, 'out'), { recursive: true });
  const usageFile = join(dir, 'out', 'usage.json');
  rmSync(usageFile, { force: true });
  const args = ['--import', pathToFileURL(join(BENCH_DIR, 'usage-at-exit.mjs')).href, ...commandOf(dir, c, tool, out)];
  const t0 = performance.now();
  const child = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, BENCH_USAGE_FILE: usageFile } });
  const seconds = (performance.now() - t0) / 1000;
  if (child.status !== 0) throw new Error(`${tool} on ${c.ruleId} failed (exit ${child.status})`);
  const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { cpuSeconds: number; peakBytes: number };
  return { seconds, ...usage };
}

/** One timed run of one tool on one comparison. */
export const heavyStep = (dir: string, ruleId: string, tool: HeavyTool) => run(dir, comparison(ruleId), tool);

type Exception = Record<string, unknown> & { columns?: Record<string, unknown> };

/** Each exception as one line of its compared fields, sorted. */
function lines(exceptions: readonly Exception[], fields: readonly string[]): string[] {
  return exceptions.map((e) => JSON.stringify(fields.map((f) => (f in e ? e[f] : e.columns?.[f]) ?? null))).sort();
}

/**
 * Runs both tools once, JSON out, and compares their exceptions for the rule field by field;
 * throws, naming the first difference, if they differ. Returns how many there were.
 */
export function verifyHeavy(dir: string, ruleId: string): StepResult {
  const c = comparison(ruleId);
  run(dir, c, 'comply-json');
  run(dir, c, 'duckdb-json');
  const ours = (JSON.parse(readFileSync(outPath(dir, c, 'comply-json'), 'utf8')) as { exceptions: Exception[] }).exceptions.filter((e) => e['ruleId'] === ruleId);
  const theirs = JSON.parse(readFileSync(outPath(dir, c, 'duckdb-json'), 'utf8')) as Exception[];
  const [a, b] = [lines(ours, c.fields), lines(theirs, c.fields)];
  const differ = a.findIndex((line, i) => line !== b[i]);
  if (a.length !== b.length || differ >= 0) {
    const at = differ >= 0 ? differ : Math.min(a.length, b.length);
    throw new Error(`${ruleId}: comply found ${a.length} exceptions, DuckDB ${b.length}; first difference (sorted, fields ${c.fields.join(', ')}):\n  comply: ${a[at] ?? '(none)'}\n  DuckDB: ${b[at] ?? '(none)'}`);
  }
  return { seconds: 0, exceptions: a.length };
}
