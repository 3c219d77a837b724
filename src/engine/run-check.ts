import { isoFromDay, WorkingDayCalendar, type Day } from '../calendar/index.js';
import type { DatasetDef, HeaderAliases } from '../datasets/dataset.js';
import { HEADER_SEARCH_ROWS, recogniseTable, type NearMiss } from '../datasets/recognise.js';
import type { EvalContext } from '../facts/compile-expression.js';
import type { FactValue } from '../facts/fact-value.js';
import { inferKind } from '../facts/infer-kind.js';
import { compareFindings, type Finding } from '../findings/finding.js';
import type { BaselineComparison } from '../baseline/baseline.js';
import type { RunManifest } from '../manifest/run-manifest.js';
import type { RawCell, RawRows } from '../read/raw-table.js';
import { columnsReadBy, EVERY_COLUMN, type ColumnsRead } from '../rules/columns-read.js';
import type { RulePack } from '../rules/rule-pack.js';
import { datasetsOf, eachLevels, type RuleDef } from '../rules/rule.js';
import { overviewFactRules } from '../rules/validate-overview.js';
import { keyFindings, type IdsInOrder } from '../typing/key-checks.js';
import { typeTable, type TypedRow, type TypedTable } from '../typing/typed-table.js';
import { addToGroup } from './add-to-group.js';
import { asAt, judgementsNotYet, type LaterDates } from './as-at.js';
import { compileRule } from './compile-rule.js';
import { evaluateRule, Judging, type EvaluateOptions, type OutcomeKind } from './evaluate-rule.js';
import { DatasetJudge, datasetsJudgedAsRead } from './judged-as-read.js';
import { reconcileInputs, type RowTotals } from './reconcile.js';
import type { OnProgress } from './progress.js';
import type { ExceptionRecord, RuleSummary, ShownKind } from './outcome.js';
import { overviewTable, type Observation, type OverviewTable } from './overview.js';

/** What became of one input sheet: which dataset it was taken for and how many rows it gave. */
export interface InputSummary {
  file: string;
  sheet?: string;
  /** A hidden sheet (read like any other). */
  hidden?: boolean;
  dataset: string | null;
  headerRow: number | null;
  /** Rows read: rows = evaluated + reported (see RowTotals). */
  rows: number;
  blankRows: number;
  evaluated: number;
  reported: number;
}

/** An input as read, before the rules say which rows they judged; `notRead` of its rows no rule may read (each has a finding). */
export type SheetRead = Omit<InputSummary, 'evaluated' | 'reported'> & { notRead: number };

export interface CheckResult {
  asOf: string;
  rules: RuleSummary[];
  exceptions: ExceptionRecord[];
  findings: Finding[];
  inputs: InputSummary[];
  /** The pack's overviews whose rows' rule ran (e.g. one row per children's home). */
  overviews: OverviewTable[];
  /** Rows read = rows evaluated + rows reported in findings, over all inputs. */
  rowTotals: RowTotals;
  /** What was run on what: added at the edge, which knows the files' bytes. */
  manifest?: RunManifest;
  /** Set when the run was compared with an earlier report. */
  baseline?: BaselineComparison;
}

export interface CheckOptions {
  asOf: Day;
  /** Only these rules (default: all in the pack). */
  select?: (rule: RuleDef) => boolean;
  headerAliases?: HeaderAliases;
  /** Told as each sheet is typed and each rule judged (a progress bar at the edge). */
  onProgress?: OnProgress;
  /** A check of a range of a file's rows: see RangeCheck. */
  range?: RangeCheck;
}

/**
 * What a check of a range of a file's rows (node/read-range.ts) must do, and gives besides its
 * result, for the ranges' results to be merged (merge-ranges.ts): the ids of a dataset judged as
 * read must rise (see IdsInOrder), and its dates after the as-of date are counted, not yet made
 * into findings.
 */
export interface RangeCheck {
  ids: IdsInOrder;
  laterDates: LaterDates[];
}

const quoted = (names: readonly string[]) => names.map((c) => `"${c}"`).join(', ');
const nearMiss = (m: NearMiss) => `${m.dataset.title} (missing ${quoted(m.missing)})`;

