import { FINDING_LEVELS, type Finding } from '../findings/finding.js';
import type { CheckResult, InputSummary } from '../engine/run-check.js';
import type { ExceptionRecord, RuleSummary, ShownKind, ShownValue } from '../engine/outcome.js';
import type { OverviewTable } from '../engine/overview.js';
import type { RunManifest } from '../manifest/run-manifest.js';
import { daysOverdue, percentWithin, ruleStatuses, teamGrid, teamOf, type StatusCounts } from './counts.js';
import { ukIso } from '../engine/format.js';
import { addToGroup } from '../engine/add-to-group.js';
import { ruleStretches } from '../engine/rule-stretches.js';
import type { FilledLater, RenderedExceptions } from './rendered.js';

/** A column of an output table: its header and how its values are to be shown. */
export interface OutColumn {
  header: string;
  kind: ShownKind;
  width?: number;
  /** Where the row came from (file, sheet, row, id): for tracing, shown small. */
  trace?: boolean;
  /** Left blank for a person to write in on the printed page. */
  writeIn?: boolean;
}

/**
 * A table's rows: an array, or rows made one at a time as they are read (see RowsOf), so that a
 * rule's half a million exceptions are not all held as rows at once while a file is written.
 */
export interface Rows extends Iterable<ShownValue[]> {
  readonly length: number;
}

/** Rows made from items as they are read, each time they are read. */
export class RowsOf<T> implements Rows {
  constructor(
    private readonly items: Iterable<T> & { readonly length: number },
    private readonly rowOf: (item: T) => ShownValue[],
  ) {}

  get length(): number {
    return this.items.length;
  }

  *[Symbol.iterator](): Iterator<ShownValue[]> {
    for (const item of this.items) yield this.rowOf(item);
  }
}

/** One sheet or CSV file of the report, before it is written in any format. */
export interface OutTable<R extends Rows = Rows> {
  name: string;
  columns: OutColumn[];
  rows: R;
  /** Print only this many leading columns (the rest are for filtering and tracing). */
  printColumns?: number;
  /** Lines above the table in a workbook: a title first, then what it is in plain words. */
  intro?: string[];
  /** Lines below the table in a workbook: what its columns mean. */
  notes?: string[];
  /** A column whose values name other sheets: each is a link to its sheet. */
  sheetLinks?: number;
  /** How tall each listed row is in a workbook, in points: room to write in by hand on paper. */
  rowHeight?: number;
  /** Its rows as CSV lines, written into the file by the threads that checked them (see rendered.ts); its `rows` are then not to be read. */
  later?: FilledLater;
}

const text = (header: string, width = 16): OutColumn => ({ header, kind: 'text', width });
const num = (header: string): OutColumn => ({ header, kind: 'number', width: 12 });

const STATUS_HEADERS = ['New', 'Still Open', 'Resolved'];
const statusCells = (c: StatusCounts) => [c.new, c.open, c.resolved];


/** The inputs in plain words: each recognised sheet, its dataset and rows, and how many were not recognised. */
function inputsInWords(inputs: readonly InputSummary[]): string {
  const files = new Map<string, InputSummary[]>();
  for (const i of inputs.filter((x) => x.dataset !== null)) addToGroup(files, i.file, i);
  const read = [...files].map(([file, sheets]) => {
    const rows = sheets.reduce((n, i) => n + i.rows, 0);
    const named = sheets.filter((i) => i.sheet).map((i) => i.sheet);
    return `${file}${named.length ? ` (${named.join(', ')})` : ''}: ${rows} rows`;
  });
  const skipped = inputs.filter((i) => i.dataset === null).length;
  return `Inputs: ${read.join('; ') || 'none recognised'}${skipped ? `; ${skipped} sheet(s) not recognised (see Inputs)` : ''}.`;
}

/** What each count column of the Summary means, in plain words. */
const SUMMARY_NOTES = [
  'Exceptions: cases to act on now (one per child, home or worker and due date).',
  '% Within Timescale: Within Timescale as a share of Checked.',
  'Checked: rows the rule applies to. Within Timescale: checked rows that met it.',
  'Out of Scope: rows the rule does not apply to (a closed case, a home not yet open). Rows Read: Checked plus Out of Scope.',
  'Duplicates Merged: rows repeating an exception already listed. Could Not Check: rows missing a value the rule needs (see Findings).',
  'Days Overdue (on each list): the as-of date less the due date; negative when not yet due.',
];
const STATUS_NOTE = 'New: not in last week\'s report. Still Open: in it too. Resolved: in it, gone now (see Resolved).';

