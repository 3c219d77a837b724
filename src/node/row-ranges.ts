import { datasetsJudgedAsRead } from '../engine/judged-as-read.js';
import { mergeRanges, rangesHeld } from '../engine/merge-ranges.js';
import type { InputGuess, Share } from '../engine/split-plan.js';
import { isStreamedCsv } from '../read/csv-table.js';
import type { OverviewDef } from '../rules/overview.js';
import type { RuleDef } from '../rules/rule.js';
import type { ShareResult, ShareTask } from './check-share.js';
import { mergeMeasured, type RenderedExceptions, type RenderFormat } from '../report/rendered.js';
import { cutInTwo } from './read-range.js';
import { firstBytes, HEAD_BYTES } from './read-inputs.js';

/** A share of a check, or a range of the rows of a share's one file (see read-range.ts), and whether it is the file's last. */
export type RangedShare = Share & { range?: ShareTask['range'] };

/**
 * The shares, with the one share that has input cut into two ranges of its file's rows, to be
 * checked side by side; null unless that share is the only one with input, its one file is plain
 * CSV of `from` bytes or more whose dataset its header row tells, every rule it runs judges that
 * dataset's rows each on its own (see datasetsJudgedAsRead), and a line ends within a megabyte
 * after the file's middle.
 */
export function inRowRanges(shares: readonly Share[], guesses: readonly InputGuess[], rules: readonly RuleDef[], overviews: readonly OverviewDef[], from: number, render: RenderFormat): RangedShare[] | null {
  const withInput = shares.filter((s) => s.files.length > 0);
  const share = withInput[0];
  if (withInput.length !== 1 || share?.files.length !== 1) return null;
  const file = share.files[0]!;
  const dataset = guesses.find((g) => g.file === file && g.size >= from)?.dataset;
  if (!dataset || !isStreamedCsv(file, firstBytes(file, HEAD_BYTES))) return null;
  const own = rules.filter((r) => share.rules.includes(r.id));
  if (own.length === 0 || own.some((r) => r.dataset !== dataset) || !datasetsJudgedAsRead(rules, overviews).has(dataset)) return null;
  const ranges = cutInTwo(file);
  if (!ranges) return null;
  const at = shares.indexOf(share);
  const split = ranges.map((range, i) => ({ ...share, range: { ...range, last: i === ranges.length - 1, render } }));
  return [...shares.slice(0, at), ...split, ...shares.slice(at + 1)];
}

/**
 * The results of the shares `inRowRanges` gave, the two ranges' results merged into the one the
 * file checked whole gives (its fingerprint the last range's, which read every byte), and their
 * exceptions laid out for their threads to write; null where the ranges did not read what the
 * whole file reads, or cannot be merged (see merge-ranges.ts and rendered.ts).
 */
export function joinRowRanges(shares: readonly RangedShare[], results: readonly ShareResult[]): { results: ShareResult[]; rendered: RenderedExceptions } | null {
  const at = shares.findIndex((s) => s.range);
  const [a, b] = [results[at]!, results[at + 1]!];
  const headerRow = a.result.inputs[0]?.headerRow;
  if (!a.range || !b.range || !a.measured || !b.measured || !rangesHeld(a.range, b.range) || headerRow === undefined || headerRow === null) return null;
  const merged = mergeRanges(a.result, b.result, [...a.range.laterDates, ...b.range.laterDates], headerRow);
  const rendered = merged && mergeMeasured(a.measured, b.measured, merged.rules.map((r) => r.ruleId), [a.write!, b.write!]);
  if (!merged || !rendered) return null;
  return { results: [...results.slice(0, at), { result: merged, fingerprints: b.fingerprints }, ...results.slice(at + 2)], rendered };
}
