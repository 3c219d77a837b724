/**
 * One column of an overview: a column of the rows' dataset, a fact a rule computed for the row,
 * or how many exceptions a rule raised for the row's subject.
 */
export type OverviewColumn =
  | { label: string; column: string }
  | { label: string; rule: string; fact: string }
  | { label: string; rule: string; count: 'exceptions' };

/** A table of one row per subject drawn from rules' facts (rules/overviews/<id>.json). */
export interface OverviewDef {
  $schema?: string;
  id: string;
  title: string;
  description?: string;
  sheetName: string;
  /** The rows: those this rule judges (in scope, or not evaluable), in input order. */
  rowsOf: string;
  columns: OverviewColumn[];
}
