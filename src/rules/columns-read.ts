import { rowDateColumns, type DatasetDef } from '../datasets/dataset.js';
import type { OverviewDef } from './overview.js';
import { datasetsOf, eachLevels, type Expr, type RuleDef } from './rule.js';

/** Rows read whole, as records (`{ "rows": name }`): a function or a fact path may read any of their columns. */
export const EVERY_COLUMN = 'every column';

/** The columns of each dataset a check reads; none of a dataset it does not name. */
export type ColumnsRead = ReadonlyMap<string, ReadonlySet<string> | typeof EVERY_COLUMN>;

/**
 * Which columns of each dataset these rules and overviews read, so that typed rows need hold
 * no others: the columns their expressions name (facts, lists, subject, due date, team, worker,
 * shown columns), the columns related rows are matched on and rows are grouped by, the columns
 * of overviews over their rows, each dataset's id column (checked for missing and repeated ids),
 * in each dataset a rule reads the dates before which its rows are not there (a start, a log
 * row's record: a row dated after the as-of date is out of every rule's scope), and the date
 * each column read is dated by (`datedBy`: while it is after the as-of date the column is read
 * as empty, so the date must be there to tell); a dataset whose rows are read whole keeps every
 * column.
 */
export function columnsReadBy(rules: readonly RuleDef[], overviews: readonly OverviewDef[], datasets: readonly DatasetDef[]): ColumnsRead {
  const read = new Map<string, Set<string> | typeof EVERY_COLUMN>();
  const add = (dataset: string | undefined, column: string) => {
    if (dataset === undefined) return;
    const columns = read.get(dataset) ?? new Set<string>();
    if (columns === EVERY_COLUMN) return;
    columns.add(column);
    read.set(dataset, columns);
  };
  const judged = new Set(rules.flatMap(datasetsOf));
  for (const d of datasets) {
    if (d.idColumn) add(d.id, d.idColumn);
    if (judged.has(d.id)) for (const column of rowDateColumns(d)) add(d.id, column);
  }
  for (const rule of rules) {
    /** The dataset of each name rows are read under: related datasets and the rule's own groups. */
    const rowSets = new Map(Object.entries(rule.related ?? {}).map(([name, r]) => [name, r.dataset]));
    if (rule.groupBy) {
      rowSets.set(rule.groupBy.name, rule.dataset);
      for (const column of rule.groupBy.columns) add(rule.dataset, column);
    }
    for (const r of Object.values(rule.related ?? {})) {
      for (const [theirs, ours] of Object.entries(r.match)) {
        add(r.dataset, theirs);
        add(rule.dataset, ours);
      }
    }
    const visit = (e: Expr): void => {
      if ('rows' in e) {
        const dataset = rowSets.get(e.rows);
        if (dataset !== undefined) read.set(dataset, EVERY_COLUMN);
      } else if ('related' in e) add(rowSets.get(e.related), e.column);
      else if ('column' in e) add(rule.dataset, e.column);
      else if ('call' in e) e.args.forEach(visit);
      else if (!('fact' in e || 'param' in e || 'value' in e)) {
        const unknown: never = e;
        throw new Error(`an expression of unknown form: ${JSON.stringify(unknown)}`);
      }
    };
    const { subject, exception } = rule;
    const exprs = [subject, exception.dueDate, exception.team, exception.worker, ...Object.values(rule.facts), ...eachLevels(rule).map((l) => l.list), ...(exception.show ?? []).map((s) => s.value)];
    for (const e of exprs) if (e) visit(e);
  }
  for (const overview of overviews) {
    const rows = rules.find((r) => r.id === overview.rowsOf);
    if (rows) for (const c of overview.columns) if ('column' in c) add(rows.dataset, c.column);
  }
  for (const d of datasets) {
    const columns = read.get(d.id);
    if (columns === undefined || columns === EVERY_COLUMN) continue;
    for (const column of [...columns]) {
      const datedBy = d.columns[column]?.datedBy;
      if (datedBy !== undefined) columns.add(datedBy);
    }
  }
  return read;
}