/** The lines that open a workbook's Summary: title, as-of date, baseline and inputs in plain words. */
function summaryIntro(result: CheckResult, team?: string): string[] {
  const baseline = result.baseline ? [`Compared with last week's report, as of ${ukIso(result.baseline.asOf)} (${result.baseline.file}).`] : [];
  const all = result.exceptions.length;
  const counted = team === undefined ? `${all} exception(s)` : `${result.exceptions.filter((e) => teamOf(e) === team).length} of the authority's ${all} exception(s) are this team's,`;
  return [
    `Compliance check as of ${ukIso(result.asOf)}${team === undefined ? '' : `: ${team}`}`,
    `${counted} from ${result.rules.filter((r) => r.ran).length} of ${result.rules.length} rules, judged as they stood on ${ukIso(result.asOf)}.`,
    ...baseline,
    inputsInWords(result.inputs),
  ];
}

/**
 * The Summary table: each rule by title, its exceptions, how much of what it checked was within
 * timescale, and how its rows were judged; with a baseline, how many exceptions are new, still
 * open and resolved. For one team's workbook the counts are that team's exceptions (rows judged
 * are counted for the whole authority only).
 */
export function summaryTable(result: CheckResult, team?: string): OutTable {
  const weekly = result.baseline !== undefined;
  const status = weekly ? STATUS_HEADERS.map(num) : [];
  const counts = team === undefined
    ? [num('Exceptions'), num('% Within Timescale'), num('Checked'), num('Within Timescale'), num('Out of Scope'), num('Rows Read'), num('Duplicates Merged'), num('Could Not Check')]
    : [num('Team Exceptions')];
  const statusOf = ruleStatuses(result, team);
  return {
    name: 'Summary',
    intro: summaryIntro(result, team),
    notes: [...(team === undefined ? SUMMARY_NOTES : [`Team Exceptions: this team's cases to act on now.`]), ...(weekly ? [STATUS_NOTE] : [])],
    columns: [text('Rule', 48), text('Severity', 10), ...counts, ...status, text('Ran', 16), text('Source', 48), text('Source Kind', 18), text('Rule ID', 34)],
    rows: result.rules.map((r) => {
      const c = r.counts;
      return [
        r.title, r.severity,
        ...(team === undefined ? [c.exceptions, percentWithin(c.passed, c.checked, 1), c.checked, c.passed, c.notApplicable, c.considered, c.merged, c.notEvaluable] : [statusOf(r.ruleId).exceptions]),
        ...(weekly ? statusCells(statusOf(r.ruleId)) : []),
        r.ran ? 'yes' : 'no: input missing', r.source.title, r.source.kind, r.ruleId,
      ];
    }),
  };
}

/** Exceptions per team (rows, most first) and rule (columns, by title): the team × rule grid. */
export function teamTable(result: CheckResult, rendered?: RenderedExceptions): OutTable {
  const weekly = result.baseline !== undefined;
  const grid = teamGrid(result, rendered?.tally);
  return {
    name: 'By Team',
    columns: [text('Team', 36), num('Exceptions'), ...(weekly ? STATUS_HEADERS.map(num) : []), ...grid.rules.map((r) => ({ header: r.title, kind: 'number' as const, width: 14 }))],
    rows: grid.rows.map((row) => [row.team, row.total, ...(weekly ? statusCells(row.status) : []), ...row.counts.map((n) => n || null)]),
  };
}

/** How a rule's list is laid out: Days Overdue counted to `asOf`; `stable`, the same columns every week; `people`, Team and Worker whatever the rows. */
export interface RuleTableOptions {
  asOf?: string;
  stable?: boolean;
  people?: boolean;
}

/** The exceptions of one rule, with the rule's own columns between the standard ones. */
export function ruleTable(rule: RuleSummary, exceptions: readonly ExceptionRecord[], name: string, options: RuleTableOptions = {}): OutTable {
  const { columns, rowOf, printColumns } = ruleLayout(rule, exceptions, options);
  return { name, columns, rows: new RowsOf(exceptions, rowOf), printColumns };
}

