import type { ExceptionRecord } from '../engine/outcome.js';
import type { CheckResult } from '../engine/run-check.js';
import { ruleStretches } from '../engine/rule-stretches.js';
import { addTallies, tally, type Tally } from './counts.js';
import { csvLine } from './csv.js';
import { jsonLine } from './json.js';
import { ruleLayout } from './tabular.js';

/**
 * A check's exceptions written into the report by the threads that found them (each range of a
 * large file's rows: see node/row-ranges.ts), each at its place in the file, so that half a
 * million records are neither posted to the thread that writes the rest of the report nor made
 * into text there, and no copy of their text is made in memory: a thread measures its exceptions'
 * text (in blocks, one for each rule and due date), the blocks are laid out in report order, and
 * each thread then makes its text again and writes it at its place. On this machine new memory
 * is slow to touch for the first time: made into 130 MB of text held in memory, half of the
 * drift rule's million-row report took twice as long to make. The text is made by the same
 * functions as the report writes records with (jsonLine, ruleLayout and csvLine), so that the
 * report is the same, byte for byte.
 */
export type RenderFormat = 'json' | 'csv';

/** A stretch of a file written apart from the text around it: its length in bytes, and what writes it into the open file at a place. */
export interface FilledLater {
  size: number;
  fill: (fd: number, at: number) => Promise<void>;
}

/** One rule's exceptions due on one date (none: ''), in the rule's order, as text of the report: their JSON lines, or their rows of the rule's CSV file. */
export interface Block {
  ruleId: string;
  due: string;
  firstId: string;
  lastId: string;
  /** Its text's length in UTF-8 bytes. */
  size: number;
  /** The range of rows (the thread) whose exceptions it holds. */
  range: number;
}

/** A range's exceptions, measured as text of the report. */
export interface Measured {
  format: RenderFormat;
  count: number;
  /** Each rule's blocks, in report order. */
  blocks: Block[];
  /** Each team's counts (see tally). */
  tally: Tally;
  /** The rules whose exceptions have a team or a worker: their CSV files have Team and Worker columns. */
  people: string[];
}

/** The exceptions of ranges measured and laid out, and what writes them (`rule`: that rule's blocks only, its CSV file's rows). */
export interface RenderedExceptions extends Measured {
  fill: (fd: number, at: number, rule?: string) => Promise<void>;
}

/** Writes a range's blocks into an open file, each at the place given (none: not written). */
export type WriteBlocks = (fd: number, places: Float64Array) => Promise<void>;

const hasPeople = (records: readonly ExceptionRecord[]) => records.some((e) => e.team !== null || e.worker !== null);

/** Each block of a check's exceptions (with no baseline) in report order: its rule, due date, records and how each is written. */
export function* blocksOf(result: CheckResult, format: RenderFormat): Generator<{ ruleId: string; due: string; records: ExceptionRecord[]; line: (e: ExceptionRecord) => string }> {
  const rules = new Map(result.rules.map((r) => [r.ruleId, r]));
  for (const { ruleId, start, end } of ruleStretches(result.exceptions)) {
    const records = result.exceptions.slice(start, end);
    const { rowOf } = ruleLayout(rules.get(ruleId)!, records, { asOf: result.asOf });
    const line = format === 'json' ? jsonLine : (e: ExceptionRecord) => csvLine(rowOf(e));
    for (let i = 0; i < records.length; ) {
      const due = records[i]!.dueDate ?? '';
      const first = i;
      while (i < records.length && (records[i]!.dueDate ?? '') === due) i++;
      yield { ruleId, due, records: records.slice(first, i), line };
    }
  }
}

/** A range's exceptions measured as text of the report in `format`, its text's UTF-8 length told by `utf8Length`. */
export function measureExceptions(result: CheckResult, format: RenderFormat, range: number, utf8Length: (text: string) => number): Measured {
  const blocks: Block[] = [];
  for (const { ruleId, due, records, line } of blocksOf(result, format)) {
    let size = 0;
    for (const e of records) size += utf8Length(line(e));
    blocks.push({ ruleId, due, firstId: records[0]!.id, lastId: records.at(-1)!.id, size, range });
  }
  const people = ruleStretches(result.exceptions).filter((s) => hasPeople(result.exceptions.slice(s.start, s.end))).map((s) => s.ruleId);
  return { format, count: result.exceptions.length, blocks, tally: tally(result), people };
}

/**
 * Two ranges' measured exceptions, as one: each rule's blocks by due date, the first range's
 * before the second's on the same date, written by each range's `write`. Null unless that is the
 * rule's order, each id once (on a date of both, the first range's last id before the second's
 * first), and unless the ranges agree on which rules' CSV files have Team and Worker columns.
 */
export function mergeMeasured(a: Measured, b: Measured, ruleOrder: readonly string[], writes: readonly [WriteBlocks, WriteBlocks]): RenderedExceptions | null {
  if (a.format !== b.format) return null;
  const inBoth = (ruleId: string) => [a, b].every((r) => r.blocks.some((block) => block.ruleId === ruleId));
  const people = [...new Set([...a.people, ...b.people])];
  // A CSV file's Team and Worker columns are there if any of the rule's exceptions has either: both ranges' rows must have laid them out alike.
  if (a.format === 'csv' && people.some((ruleId) => inBoth(ruleId) && !(a.people.includes(ruleId) && b.people.includes(ruleId)))) return null;
  const order = new Map(ruleOrder.map((id, i) => [id, i]));
  const before = (x: Block, y: Block) => order.get(x.ruleId)! < order.get(y.ruleId)! || (x.ruleId === y.ruleId && x.due < y.due);
  const blocks: Block[] = [];
  let [i, j] = [0, 0];
  while (i < a.blocks.length && j < b.blocks.length) {
    const [x, y] = [a.blocks[i]!, b.blocks[j]!];
    if (x.ruleId === y.ruleId && x.due === y.due) {
      if (!(x.lastId < y.firstId)) return null;
      blocks.push(x, y);
      i++;
      j++;
    } else blocks.push(before(x, y) ? a.blocks[i++]! : b.blocks[j++]!);
  }
  blocks.push(...a.blocks.slice(i), ...b.blocks.slice(j));
  const counts = [a.blocks.length, b.blocks.length];
  const fill = async (fd: number, at: number, rule?: string) => {
    const places = counts.map((n) => new Float64Array(n).fill(NaN));
    const own = [0, 0];
    for (const block of blocks) {
      const k = own[block.range]!++;
      if (rule !== undefined && block.ruleId !== rule) continue;
      places[block.range]![k] = at;
      at += block.size;
    }
    await Promise.all(writes.map((write, r) => write(fd, places[r]!)));
  };
  return { format: a.format, count: a.count + b.count, blocks, tally: addTallies(a.tally, b.tally), people: people.sort(), fill };
}