/** Why a sheet was skipped: the dataset it looks like and the required columns it lacks, else the closest, else what the tool reads. */
function unrecognisedMessage(closest: readonly NearMiss[], datasets: readonly DatasetDef[], dataRows: number): string {
  const skipped = `the sheet was skipped (${dataRows} non-empty rows)`;
  const [best, ...others] = closest;
  if (best && best.matched >= 2) {
    const also = others.length ? `. Also near: ${others.map(nearMiss).join('; ')}` : '';
    return `Looks like ${best.dataset.title} but lacks the required column(s) ${quoted(best.missing)}, so ${skipped}${also}`;
  }
  if (best) return `Matches no known dataset, so ${skipped}. Closest: ${closest.map(nearMiss).join('; ')}`;
  return `Matches no known dataset: no row in the first ${HEADER_SEARCH_ROWS} has a header the tool knows, so ${skipped}. The tool reads: ${datasets.map((d) => d.title).join('; ')}`;
}

/**
 * A stream's first rows (read ahead, where a header row may be) and then the rest of it. A class,
 * not a closure made for each stream: typing calls its `next` for every row of every sheet, and a
 * new closure per sheet made the JIT's code for typing's loop wrong for the next sheet (a "wrong
 * call target" deoptimisation in `--trace-deopt`).
 */
export class HeadThenRest implements IterableIterator<RawCell[]> {
  private given = 0;

  constructor(
    readonly head: RawCell[][],
    private readonly rest: Iterator<RawCell[]>,
  ) {}

  [Symbol.iterator](): this {
    return this;
  }

  next(): IteratorResult<RawCell[]> {
    return this.given < this.head.length ? { value: this.head[this.given++]!, done: false } : this.rest.next();
  }
}

/**
 * The first rows of a stream (where a header row may be), read ahead, and all its rows, those
 * first ones again and then the rest of the stream (passed straight through: there may be a
 * million of them).
 */
function splitHead(raw: RawRows): { head: RawCell[][]; all: Iterable<RawCell[]> } {
  const iterator = raw.rows[Symbol.iterator]();
  const head: RawCell[][] = [];
  while (head.length < HEADER_SEARCH_ROWS) {
    const next = iterator.next();
    if (next.done) break;
    head.push(next.value);
  }
  return { head, all: new HeadThenRest(head, iterator) };
}

/** Appends in place without spreading into arguments (a million items would overflow the stack). */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/**
 * Recognises each raw table's dataset by its header row and types its rows, going through each
 * table's rows once; rows hold the columns `read` names (by default every column). The tables
 * of a dataset in `judges` are judged as they are read: their rows are not kept.
 */
export function readTables(
  raws: readonly RawRows[],
  datasets: readonly DatasetDef[],
  aliases: HeaderAliases = {},
  onProgress?: OnProgress,
  read?: ColumnsRead,
  judges?: ReadonlyMap<string, DatasetJudge>,
) {
  const tables: TypedTable[] = [];
  const findings: Finding[] = [];
  const inputs: SheetRead[] = [];
  for (const [done, raw] of raws.entries()) {
    onProgress?.({ stage: 'recognise', done, total: raws.length, item: raw.sheet ?? raw.file });
    const where = raw.sheet === undefined ? { file: raw.file } : { file: raw.file, sheet: raw.sheet };
    const hidden = raw.hidden ? { hidden: true } : {};
    const { head, all } = splitHead(raw);
    const recognition = recogniseTable(head, datasets, aliases);
    if (!recognition.ok) {
      let dataRows = 0;
      for (const r of all) if (r.some((c) => c !== null && c !== undefined && c !== '')) dataRows++;
      append(findings, raw.readFindings?.() ?? []);
      inputs.push({ ...where, ...hidden, dataset: null, headerRow: null, rows: dataRows, blankRows: 0, notRead: 0 });
      if (dataRows === 0) {
        findings.push({ ...where, kind: 'unknown-dataset', level: 'info', message: 'Empty sheet: nothing to check' });
        continue;
      }
      findings.push({ ...where, kind: 'unknown-dataset', level: 'warning', message: unrecognisedMessage(recognition.closest, datasets, dataRows) });
      continue;
    }
    const columns = read?.get(recognition.match.dataset.id);
    const keep = !read || columns === EVERY_COLUMN ? undefined : (column: string) => columns?.has(column) === true;
    const judge = judges?.get(recognition.match.dataset.id)?.table(where, recognition.match.dataset, Object.keys(recognition.match.columnIndex));
    const typed = typeTable({ ...raw, rows: all }, recognition.match, keep, judge);
    if (!judge) tables.push(typed.table);
    append(findings, typed.findings);
    append(findings, raw.readFindings?.() ?? []);
    if (typed.rowCount === 0) {
      findings.push({ ...where, kind: 'no-rows', level: 'info', dataset: recognition.match.dataset.id, message: `Headers only: ${recognition.match.dataset.title} with no data rows` });
    }
    inputs.push({
      ...where,
      ...hidden,
      dataset: recognition.match.dataset.id,
      headerRow: raw.firstRow + recognition.match.headerIndex,
      rows: typed.rowCount,
      blankRows: typed.table.blankRows,
      notRead: typed.notRead,
    });
  }
  append(findings, keyFindings(tables));
  return { tables, findings, inputs };
}