/** A rule table's columns, each exception's row, and the columns printed (see ruleTable). */
export function ruleLayout(rule: RuleSummary, exceptions: readonly ExceptionRecord[], options: RuleTableOptions = {}): { columns: OutColumn[]; rowOf: (e: ExceptionRecord) => ShownValue[]; printColumns: number } {
  const own = Object.entries(rule.columnKinds);
  const hasPeople = options.stable === true || options.people === true || exceptions.some((e) => e.team !== null || e.worker !== null);
  const tracked = options.stable === true || exceptions.some((e) => e.status !== undefined);
  const asOf = options.asOf;
  return {
    columns: [
      text('Subject', 16),
      { header: 'Due Date', kind: 'date', width: 12 },
      ...(asOf === undefined ? [] : [num('Days Overdue')]),
      ...(tracked ? [text('Status', 10), { header: 'First Seen', kind: 'date' as const, width: 12 }, num('Weeks Open')] : []),
      ...(hasPeople ? [text('Team', 34), text('Worker', 22)] : []),
      ...own.map(([header, kind]) => ({ header, kind, width: kind === 'text' ? 24 : 14 })),
      text('Message', 70), text('Severity', 10),
      ...[text('File', 28), text('Sheet', 14), num('Row'), text('Exception ID', 48)].map((c) => ({ ...c, trace: true })),
    ],
    // Pushed, not spread: a list of half a million exceptions made four short arrays a row.
    rowOf: (e) => {
      const row: ShownValue[] = [e.subject, e.dueDate];
      if (asOf !== undefined) row.push(daysOverdue(asOf, e.dueDate));
      if (tracked) row.push(e.status ?? null, e.firstSeen ?? null, e.weeksOpen ?? null);
      if (hasPeople) row.push(e.team, e.worker);
      for (const [label] of own) row.push(e.columns[label] ?? null);
      row.push(e.message, e.severity, e.source.file, e.source.sheet ?? null, e.source.row, e.id);
      return row;
    },
    printColumns: 2 + (asOf === undefined ? 0 : 1) + (tracked ? 3 : 0) + (hasPeople ? 2 : 0) + own.length,
  };
}

/**
 * The table with a blank column to write in on paper (a clinic's outcome, say), put at column
 * `at` (by default after the last). Put within the columns a workbook prints, it is printed too.
 */
export function withWriteInColumn(table: OutTable, header: string, at = table.columns.length): OutTable {
  const insert = <T>(list: readonly T[], item: T) => [...list.slice(0, at), item, ...list.slice(at)];
  return {
    ...table,
    columns: insert(table.columns, { ...text(header, 30), writeIn: true }),
    rows: new RowsOf(table.rows, (row) => insert(row, null)),
    ...(table.printColumns !== undefined && at <= table.printColumns ? { printColumns: table.printColumns + 1 } : {}),
  };
}

/** An overview (e.g. one row per children's home), as its own sheet. */
export function overviewOutTable(overview: OverviewTable): OutTable {
  return {
    name: overview.sheetName,
    columns: overview.columns.map((c) => ({ header: c.label, kind: c.kind, width: c.kind === 'text' ? 24 : 14 })),
    rows: overview.rows,
  };
}

/** Exceptions of the baseline that are gone this week, as they were when last seen. */
export function resolvedTable(resolved: readonly ExceptionRecord[]): OutTable {
  return {
    name: 'Resolved',
    columns: [
      text('Rule', 34), text('Subject', 16), { header: 'Due Date', kind: 'date', width: 12 }, { header: 'First Seen', kind: 'date', width: 12 },
      num('Weeks Open'), text('Team', 28), text('Worker', 22), text('Message', 70), text('Exception ID', 48),
    ],
    rows: resolved.map((e) => [e.ruleId, e.subject, e.dueDate, e.firstSeen ?? null, e.weeksOpen ?? null, e.team, e.worker, e.message, e.id]),
  };
}

/** Findings counted by level, kind and rule: what an aggregate report says about its inputs. */
export function findingCountsTable(findings: readonly Finding[]): OutTable<ShownValue[][]> {
  const counts = new Map<string, number>();
  for (const f of findings) {
    const key = [f.level, f.kind, f.ruleId ?? ''].join('\u0000');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return {
    name: 'Findings',
    columns: [text('Level', 9), text('Kind', 18), text('Rule', 30), num('Count')],
    rows: [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, n]) => [...key.split('\u0000').map((v) => v || null), n]),
  };
}

/** The run manifest as rows: the tool, the as-of date, the rule set and each rule, each input file. */
export function manifestTable(manifest: RunManifest): OutTable {
  const rules = manifest.ruleSet.rules;
  const baseline = manifest.baseline;
  return {
    name: 'Manifest',
    columns: [text('Item', 12), text('Name', 44), text('Value', 34), num('Size (bytes)'), text('SHA-256', 66)],
    rows: [
      ['tool', manifest.tool.name, manifest.tool.version, null, null],
      ['command', manifest.command, null, null, null],
      ['as of', null, manifest.asOf, null, null],
      ['rule set', null, `${rules.length} rule(s)`, null, manifest.ruleSet.sha256],
      ...rules.map((r): ShownValue[] => ['rule', r.id, `version ${r.version}: ${r.counts.exceptions} exception(s)`, null, r.sha256]),
      ...manifest.inputs.map((i): ShownValue[] => ['input', i.file, null, i.size, i.sha256]),
      ...(baseline ? [['baseline', baseline.file, `as of ${baseline.asOf}`, baseline.size, baseline.sha256]] : []),
    ],
  };
}

