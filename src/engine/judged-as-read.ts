import type { Day } from '../calendar/index.js';
import type { DatasetDef } from '../datasets/dataset.js';
import type { Finding } from '../findings/finding.js';
import type { OverviewDef } from '../rules/overview.js';
import type { RuleDef } from '../rules/rule.js';
import { overviewFactRules } from '../rules/validate-overview.js';
import { KeyChecks, type IdsInOrder } from '../typing/key-checks.js';
import type { RowJudge, TableSource, TypedRow } from '../typing/typed-table.js';
import { RowsAsAt, type LaterDates } from './as-at.js';
import type { Judging } from './evaluate-rule.js';

/**
 * The datasets whose rows can be judged as they are read, and not kept: every rule that reads
 * the dataset judges each row on its own (no group, no related rows, no overview that reads its
 * rows), and no rule reads its rows as related. Keeping a million rows until all are read cost
 * a check a fifth of its time (the collector copies each row twice, and this machine's memory is
 * slow to touch for the first time).
 */
export function datasetsJudgedAsRead(rules: readonly RuleDef[], overviews: readonly OverviewDef[]): Set<string> {
  const watched = new Set(overviews.flatMap(overviewFactRules));
  const kept = new Set<string>();
  for (const rule of rules) {
    const related = Object.values(rule.related ?? {});
    if (rule.groupBy || related.length > 0 || watched.has(rule.id)) kept.add(rule.dataset);
    for (const r of related) kept.add(r.dataset);
  }
  return new Set(rules.map((r) => r.dataset).filter((d) => !kept.has(d)));
}

/** One table's rows, each given as it is read to the key checks, then as it stood on the as-of date to each rule. */
class TableJudge implements RowJudge {
  constructor(
    private readonly keyChecks: KeyChecks,
    readonly asAt: RowsAsAt,
    private readonly rules: readonly Judging[],
  ) {}

  row(row: TypedRow): void {
    this.keyChecks.row(row);
    const stood = this.asAt.stand(row);
    if (stood) for (const rule of this.rules) rule.judgeUnit(stood);
  }
}

/**
 * A dataset judged as it is read: what the check does to kept tables after reading them (the key
 * checks, the data as it stood on the as-of date, each rule's judgement), done to each row in
 * turn, in the order the rows were read, with the same results.
 */
export class DatasetJudge {
  private readonly keyChecks: KeyChecks;
  private readonly tables: TableJudge[] = [];

  /** With `order`, the ids must rise from row to row (see IdsInOrder). */
  constructor(
    private readonly asOf: Day,
    private readonly rules: readonly Judging[],
    order?: IdsInOrder,
  ) {
    this.keyChecks = new KeyChecks(true, order);
  }

  /** Where the rows of the next table of the dataset go; `columns`, the columns the sheet has. */
  table(source: TableSource, dataset: DatasetDef, columns: readonly string[]): RowJudge {
    this.keyChecks.table(dataset);
    const table = new TableJudge(this.keyChecks, new RowsAsAt(source, dataset, columns, this.asOf), this.rules);
    this.tables.push(table);
    return table;
  }

  /** Rows left out: not there yet at the as-of date (counted as out of each rule's scope). */
  notYet(): number {
    return this.tables.reduce((n, t) => n + t.asAt.notYet, 0);
  }

  /** The log rows left out as undated, by sheet (see AsAt). */
  undated(): { source: TableSource; count: number }[] {
    return this.tables.filter((t) => t.asAt.undated > 0).map((t) => ({ source: t.asAt.source, count: t.asAt.undated }));
  }

  /** The key checks' findings and the as-of date's (those on dates after it put in `later` instead, when given: see LaterDates). */
  findings(later?: LaterDates[]): Finding[] {
    return [...this.keyChecks.findings, ...this.tables.flatMap((t) => t.asAt.findings(later))];
  }
}
