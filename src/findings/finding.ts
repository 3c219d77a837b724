/** Where a value came from, as a spreadsheet user would find it. */
export interface SourceRef {
  file: string;
  sheet?: string;
  /** Row number as Excel shows it (1-based, counting any rows above the header). */
  row?: number;
  column?: string;
}

export type FindingKind =
  | 'unreadable-value'
  | 'missing-id'
  | 'row-not-read'
  | 'duplicate-subject'
  | 'unknown-dataset'
  | 'missing-column'
  | 'not-evaluable'
  | 'rule-not-run'
  | 'suspicious-value'
  | 'unreadable-file'
  | 'no-rows'
  | 'input-not-used'
  | 'future-date'
  | 'baseline';

/** The levels of a finding, most serious first. */
export const FINDING_LEVELS = ['error', 'warning', 'info'] as const;
export type FindingLevel = (typeof FINDING_LEVELS)[number];

/** Something about the inputs that a person should know: never a silent pass. */
export interface Finding extends SourceRef {
  kind: FindingKind;
  level: FindingLevel;
  message: string;
  /** The raw cell value as read (never a name: only cells the rules read are quoted). */
  value?: string;
  ruleId?: string;
  dataset?: string;
}

const byText = (a: string | undefined, b: string | undefined): number =>
  (a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0;

/** Stable order: file, sheet, row, column, kind, rule, message. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    byText(a.file, b.file) ||
    byText(a.sheet, b.sheet) ||
    (a.row ?? 0) - (b.row ?? 0) ||
    byText(a.column, b.column) ||
    byText(a.kind, b.kind) ||
    byText(a.ruleId, b.ruleId) ||
    byText(a.message, b.message)
  );
}