/** How many rows a group of findings names before saying how many more. */
const FIRST_ROWS = 5;

/**
 * Findings grouped: one row per level, kind, rule, file and column, with how many there are, the
 * first rows named and the first message; errors first, then the largest group, then the order
 * they first appear in. The Findings sheet and the JSON report keep every one.
 */
export function findingGroupsTable(findings: readonly Finding[]): OutTable<ShownValue[][]> {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) addToGroup(groups, [f.level, f.kind, f.ruleId ?? '', f.file, f.sheet ?? '', f.column ?? ''].join('\u0000'), f);
  const rows = [...groups.values()].sort((a, b) => FINDING_LEVELS.indexOf(a[0]!.level) - FINDING_LEVELS.indexOf(b[0]!.level) || b.length - a.length);
  const rowsNamed = (list: readonly Finding[]) => {
    const numbers = [...new Set(list.flatMap((f) => (f.row === undefined ? [] : [f.row])))];
    if (!numbers.length) return null;
    const more = numbers.length > FIRST_ROWS ? ` and ${numbers.length - FIRST_ROWS} more` : '';
    return `${numbers.slice(0, FIRST_ROWS).join(', ')}${more}`;
  };
  return {
    name: 'Findings (grouped)',
    columns: [text('Level', 9), text('Kind', 18), text('Rule', 30), num('Count'), text('File', 30), text('Sheet', 14), text('Column', 22), text('Rows', 24), text('First Message', 80)],
    rows: rows.map((list) => {
      const f = list[0]!;
      return [f.level, f.kind, f.ruleId ?? null, list.length, f.file || null, f.sheet ?? null, f.column ?? null, rowsNamed(list), f.message];
    }),
  };
}

export function findingsTable(findings: readonly Finding[]): OutTable {
  return {
    name: 'Findings',
    columns: [text('Level', 9), text('Kind', 18), text('File', 30), text('Sheet', 14), num('Row'), text('Column', 26), text('Value', 20), text('Rule', 30), text('Message', 80)],
    rows: findings.map((f) => [f.level, f.kind, f.file, f.sheet ?? null, f.row ?? null, f.column ?? null, f.value ?? null, f.ruleId ?? null, f.message]),
  };
}

export function inputsTable(inputs: readonly InputSummary[]): OutTable {
  return {
    name: 'Inputs',
    columns: [text('File', 40), text('Sheet', 20), text('Dataset', 26), num('Header Row'), num('Rows'), num('Read by a Rule'), num('Only in Findings'), num('Blank Rows')],
    notes: [
      'Rows: the non-blank rows below the header row. Rows = Read by a Rule + Only in Findings.',
      'Read by a Rule: rows a rule that ran judged. Only in Findings: rows no rule in this run reads, or that could not be read (the Findings sheet says why).',
    ],
    rows: inputs.map((i) => [i.file, i.sheet === undefined ? null : `${i.sheet}${i.hidden ? ' (hidden)' : ''}`, i.dataset ?? 'not recognised', i.headerRow, i.rows, i.evaluated, i.reported, i.blankRows]),
  };
}