/** Each fact's and shown column's kind (date, number, text), for messages and output cells. */
export function kindsFor(rule: RuleDef, datasets: ReadonlyMap<string, DatasetDef>) {
  const columnType = (dataset: string, column: string) => datasets.get(dataset)?.columns[column]?.type;
  const asShown = (k: string): ShownKind => (k === 'date' || k === 'number' || k === 'text' ? k : 'text');
  const factKinds: Record<string, ShownKind> = { asOf: 'date' };
  for (const name of Object.keys(rule.facts)) factKinds[name] = asShown(inferKind({ fact: name }, rule, columnType));
  for (const { name } of eachLevels(rule)) factKinds[name] = asShown(inferKind({ fact: name }, rule, columnType));
  const columnKinds: Record<string, ShownKind> = {};
  for (const s of rule.exception.show ?? []) columnKinds[s.label] = s.format ?? asShown(inferKind(s.value, rule, columnType));
  return { factKinds, columnKinds };
}

/** Rules' summaries and exceptions in rule id order. */
export const byRuleId = (a: { ruleId: string }, b: { ruleId: string }) => (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);

/**
 * A rule judged over its dataset's kept tables and its related ones; with `observed` (an overview
 * reads its rows), each row's outcome and facts noted there under the rule's id.
 */
function evaluateKept(def: RuleDef, byDataset: ReadonlyMap<string, TypedTable[]>, options: EvaluateOptions, observed?: Map<string, Map<TypedRow, Observation>>) {
  const related = Object.fromEntries(Object.entries(def.related ?? {}).map(([name, r]) => [name, byDataset.get(r.dataset) ?? []]));
  const compiled = compileRule(def);
  const seen = observed && new Map<TypedRow, Observation>();
  if (seen) observed!.set(def.id, seen);
  const observe = seen && ((ctx: EvalContext, outcome: OutcomeKind, facts: Record<string, FactValue>) => void seen.set(ctx.row, { outcome, subject: compiled.subject(ctx), facts }));
  return evaluateRule(compiled, { tables: byDataset.get(def.dataset) ?? [], related }, { ...options, observe });
}

/**
 * The whole check, pure: raw tables in, exceptions, findings and counts out. Read, typed, checked
 * for keys and dates after the as-of date, judged, reported: a dataset whose rules judge each
 * row on its own is judged as each row is read (see judged-as-read.ts), the others once all their
 * tables are read.
 */
