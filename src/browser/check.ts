import { applyBaseline } from '../baseline/compare-baseline.js';
import { parseBaselineText } from '../baseline/baseline.js';
import type { Day } from '../calendar/index.js';
import type { OnProgress } from '../engine/progress.js';
import { runCheck, type CheckResult } from '../engine/run-check.js';
import { completeRun } from '../manifest/complete-run.js';
import type { FileFingerprint } from '../manifest/run-manifest.js';
import { unreadableFileMessage, type Skipped } from '../read/input-files.js';
import type { RawTable } from '../read/raw-table.js';
import { parseWorkbook } from '../read/workbook-tables.js';
import type { RulePack } from '../rules/rule-pack.js';
import { isDriftRule, type RuleDef } from '../rules/rule.js';
import { sha256Hex } from './sha256.js';

/** A file's bytes, under the name the command line would give it. */
export interface NamedBytes {
  path: string;
  bytes: Uint8Array;
}

/** A check as the page asks for it: what `comply check --data ... --as-of ... [--baseline ...]` is given. */
export interface PageCheck {
  /** The files to read, in the order the command line reads them. */
  files: NamedBytes[];
  /** Files in a folder that were not read, and why. */
  skipped: Skipped[];
  asOf: Day;
  pack: RulePack;
  baseline?: NamedBytes;
  /** The tool's version, for the run manifest. */
  version: string;
  onProgress?: OnProgress;
}

/** What the page shows and offers: the check, the drift list, and what could not be read. */
export interface PageResult {
  /** What `comply check` reports. */
  check: CheckResult;
  /** What `comply drift` reports (the rules tagged drift), run when asked for, on the rows already read. */
  drift: () => CheckResult;
  /** One message per file that could not be read, as the command line words it; the rest were checked. */
  unread: string[];
}

const fingerprint = ({ path, bytes }: NamedBytes): FileFingerprint => ({ file: path, size: bytes.length, sha256: sha256Hex(bytes) });

/** The baseline's text as Node reads it: UTF-8, a byte order mark kept (parseBaselineText allows it, as on the command line). */
const baselineText = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

/**
 * The check the command line makes of the same files, in the page: each file read whole, a file
 * that cannot be read named with the command line's message and left out (the rest are still
 * checked; it is a finding in every download, as a file skipped in a folder is), then the rules run as `comply check` and, when asked for, as `comply drift`. A
 * baseline that is not a report throws a BaselineError, as it stops the command line.
 */
export function checkInPage(task: PageCheck): PageResult {
  const baseline = task.baseline && { json: parseBaselineText(baselineText(task.baseline.bytes), task.baseline.path), fingerprint: fingerprint(task.baseline) };
  const tables: RawTable[] = [];
  const inputs: FileFingerprint[] = [];
  const unread: string[] = [];
  const skipped = [...task.skipped];
  for (const [done, file] of task.files.entries()) {
    task.onProgress?.({ stage: 'read', done, total: task.files.length, item: file.path });
    try {
      tables.push(...parseWorkbook(file.bytes, file.path));
      inputs.push(fingerprint(file));
    } catch (error) {
      const message = unreadableFileMessage(error, file.path);
      unread.push(message);
      skipped.push({ file: file.path, why: `Not checked: ${message}` });
    }
  }
  const run = (command: string, select: (rule: RuleDef) => boolean) =>
    completeRun(runCheck(task.pack, tables, { asOf: task.asOf, select, onProgress: task.onProgress }), { pack: task.pack, select, command, version: task.version, inputs, skipped, sha256: sha256Hex });
  const checked = run('check', () => true);
  return { check: baseline ? applyBaseline(checked, baseline.json, baseline.fingerprint) : checked, drift: () => run('drift', isDriftRule), unread };
}
