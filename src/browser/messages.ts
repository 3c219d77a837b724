// What the page and its worker say to each other: plain data, file bytes transferred, never copied.
import type { Skipped } from '../read/input-files.js';
import type { NamedBytes } from './check.js';

/** A rule pack folder's JSON files, paths from inside the folder; null goes back to the shipped rules. */
export interface UseRules {
  kind: 'rules';
  pack: { folder: string; entries: { path: string; text: string }[] } | null;
}

export interface RunCheck {
  kind: 'check';
  files: NamedBytes[];
  skipped: Skipped[];
  /** yyyy-mm-dd */
  asOf: string;
  baseline?: NamedBytes;
}

export type ToWorker = UseRules | RunCheck;

/** What `comply validate` prints of the pack, and whether a check can use it (no problem but those of its cases). */
export interface RulesChecked {
  kind: 'rules';
  lines: string[];
  usable: boolean;
}

export interface Progressed {
  kind: 'progress';
  text: string;
  done: number;
  total: number;
}

/** The check is done: what it found, and the report to show. */
export interface Checked {
  kind: 'done';
  /** yyyy-mm-dd */
  asOf: string;
  summary: string;
  /** One line per file not read, as the command line says it: the rest were checked. */
  problems: string[];
  /** Warnings about the baseline, as the command line prints them. */
  warnings: string[];
  /** The report as `--format html` and as `--format json` writes them (UTF-8), moved rather than copied: a large report's text took the page's thread seconds to take in. */
  html: Uint8Array;
  json: Uint8Array;
}

/** A download, made after the report is shown: which one, its file name and its bytes. */
export interface Output {
  kind: 'output';
  output: 'xlsx' | 'drift-xlsx' | 'drift-html' | 'teams';
  name: string;
  bytes: Uint8Array;
  type: string;
}

export interface Failed {
  kind: 'failed';
  message: string;
}

export type FromWorker = RulesChecked | Progressed | Checked | Output | Failed;
