import type { DatasetDef } from '../datasets/dataset.js';
import type { FactValue } from '../facts/fact-value.js';
import type { OverviewDef } from '../rules/overview.js';
import type { TypedRow } from '../typing/typed-table.js';
import { Invalid } from '../typing/value.js';
import type { OutcomeKind } from './evaluate-rule.js';
import { showValue } from './format.js';
import type { ExceptionRecord, ShownKind, ShownValue } from './outcome.js';

/** How a rule judged one row: its outcome, subject and facts. */
export interface Observation {
  outcome: OutcomeKind;
  subject: FactValue;
  facts: Record<string, FactValue>;
}

/** An overview as computed: one row per subject, ready for any output format. */
export interface OverviewTable {
  id: string;
  title: string;
  sheetName: string;
  columns: { label: string; kind: ShownKind }[];
  rows: ShownValue[][];
}

/** What an overview reads from a finished check. */
export interface OverviewSources {
  /** The rows' dataset (of the overview's `rowsOf` rule). */
  dataset: DatasetDef;
  /** Per rule read row by row: how it judged each row. */
  observed: ReadonlyMap<string, ReadonlyMap<TypedRow, Observation>>;
  /** Per rule that ran: its facts' kinds. */
  factKinds: ReadonlyMap<string, Record<string, ShownKind>>;
  exceptions: readonly ExceptionRecord[];
}

const NOT_RUN = 'not run: input missing';
const NOT_EVALUABLE = 'not evaluable';
const COLUMN_KIND: Record<string, ShownKind> = { date: 'date', number: 'number' };

const shown = (value: FactValue | undefined, kind: ShownKind): ShownValue =>
  value instanceof Invalid ? value.raw : showValue(value ?? null, kind);

/**
 * One row per row the `rowsOf` rule judged (in scope or not evaluable), in input order. A fact
 * column shows the named rule's fact for the same row ("not evaluable" where that rule could not
 * judge it, empty where the row is outside its scope); a count column counts the rule's
 * exceptions for the row's subject. A rule that did not run shows "not run" in its columns.
 */
export function overviewTable(def: OverviewDef, sources: OverviewSources): OverviewTable {
  const rows = [...(sources.observed.get(def.rowsOf) ?? new Map<TypedRow, Observation>())].filter(([, o]) => o.outcome !== 'notApplicable');
  const columns = def.columns.map((c) => {
    if ('column' in c) return { label: c.label, kind: COLUMN_KIND[sources.dataset.columns[c.column]?.type ?? ''] ?? 'text' };
    if ('count' in c) return { label: c.label, kind: 'number' as const };
    return { label: c.label, kind: sources.factKinds.get(c.rule)?.[c.fact] ?? 'text' };
  });
  const exceptionCounts = new Map<string, number>();
  for (const e of sources.exceptions) {
    const key = `${e.ruleId}\u0000${e.subject}`;
    exceptionCounts.set(key, (exceptionCounts.get(key) ?? 0) + 1);
  }
  const cell = (row: TypedRow, subject: FactValue, i: number): ShownValue => {
    const c = def.columns[i]!;
    const kind = columns[i]!.kind;
    if ('column' in c) return shown(row.values[c.column], kind);
    if (!sources.factKinds.has(c.rule)) return NOT_RUN;
    if ('count' in c) return exceptionCounts.get(`${c.rule}\u0000${String(subject)}`) ?? 0;
    const seen = sources.observed.get(c.rule)?.get(row);
    if (!seen || seen.outcome === 'notApplicable') return null;
    if (seen.outcome === 'notEvaluable' && (seen.facts[c.fact] === undefined || seen.facts[c.fact] instanceof Invalid)) return NOT_EVALUABLE;
    return shown(seen.facts[c.fact], kind);
  };
  return {
    id: def.id,
    title: def.title,
    sheetName: def.sheetName,
    columns,
    rows: rows.map(([row, o]) => def.columns.map((_c, i) => cell(row, o.subject, i))),
  };
}