export function runCheck(pack: RulePack, raws: readonly RawRows[], options: CheckOptions): CheckResult {
  const selected = pack.rules.filter(options.select ?? (() => true)).sort((a, b) => (a.id < b.id ? -1 : 1));
  const datasets = new Map(pack.datasets.map((d) => [d.id, d]));
  const env = { calendar: new WorkingDayCalendar(pack.calendar) };
  const kinds = new Map(selected.map((def) => [def.id, kindsFor(def, datasets)]));
  const evaluateOptions = (def: RuleDef) => ({ asOf: options.asOf, env, ...kinds.get(def.id)!, service: def.exception.team ? undefined : datasets.get(def.dataset)?.service });
  // The rules of datasets judged as they are read start before anything is read.
  const judgings = new Map<string, Judging>();
  const judges = new Map<string, DatasetJudge>();
  for (const dataset of datasetsJudgedAsRead(selected, pack.overviews)) {
    const rules = selected.filter((def) => def.dataset === dataset).map((def) => new Judging(compileRule(def), { tables: [], related: {} }, evaluateOptions(def)));
    for (const judging of rules) judgings.set(judging.ruleId, judging);
    judges.set(dataset, new DatasetJudge(options.asOf, rules, options.range?.ids));
  }
  const read = readTables(raws, pack.datasets, options.headerAliases, options.onProgress, columnsReadBy(selected, pack.overviews, pack.datasets), judges);
  const stood = asAt(read.tables, options.asOf);
  const findings = [...read.findings, ...stood.findings];
  for (const judge of judges.values()) append(findings, judge.findings(options.range?.laterDates));
  const byDataset = new Map<string, TypedTable[]>();
  for (const t of stood.tables) addToGroup(byDataset, t.dataset.id, t);
  const present = new Set(read.inputs.map((i) => i.dataset));
  const rules: RuleSummary[] = [];
  /** Each rule's exceptions; the rules run in id order, so these are in the report's order. */
  const exceptionLists: ExceptionRecord[][] = [];
  const usedDatasets = new Set<string>();
  const watched = new Set(pack.overviews.flatMap(overviewFactRules));
  const observed = new Map<string, Map<TypedRow, Observation>>();
  const ranFactKinds = new Map<string, Record<string, ShownKind>>();
  for (const [done, def] of selected.entries()) {
    options.onProgress?.({ stage: 'evaluate', done, total: selected.length, item: def.id });
    const { factKinds, columnKinds } = kinds.get(def.id)!;
    const needed = datasetsOf(def);
    const missing = [...new Set(needed.filter((d) => !present.has(d)))];
    const summary: RuleSummary = {
      ruleId: def.id,
      version: def.version,
      title: def.title,
      description: def.description,
      severity: def.severity,
      source: def.source,
      dataset: def.dataset,
      tags: def.tags ?? [],
      columnKinds,
      ran: missing.length === 0,
      counts: { considered: 0, notApplicable: 0, checked: 0, passed: 0, exceptions: 0, merged: 0, notEvaluable: 0 },
    };
    if (def.sheetName) summary.sheetName = def.sheetName;
    rules.push(summary);
    if (missing.length) {
      const titles = missing.map((d) => datasets.get(d)?.title ?? d).join('; ');
      findings.push({ file: '', kind: 'rule-not-run', level: 'info', ruleId: def.id, message: `${def.id} was not run: no input for ${titles}` });
      continue;
    }
    needed.forEach((d) => usedDatasets.add(d));
    ranFactKinds.set(def.id, factKinds);
    const judging = judgings.get(def.id);
    const run = judging ? judging.result() : evaluateKept(def, byDataset, evaluateOptions(def), watched.has(def.id) ? observed : undefined);
    const notYet = judging ? judges.get(def.dataset)!.notYet() : judgementsNotYet(stood.notYet.get(def.dataset) ?? [], byDataset.get(def.dataset) ?? [], def.groupBy?.columns);
    summary.counts = { ...run.counts, considered: run.counts.considered + notYet, notApplicable: run.counts.notApplicable + notYet };
    exceptionLists.push(run.exceptions);
    append(findings, run.findings);
  }
  const undated = [...stood.undated, ...[...judges.values()].flatMap((j) => j.undated())];
  const reconciled = reconcileInputs(read.inputs, usedDatasets, undated);
  append(findings, reconciled.findings);
  // One copy of the lists, not a push of each exception: half a million pushes took 0.1 s.
  const exceptions = ([] as ExceptionRecord[]).concat(...exceptionLists);
  findings.sort(compareFindings);
  const overviews = pack.overviews
    .filter((o) => observed.has(o.rowsOf))
    .map((o) => {
      const dataset = datasets.get(pack.rules.find((r) => r.id === o.rowsOf)!.dataset)!;
      return overviewTable(o, { dataset, observed, factKinds: ranFactKinds, exceptions });
    });
  return { asOf: isoFromDay(options.asOf), rules, exceptions, findings, inputs: reconciled.inputs, overviews, rowTotals: reconciled.totals };
}
