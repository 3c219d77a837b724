/**
 * Bench data: the demo county's extracts replicated to the requested number of rows, as CSV
 * (one file per dataset) and as one .xlsx workbook (one sheet per dataset). Only the datasets
 * the rule pack's rules read are written, each scaled by the same factor so the proportions of
 * the demo hold. Replica k appends "-k" to every id column, so each replica's children and homes
 * are distinct and the rows that relate (visits to homes, episodes to children) still match.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import type { DatasetDef } from '../../src/datasets/dataset.js';
import { readTables } from '../../src/engine/run-check.js';
import { ukDate } from '../../src/engine/format.js';
import { readInputs } from '../../src/node/read-inputs.js';
import { PACKAGE_ROOT } from '../../src/node/paths.js';
import type { RulePack } from '../../src/rules/rule-pack.js';
import { datasetsOf } from '../../src/rules/rule.js';
import type { TypedRow } from '../../src/typing/typed-table.js';
import { Invalid, type Value } from '../../src/typing/value.js';
import { writeLines } from './write-lines.js';

const EXCEL_EPOCH = 25569;

interface Source {
  dataset: DatasetDef;
  columns: string[];
  rows: TypedRow[];
}

/** The demo rows of every dataset some rule reads (its own or a related dataset). */
async function demoSources(pack: RulePack): Promise<Source[]> {
  const wanted = new Set(pack.rules.flatMap(datasetsOf));
  const { tables } = readTables((await readInputs([join(PACKAGE_ROOT, 'fixtures', 'demo')])).tables, pack.datasets);
  const sources = new Map<string, Source>();
  for (const t of tables) {
    if (!wanted.has(t.dataset.id)) continue;
    const source = sources.get(t.dataset.id) ?? { dataset: t.dataset, columns: t.columns, rows: [] };
    source.rows.push(...t.rows);
    sources.set(t.dataset.id, source);
  }
  return [...sources.values()].sort((a, b) => (a.dataset.id < b.dataset.id ? -1 : 1));
}

type Cell = string | number | null;

/** One generated row: the demo row's values, ids made distinct per replica. */
function cells(source: Source, row: TypedRow, replica: number, asText: boolean): Cell[] {
  return source.columns.map((column) => {
    const value: Value = row.values[column] ?? null;
    if (value === null) return null;
    if (value instanceof Invalid) return value.raw;
    const type = source.dataset.columns[column]?.type;
    if (type === 'id') return `${value}-${replica}`;
    if (type === 'date' && typeof value === 'number') return asText ? ukDate(value) : value + EXCEL_EPOCH;
    return value;
  });
}

const csvField = (v: Cell): string => {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export interface GeneratedData {
  csvDir: string;
  xlsxFile: string;
  /** Data rows written per dataset (the same in the CSV files and the workbook). */
  rows: Record<string, number>;
}

/** Rows per dataset so that they add up to `total`, each dataset in its demo proportion. */
function rowCounts(sources: Source[], total: number): number[] {
  const demoTotal = sources.reduce((n, s) => n + s.rows.length, 0);
  return sources.map((s) => Math.max(1, Math.round((s.rows.length * total) / demoTotal)));
}

function* generatedRows(source: Source, count: number, asText: boolean): Generator<Cell[]> {
  const n = source.rows.length;
  for (let i = 0; i < count; i++) yield cells(source, source.rows[i % n]!, Math.floor(i / n), asText);
}

function writeCsvFile(path: string, source: Source, count: number): void {
  writeLines(path, (function* () {
    yield source.columns.map(csvField).join(',');
    for (const row of generatedRows(source, count, true)) yield row.map(csvField).join(',');
  })());
}

function xlsxSheet(source: Source, count: number): XLSX.WorkSheet {
  const data: XLSX.CellObject[][] = [source.columns.map((c) => ({ t: 's', v: c }))];
  for (const row of generatedRows(source, count, false)) {
    data.push(row.map((v): XLSX.CellObject => (v === null ? { t: 'z' } : typeof v === 'number' ? { t: 'n', v } : { t: 's', v })));
  }
  const sheet: XLSX.WorkSheet = { '!data': data } as unknown as XLSX.WorkSheet;
  sheet['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: count, c: source.columns.length - 1 } });
  return sheet;
}

/** Writes `total` rows (all datasets together) under `dir`, as CSV files and as one workbook. */
export async function generate(pack: RulePack, dir: string, total: number, withXlsx: boolean): Promise<GeneratedData> {
  const sources = await demoSources(pack);
  const counts = rowCounts(sources, total);
  const csvDir = join(dir, 'csv');
  mkdirSync(csvDir, { recursive: true });
  const xlsxFile = join(dir, 'extracts.xlsx');
  const rows: Record<string, number> = {};
  sources.forEach((s, i) => {
    rows[s.dataset.id] = counts[i]!;
    writeCsvFile(join(csvDir, `${s.dataset.id}.csv`), s, counts[i]!);
  });
  if (withXlsx) {
    const workbook = XLSX.utils.book_new();
    sources.forEach((s, i) => XLSX.utils.book_append_sheet(workbook, xlsxSheet(s, counts[i]!), s.dataset.id.slice(0, 31)));
    writeFileSync(xlsxFile, XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx', compression: true, dense: true } as XLSX.WritingOptions) as Buffer);
  }
  return { csvDir, xlsxFile, rows };
}
