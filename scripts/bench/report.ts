/** Prints the bench figures and issue 6's targets (PASS/FAIL per target; nothing is asserted). */
import type { RoundTimes, StepResult } from './steps.js';

type Step = StepResult & { peakBytes: number };

export interface Measured {
  rows: number;
  /** How many times each CSV step ran (the fastest run counts). */
  csvRuns: number;
  /** How many times each .xlsx step ran (the fastest run counts). */
  xlsxRuns: number;
  /** How many times the evaluation step ran the pack (the fastest run counts). */
  evaluationRuns: number;
  cores: number;
  cpu: string;
  node: string;
  sizes: Record<number, { generated: { rows: Record<string, number> }; steps: Record<string, Step> }>;
  /** The compiled pack's times on the two sizes, in `rounds` rounds of samples; `passes` runs of the small size, half before and half after one of the large. */
  evaluationGrowth: { rounds: number; passes: number; pack: RoundTimes };
}

const LABELS: Record<string, string> = {
  'sheetjs-csv': 'SheetJS parse, CSV files (raw, dense)',
  'check-csv': 'comply check, CSV files',
  'sheetjs-xlsx': 'SheetJS read, .xlsx (dense, no text)',
  'check-xlsx': 'comply check, .xlsx',
  evaluate: 'rule pack evaluation, compiled',
};

const n = (x: number) => Math.round(x).toLocaleString('en-GB');
const s = (x: number) => `${x < 10 ? x.toFixed(2) : x.toFixed(1)} s`;
const gb = (bytes: number) => `${(bytes / 2 ** 30).toFixed(2)} GB`;
const pad = (text: string, width: number) => text.padEnd(width);
const lpad = (text: string, width: number) => text.padStart(width);

