/** Units a parameter can carry, as the schema lists them. Intervals are calendar arithmetic; counts are plain numbers. */
export const PARAMETER_UNITS = ['days', 'workingDays', 'weeks', 'months', 'years', 'count', 'text'] as const;
export type ParameterUnit = (typeof PARAMETER_UNITS)[number];
export type IntervalUnit = Exclude<ParameterUnit, 'count' | 'text'>;

/** Days, working days, weeks, months and years are intervals; counts and text are plain values. */
export const isIntervalUnit = (unit: ParameterUnit): unit is IntervalUnit => unit !== 'count' && unit !== 'text';

export interface Parameter {
  /** A list of texts (unit `text`) is a code list, e.g. the codes that start a period. */
  value: number | string | string[];
  unit: ParameterUnit;
  description?: string;
}

/** An expression that computes a fact from the row, other facts, parameters or related rows. */
export type Expr =
  | { column: string }
  /** `path` reads a field of an object fact; dots go deeper (`first.LS`). */
  | { fact: string; path?: string }
  | { param: string }
  | { value: string | number | boolean | null }
  | { related: string; column: string }
  /** The related (or grouped) rows themselves, as records of column -> value. */
  | { rows: string }
  | { call: string; args: Expr[] };

/** json-rules-engine conditions (the subset the compiler and the reference engine share). */
export type ConditionValue = string | number | boolean | null | (string | number)[] | { fact: string };
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { fact: string; operator: string; value: ConditionValue };
export type TopCondition = { all: Condition[] } | { any: Condition[] } | { not: Condition };

export interface RelatedDef {
  dataset: string;
  /** Related row column -> this rule's dataset column; rows match when all are equal. */
  match: Record<string, string>;
}

/** Judge once per item of a list; the item is a fact under `name`. */
export interface EachDef {
  name: string;
  list: Expr;
}

/** Judge each group of rows sharing these columns once, instead of each row. */
export interface GroupByDef {
  /** The group's rows are read like related rows under this name (`{ "rows": name }`). */
  name: string;
  columns: string[];
}

export interface ShowColumn {
  label: string;
  value: Expr;
  format?: 'date' | 'month' | 'number' | 'text';
}

/** A value that looks wrong: a finding about the row, not an exception. */
export interface RuleWarning {
  conditions: TopCondition;
  /** The column of the rule's dataset the finding points at. */
  column?: string;
  /** Text with `{fact}` placeholders, as an exception message. */
  message: string;
}

export type Severity = 'high' | 'medium' | 'low' | 'info';

export interface RuleSource {
  title: string;
  kind: 'statutory' | 'statutory guidance' | 'inspection framework' | 'local practice' | 'recommended standard';
  url?: string;
  note?: string;
}

/** A rule as its JSON file has it (rules/<group>/<name>.rule.json). */
export interface RuleDef {
  $schema?: string;
  id: string;
  version: number;
  title: string;
  description: string;
  severity: Severity;
  source: RuleSource;
  tags?: string[];
  /** The dataset whose rows the rule judges. */
  dataset: string;
  /** The person or place an exception is about (usually an ID column). */
  subject: Expr;
  related?: Record<string, RelatedDef>;
  groupBy?: GroupByDef;
  /**
   * Judge each row (or group) once per item of this list (e.g. each calendar month in a window);
   * a list of levels judges each combination, and a later level's list may read earlier items.
   */
  each?: EachDef | EachDef[];
  parameters: Record<string, Parameter>;
  facts: Record<string, Expr>;
  /** Facts that must have a value: a row where one is empty is reported as not evaluable. */
  requires?: string[];
  /** Rows that fail these are out of scope (closed cases, homes not yet open). */
  appliesWhen?: TopCondition;
  /** An exception when these hold. */
  conditions: TopCondition;
  /** In-scope rows whose values look wrong: each warning that holds is a suspicious-value finding. */
  warnWhen?: RuleWarning[];
  exception: {
    dueDate: Expr;
    message: string;
    team?: Expr;
    worker?: Expr;
    show?: ShowColumn[];
  };
  sheetName?: string;
}

/** The datasets a rule reads: its own, then its related ones. */
export const datasetsOf = (rule: Pick<RuleDef, 'dataset' | 'related'>): string[] => [rule.dataset, ...Object.values(rule.related ?? {}).map((r) => r.dataset)];

/** A rule's `each` as a list of levels (none, one or more). */
export function eachLevels(rule: Pick<RuleDef, 'each'>): EachDef[] {
  return rule.each === undefined ? [] : Array.isArray(rule.each) ? rule.each : [rule.each];
}

/** A rule's own cases (rules/<group>/<name>.cases.json), run by vitest and `comply test`. */
export interface RuleCase {
  name: string;
  asOf: string;
  data: Record<string, Record<string, string | number | null>[]>;
  expect: { subject: string; dueDate: string | null }[];
  expectNotEvaluable?: number;
  expectWarnings?: number;
}
export interface RuleCases {
  $schema?: string;
  rule: string;
  cases: RuleCase[];
}

/** The rules `comply drift` runs: those tagged "drift". */
export const isDriftRule = (rule: { tags?: readonly string[] }): boolean => (rule.tags ?? []).includes('drift');
