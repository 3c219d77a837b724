import type { Finding } from '../findings/finding.js';
import type { RuleSource, Severity } from '../rules/rule.js';

/** A shown value: text, a number, or a date/month as ISO text (its kind says which). */
export type ShownValue = string | number | null;
export type ShownKind = 'date' | 'month' | 'number' | 'text';

/** One thing a person should act on. */
export interface ExceptionRecord {
  /** Stable across runs: rule id, subject and due date. */
  id: string;
  ruleId: string;
  severity: Severity;
  subject: string;
  /** ISO date, or null when the rule has none (e.g. nothing recorded yet). */
  dueDate: string | null;
  message: string;
  team: string | null;
  worker: string | null;
  /** For a rule with no team: the service its dataset belongs to (rules/datasets/*.json "service"). */
  service?: string;
  /** The rule's own columns, by label, in the rule's order. */
  columns: Record<string, ShownValue>;
  source: { file: string; sheet?: string; row: number };
  /** Against a baseline (last week's report): new this week, still open, or resolved since. */
  status?: ExceptionStatus;
  /** ISO date of the first run that raised it (carried forward from the baseline). */
  firstSeen?: string;
  /** Whole weeks from firstSeen to the as-of date. */
  weeksOpen?: number;
}

export type ExceptionStatus = 'new' | 'open' | 'resolved';

export interface RuleCounts {
  /** Rows (or row x item, e.g. home-months) the rule looked at. */
  considered: number;
  /** Outside the rule's scope (a closed case, a home not yet open). */
  notApplicable: number;
  /** In scope: checked = passed + exceptions + merged + notEvaluable. */
  checked: number;
  passed: number;
  exceptions: number;
  /** Rows that raised an exception already raised by another row (same id): one exception. */
  merged: number;
  notEvaluable: number;
}

export interface RuleSummary {
  ruleId: string;
  version: number;
  title: string;
  description: string;
  severity: Severity;
  source: RuleSource;
  dataset: string;
  tags: string[];
  sheetName?: string;
  /** Each shown column's kind, by label, in order (for real date cells in workbooks). */
  columnKinds: Record<string, ShownKind>;
  /** False when its dataset was not among the inputs. */
  ran: boolean;
  counts: RuleCounts;
}

export interface RuleRun {
  summary: RuleSummary;
  exceptions: ExceptionRecord[];
  findings: Finding[];
}