const median = (xs: readonly number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * Growth from rounds of samples: the median of each round's ratio, their range, and each size's
 * median time. `fastest` sets the fastest round of the larger size against the fastest of the
 * smaller, whose round is the mean of its two halves (printed as "the fastest sample").
 */
function roundGrowth(p: RoundTimes) {
  const ratios = p.big.map((b, i) => b / p.small[i]!);
  return { ratio: median(ratios), lowest: Math.min(...ratios), highest: Math.max(...ratios), small: median(p.small), big: median(p.big), fastest: Math.min(...p.big) / Math.min(...p.small) };
}

function verdict(ok: boolean, text: string): string {
  return `  [${ok ? 'PASS' : 'FAIL'}] ${text}`;
}

export function printReport(m: Measured): void {
  const [small, big] = Object.keys(m.sizes).map(Number).sort((a, b) => a - b) as [number, number];
  const at = m.sizes[big]!;
  const step = (name: string, size = big) => m.sizes[size]?.steps[name];
  const out: string[] = [];
  out.push(`csc-comply bench: ${n(m.rows)} rows; ${m.cores} cores (${m.cpu}); Node ${m.node}`);
  out.push(`  rows per dataset: ${Object.entries(at.generated.rows).map(([d, r]) => `${d} ${n(r)}`).join(', ')}`);
  out.push('');
  out.push(`${pad('step', 40)}${lpad('time', 10)}${lpad('rows/s', 12)}${lpad('peak RSS', 10)}`);
  for (const name of Object.keys(LABELS)) {
    const r = step(name);
    if (!r) continue;
    out.push(`${pad(LABELS[name]!, 40)}${lpad(s(r.seconds), 10)}${lpad(n(m.rows / r.seconds), 12)}${lpad(gb(r.peakBytes), 10)}`);
  }
  out.push(`  (the CSV steps: the fastest of ${m.csvRuns} runs each, run in turn; the evaluation: the fastest of ${m.evaluationRuns} runs of the pack, within its step${step('check-xlsx') ? `; the .xlsx steps: the fastest of ${m.xlsxRuns} runs each, run in turn` : ''})`);
  const e = step('evaluate')!;
  out.push(`${pad('json-rules-engine, one run() per row', 40)}${lpad(s(e['reference'] as number), 10)}   (extrapolated from ${n(e['referenceSampled'] as number)} of ${n(e['candidates'] as number)} candidates)`);
  const check = step('check-csv')!;
  out.push(`  comply check found ${n(check['exceptions'] as number)} exceptions and ${n(check['findings'] as number)} findings (JSON report written)`);
  out.push(`  comply check on CSV used ${s(check['cpuSeconds'] as number)} of CPU in ${s(check.seconds)} (${check['threads']} thread(s): one per core from 16 MB of CSV input)`);
  out.push('');
  out.push(`Targets (issue 6), ratios from this run, ${m.cores} cores:`);
  const csvRatio = check.seconds / step('sheetjs-csv')!.seconds;
  out.push(verdict(csvRatio <= 1.5, `comply check CSV / bare SheetJS CSV parse: ${csvRatio.toFixed(2)}x (target <= 1.5x)`));
  out.push(verdict(check.peakBytes <= 1.5 * 2 ** 30, `comply check CSV peak memory: ${gb(check.peakBytes)} (target <= 1.5 GB)`));
  const xlsx = step('check-xlsx');
  if (xlsx) {
    const xlsxRatio = xlsx.seconds / step('sheetjs-xlsx')!.seconds;
    out.push(verdict(xlsxRatio <= 1.3, `comply check .xlsx / bare SheetJS .xlsx read: ${xlsxRatio.toFixed(2)}x (target <= 1.3x)`));
  } else out.push('  [----] .xlsx not measured (--no-xlsx)');
  const factor = big / small;
  const growthOf = (name: string) => {
    const [a, b] = [step(name, small)!, step(name)!];
    return { time: b.seconds / a.seconds, memory: b.peakBytes / a.peakBytes };
  };
  const limit = 1.1 * factor;
  const growthLine = (name: string, time: number, memory: number) =>
    verdict(time <= limit, `growth ${n(small)} -> ${n(big)} rows, ${LABELS[name]}: ${time.toFixed(1)}x time, ${memory.toFixed(1)}x memory (target <= ${limit.toFixed(0)}x, linear)`);
  const checkGrowth = growthOf('check-csv');
  out.push(growthLine('check-csv', checkGrowth.time, checkGrowth.memory));
  const g = m.evaluationGrowth;
  const pack = roundGrowth(g.pack);
  out.push(growthLine('evaluate', pack.ratio, growthOf('evaluate').memory));
  out.push(`    (the median of ${g.rounds} rounds in one process holding both sizes' rows, each timing one run of the larger size between two halves of ${g.passes} runs of the smaller; rounds ranged ${pack.lowest.toFixed(1)}-${pack.highest.toFixed(1)}x; median time per run ${s(pack.small)} and ${s(pack.big)})`);
  out.push(`  [info] the fastest sample of each size instead: ${pack.fastest.toFixed(1)}x`);
  const sheetjs = growthOf('sheetjs-csv');
  out.push(`  [info] SheetJS's own parse of the same CSV files grows ${sheetjs.time.toFixed(1)}x in time, ${sheetjs.memory.toFixed(1)}x in memory`);
  out.push('  [info] dates in the hot path are day numbers; working days are table lookups; month arithmetic reads year, month and day from a table made once (1900-2099), and ISO text is remembered per day');
  process.stdout.write(`${out.join('\n')}\n`);
}

/** The comparison with DuckDB (scripts/bench/versus-duckdb.ts): what was generated, found, and each tool's best run. */
export interface HeavyMeasured {
  runs: number;
  generated: { children: number; homesCount: number; visits: number };
  /** Exceptions each rule raised, the same on both sides. */
  exceptions: Record<string, number>;
  /** By "<rule id> <tool>". */
  steps: Record<string, Step>;
}

/** The peak memory the issue's target allows comply on the exception-heavy data. */
const HEAVY_PEAK_LIMIT = 0.8 * 2 ** 30;

export function printHeavy(h: HeavyMeasured, machine: { cores: number; cpu: string; node: string }): void {
  const out: string[] = [''];
  out.push(`comply against DuckDB on exception-heavy data: ${n(h.generated.children)} List 6 children; ${n(h.generated.homesCount)} homes with ${n(h.generated.visits)} Reg 44 visits; ${machine.cores} cores (${machine.cpu}); Node ${machine.node}`);
  out.push(`  both found the same exceptions, field by field: ${Object.entries(h.exceptions).map(([rule, count]) => `${rule} ${n(count)}`).join('; ')}`);
  out.push(`${pad('rule, tool and output', 52)}${lpad('wall', 10)}${lpad('CPU', 10)}${lpad('peak RSS', 10)}`);
  for (const [name, r] of Object.entries(h.steps)) out.push(`${pad(name, 52)}${lpad(s(r.seconds), 10)}${lpad(s(r['cpuSeconds'] as number), 10)}${lpad(gb(r.peakBytes), 10)}`);
  out.push(`  (each the fastest of ${h.runs} runs, run in turn; peak: the largest of its runs)`);
  out.push('');
  out.push(`Targets (issue 28), ratios from this run, ${machine.cores} cores:`);
  for (const rule of Object.keys(h.exceptions)) {
    for (const format of ['json', 'csv']) {
      const ratio = h.steps[`${rule} comply-${format}`]!.seconds / h.steps[`${rule} duckdb-${format}`]!.seconds;
      out.push(verdict(ratio <= 2, `${rule}, ${format.toUpperCase()} written: comply / DuckDB wall ${ratio.toFixed(2)}x (target <= 2x)`));
    }
    const peak = Math.max(h.steps[`${rule} comply-json`]!.peakBytes, h.steps[`${rule} comply-csv`]!.peakBytes);
    out.push(verdict(peak <= HEAVY_PEAK_LIMIT, `${rule}: comply peak memory ${gb(peak)} (target <= 0.8 GB)`));
  }
  process.stdout.write(`${out.join('\n')}\n`);
}