/** Unique sheet names of at most 31 characters, from each rule's sheetName or id. */
export function ruleSheetNames(rules: readonly RuleSummary[], reserved: readonly string[]): Map<string, string> {
  const used = new Set(reserved.map((n) => n.toLowerCase()));
  const names = new Map<string, string>();
  for (const r of rules) {
    const base = (r.sheetName ?? r.ruleId).replace(/[[\]:*?/\\]/g, '-').slice(0, 31);
    let name = base;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base.slice(0, 31 - String(k).length - 1)}~${k}`;
    used.add(name.toLowerCase());
    names.set(r.ruleId, name);
  }
  return names;
}

/** A rule's table whose rows the threads that found them write into its CSV file (see rendered.ts): counted here, never read. */
function renderedRuleTable(rule: RuleSummary, name: string, asOf: string, rendered: RenderedExceptions): OutTable {
  if (rendered.format !== 'csv') throw new Error(`Exceptions written as ${rendered.format} make no CSV file`);
  const { columns, printColumns } = ruleLayout(rule, [], { asOf, people: rendered.people.includes(rule.ruleId) });
  const size = rendered.blocks.reduce((n, b) => n + (b.ruleId === rule.ruleId ? b.size : 0), 0);
  if (size === 0) return { name, columns, printColumns, rows: [] };
  const rows: Rows = { length: rule.counts.exceptions, [Symbol.iterator]: () => { throw new Error('These rows are written by the threads that found them, into a CSV file only'); } };
  return { name, columns, printColumns, rows, later: { size, fill: (fd, at) => rendered.fill(fd, at, rule.ruleId) } };
}

/**
 * Every table of a check, in workbook order: Summary, the overviews, By Team, one per rule,
 * Resolved, Findings, Inputs, Manifest. With `rendered` (CSV), the rule tables' rows are those
 * lines, and `result.exceptions` is empty.
 */
export function checkTables(result: CheckResult, rendered?: RenderedExceptions): OutTable[] {
  const names = ruleSheetNames(result.rules, ['Summary', 'By Team', 'Resolved', 'Findings', 'Inputs', 'Manifest', ...result.overviews.map((o) => o.sheetName)]);
  const byRule = new Map<string, ExceptionRecord[]>();
  for (const { ruleId, start, end } of ruleStretches(result.exceptions)) {
    const stretch = result.exceptions.slice(start, end);
    const before = byRule.get(ruleId);
    byRule.set(ruleId, before ? before.concat(stretch) : stretch);
  }
  return [
    summaryTable(result),
    ...result.overviews.map(overviewOutTable),
    teamTable(result, rendered),
    ...result.rules.map((r) => (rendered ? renderedRuleTable(r, names.get(r.ruleId)!, result.asOf, rendered) : ruleTable(r, byRule.get(r.ruleId) ?? [], names.get(r.ruleId)!, { asOf: result.asOf }))),
    ...(result.baseline ? [resolvedTable(result.baseline.resolved)] : []),
    findingsTable(result.findings),
    inputsTable(result.inputs),
    ...(result.manifest ? [manifestTable(result.manifest)] : []),
  ];
}

/** Counts only, no row about a child: Summary, By Team, findings counted, Inputs, Manifest. */
export function aggregateTables(result: CheckResult): OutTable[] {
  return [
    summaryTable(result),
    teamTable(result),
    findingCountsTable(result.findings),
    inputsTable(result.inputs),
    ...(result.manifest ? [manifestTable(result.manifest)] : []),
  ];
}

/**
 * One team's workbook: Contents, the Summary filtered to the team, a sheet for each rule with
 * rows for the team (the same columns every week, baseline or not), its resolved ones, Inputs,
 * Manifest.
 */
export function teamTables(result: CheckResult, team: string): OutTable[] {
  const names = ruleSheetNames(result.rules, ['Contents', 'Summary', 'Resolved', 'Inputs', 'Manifest']);
  const mine = (e: ExceptionRecord) => teamOf(e) === team;
  const lists = result.rules
    .map((r) => ({ rule: r, rows: result.exceptions.filter((e) => e.ruleId === r.ruleId && mine(e)) }))
    .filter((l) => l.rows.length > 0)
    .map((l) => ({ ...l, table: ruleTable(l.rule, l.rows, names.get(l.rule.ruleId)!, { asOf: result.asOf, stable: true }) }));
  const resolved = result.baseline ? [resolvedTable(result.baseline.resolved.filter(mine))] : [];
  const contents: OutTable = {
    name: 'Contents',
    intro: [`${team}: compliance check as of ${ukIso(result.asOf)}`, 'Each sheet below lists this team\'s cases for one rule; click its name to open it.'],
    columns: [text('Sheet', 34), text('Rule', 60), num('Exceptions'), num('Most Days Overdue')],
    rows: [
      ...lists.map(({ rule, rows, table }): ShownValue[] => {
        const days = rows.map((e) => daysOverdue(result.asOf, e.dueDate)).filter((d): d is number => d !== null);
        return [table.name, rule.title, rows.length, days.length ? Math.max(...days) : null];
      }),
      ...resolved.map((t): ShownValue[] => [t.name, 'Resolved since last week\'s report', t.rows.length, null]),
    ],
    sheetLinks: 0,
  };
  return [contents, summaryTable(result, team), ...lists.map((l) => l.table), ...resolved, inputsTable(result.inputs), ...(result.manifest ? [manifestTable(result.manifest)] : [])];
}
