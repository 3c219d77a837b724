/**
 * comply against DuckDB on exception-heavy data (scripts/bench/heavy.ts): each comparison is one
 * rule of the pack and the same rule in SQL (scripts/bench/sql/<rule id>.sql), both writing the
 * same fields for each exception, as JSON and as CSV. Before anything is timed, `verifyHeavy`
 * checks that the two found the same exceptions, field by field, and throws if not.
 */
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { PACKAGE_ROOT } from '../../src/node/paths.js';
import { AS_OF, type StepResult } from './steps.js';
import { timed } from './timed.js';

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

/** `comply check` as installed (dist/), in this process, through the CLI's own command. */
async function comply(dir: string, c: Comparison, format: 'json' | 'csv', out: string): Promise<void> {
  const { buildProgram } = (await import(pathToFileURL(join(PACKAGE_ROOT, 'dist', 'cli', 'program.js')).href)) as typeof import('../../src/cli/program.js');
  const rules = c.alone ? ['--rules', packOf(dir, c.ruleId)] : [];
  await buildProgram().parseAsync(['node', 'comply', 'check', '--data', join(dir, c.data), ...rules, '--as-of', AS_OF, '--format', format, '--out', out, '--quiet', '--max-input-mb', '65536']);
}

/** The rule's SQL, its folder and as-of date filled in. */
const sqlOf = (dir: string, c: Comparison) =>
  readFileSync(join(PACKAGE_ROOT, 'scripts', 'bench', 'sql', `${c.ruleId}.sql`), 'utf8')
    .replaceAll('{{data}}', join(dir, c.data))
    .replaceAll('{{asOf}}', AS_OF);

/** DuckDB running the rule's SQL and writing its result, as a JSON array or a CSV file with a header row. */
async function duckdb(dir: string, c: Comparison, format: 'json' | 'csv', out: string): Promise<void> {
  const query = sqlOf(dir, c).replace(/^--.*$/gm, '').trim();
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`COPY (${query}) TO '${out}' (${format === 'json' ? 'FORMAT json, ARRAY true' : 'FORMAT csv, HEADER true'})`);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

async function run(dir: string, c: Comparison, tool: HeavyTool): Promise<void> {
  const out = outPath(dir, c, tool);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(dir, 'out'), { recursive: true });
  const format = tool.endsWith('json') ? 'json' : 'csv';
  await (tool.startsWith('comply') ? comply(dir, c, format, out) : duckdb(dir, c, format, out));
}

/** One timed run of one tool on one comparison, with the CPU time of every thread it used. */
export async function heavyStep(dir: string, ruleId: string, tool: HeavyTool): Promise<StepResult> {
  const cpu = process.cpuUsage();
  const seconds = await timed(() => run(dir, comparison(ruleId), tool));
  const { user, system } = process.cpuUsage(cpu);
  return { seconds, cpuSeconds: (user + system) / 1e6 };
}

type Exception = Record<string, unknown> & { columns?: Record<string, unknown> };

/** Each exception as one line of its compared fields, sorted. */
function lines(exceptions: readonly Exception[], fields: readonly string[]): string[] {
  return exceptions.map((e) => JSON.stringify(fields.map((f) => (f in e ? e[f] : e.columns?.[f]) ?? null))).sort();
}

/**
 * Runs both tools once, JSON out, and compares their exceptions for the rule field by field;
 * throws, naming the first difference, if they differ. Returns how many there were.
 */
export async function verifyHeavy(dir: string, ruleId: string): Promise<StepResult> {
  const c = comparison(ruleId);
  await run(dir, c, 'comply-json');
  await run(dir, c, 'duckdb-json');
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
