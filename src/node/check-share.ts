import { statSync } from 'node:fs';
import type { Day } from '../calendar/index.js';
import type { HeaderAliases } from '../datasets/dataset.js';
import type { RangeRead } from '../engine/merge-ranges.js';
import type { OnProgress } from '../engine/progress.js';
import { runCheck, type CheckResult } from '../engine/run-check.js';
import type { FileFingerprint } from '../manifest/run-manifest.js';
import { checkFileSize, type ReadLimits } from '../read/input-limits.js';
import { measureExceptions, type Measured, type RenderFormat, type WriteBlocks } from '../report/rendered.js';
import type { RulePack } from '../rules/rule-pack.js';
import { IdsInOrder } from '../typing/key-checks.js';
import { readRange, type RowRange } from './read-range.js';
import { streamInputs } from './read-inputs.js';
import { writeBlocks } from './write-blocks.js';

/** A share of a check, as a worker thread is given it: plain data only. */
export interface ShareTask {
  pack: RulePack;
  files: string[];
  /** Ids of the rules to run. */
  rules: string[];
  asOf: Day;
  headerAliases: HeaderAliases;
  limits: ReadLimits;
  /** A range of the one file's rows (see read-range.ts), whether it is the file's last, and the report's format its exceptions are to be written in (see rendered.ts). */
  range?: RowRange & { last: boolean; render: RenderFormat };
  /** Shared by the threads: its second number set once a share has failed, when a range stops reading (the file is to be checked whole). */
  failed?: Int32Array;
}

export interface ShareResult {
  result: CheckResult;
  /** Each file's size and SHA-256, in the order given (a range's: its file's, from the last range only). */
  fingerprints: FileFingerprint[];
  /** What reading a range showed. */
  range?: RangeRead;
  /** A range's exceptions measured as text of the report (its result's list is then empty), and what writes them (on the thread that holds them). */
  measured?: Measured;
  write?: WriteBlocks;
}

/** A share's result as a thread posts it: all but what writes a range's exceptions, which stays on the thread. */
export type PostedShare = Omit<ShareResult, 'write'>;

export const postedShare = ({ write: _write, ...posted }: ShareResult): PostedShare => posted;

/**
 * A range of a file's rows checked (see read-range.ts): its ids must rise, its dates after the
 * as-of date are counted for the ranges to be added up, and its exceptions are measured as text
 * of the report, kept here until written at their places.
 */
function checkRange(task: ShareTask, range: NonNullable<ShareTask['range']>, select: (rule: { id: string }) => boolean, onProgress?: OnProgress): ShareResult {
  const file = task.files[0]!;
  checkFileSize(statSync(file).size, file, task.limits);
  const { table, fingerprint, read } = readRange(file, range, range.last, task.pack.datasets, task.headerAliases, task.failed);
  const found = { ids: new IdsInOrder(), laterDates: [] };
  const result = runCheck(task.pack, [table], { asOf: task.asOf, headerAliases: task.headerAliases, select, onProgress, range: found });
  const measured = measureExceptions(result, range.render, range.last ? 1 : 0, (text) => Buffer.byteLength(text));
  // Awaited first, so that a range written on this thread is written while the other thread writes its own.
  const write: WriteBlocks = async (fd, places) => {
    await Promise.resolve();
    writeBlocks(fd, result, range.render, places);
  };
  return {
    result: { ...result, exceptions: [] },
    fingerprints: fingerprint ? [fingerprint] : [],
    range: { ...read(), firstId: found.ids.first, lastId: found.ids.last, laterDates: found.laterDates },
    measured,
    write,
  };
}

/** Reads a share's files (streamed, fingerprinted) and runs its rules over them. */
export async function checkShare(task: ShareTask, onProgress?: OnProgress): Promise<ShareResult> {
  const rules = new Set(task.rules);
  const select = (rule: { id: string }) => rules.has(rule.id);
  if (task.range) return checkRange(task, task.range, select, onProgress);
  const { tables, fingerprints } = await streamInputs(task.files, task.limits, onProgress);
  const result = runCheck(task.pack, tables, { asOf: task.asOf, headerAliases: task.headerAliases, select, onProgress });
  return { result, fingerprints };
}
