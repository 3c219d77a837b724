// Shared helpers for the demo generator: seeded PRNG, UTC day arithmetic, and
// deterministic xlsx / csv writers. Dates are "day numbers" (days since 1970-01-01 UTC).
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';

XLSX.set_fs(fs);

// ---------- PRNG ----------
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** mulberry32: float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [lo, hi] inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from empty list');
    return item;
  }
  /** Pick using [value, weight] pairs. */
  weighted<T>(pairs: readonly (readonly [T, number])[]): T {
    const total = pairs.reduce((s, [, w]) => s + w, 0);
    let x = this.next() * total;
    for (const [v, w] of pairs) {
      x -= w;
      if (x < 0) return v;
    }
    return pairs[pairs.length - 1]![0];
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }
  /** k distinct indices from [0, n). */
  sample(n: number, k: number): number[] {
    return this.shuffle([...Array(n).keys()]).slice(0, k).sort((a, b) => a - b);
  }
}

// ---------- dates (day numbers) ----------
const MS_PER_DAY = 86_400_000;
export const ymd = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / MS_PER_DAY;
export const AS_OF = ymd(2017, 1, 18);
export const EXCEL_EPOCH_OFFSET = 25569;
export const toSerial = (day: number): number => day + EXCEL_EPOCH_OFFSET;

export function parts(day: number): { y: number; m: number; d: number } {
  const dt = new Date(day * MS_PER_DAY);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}
export function fmt(day: number): string {
  const { y, m, d } = parts(day);
  return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
}
export function iso(day: number): string {
  const { y, m, d } = parts(day);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
export function addMonths(day: number, n: number): number {
  const { y, m, d } = parts(day);
  const last = new Date(Date.UTC(y, m - 1 + n + 1, 0)).getUTCDate();
  return Date.UTC(y, m - 1 + n, Math.min(d, last)) / MS_PER_DAY;
}
export const addYears = (day: number, n: number): number => addMonths(day, 12 * n);
export const isWeekend = (day: number): boolean => {
  const dow = (day + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  return dow === 0 || dow === 6;
};
/** Add n working days (Mon-Fri; bank holidays ignored). */
export function addWorkingDays(day: number, n: number): number {
  let d = day;
  let left = n;
  while (left > 0) {
    d += 1;
    if (!isWeekend(d)) left -= 1;
  }
  return d;
}
export function workingDaysBetween(from: number, to: number): number {
  let n = 0;
  for (let d = from + 1; d <= to; d++) if (!isWeekend(d)) n++;
  return n;
}
/** Move a weekend day forward to Monday. */
export const weekday = (day: number): number => (isWeekend(day) ? weekday(day + 1) : day);
export const ageYears = (dob: number, at: number = AS_OF): number => (at - dob) / 365.25;
export function wholeYears(dob: number, at: number = AS_OF): number {
  const a = parts(dob);
  const b = parts(at);
  return b.y - a.y - (b.m < a.m || (b.m === a.m && b.d < a.d) ? 1 : 0);
}

// ---------- xlsx ----------
/** A date cell marker. */
export interface DateCell {
  date: number;
}
export type Cell = string | number | null | DateCell;
export const D = (day: number | null | undefined): DateCell | null =>
  day === null || day === undefined ? null : { date: day };

export interface SheetSpec {
  name: string;
  header: readonly string[];
  rows: Cell[][];
}

function toXlsxCell(v: Cell): XLSX.CellObject | undefined {
  if (v === null) return undefined;
  if (typeof v === 'string') return { t: 's', v };
  if (typeof v === 'number') return { t: 'n', v };
  return { t: 'n', v: toSerial(v.date), z: 'dd/mm/yyyy' };
}

function buildSheet(spec: SheetSpec): XLSX.WorkSheet {
  const ws: XLSX.WorkSheet = {};
  const all: Cell[][] = [[...spec.header], ...spec.rows];
  let maxC = 0;
  all.forEach((row, r) => {
    row.forEach((v, c) => {
      const cell = toXlsxCell(v);
      if (cell) ws[XLSX.utils.encode_cell({ r, c })] = cell;
    });
    maxC = Math.max(maxC, row.length - 1);
  });
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: all.length - 1, c: maxC } });
  return ws;
}

const FIXED_DATE = new Date(Date.UTC(2017, 0, 18));

export function writeXlsx(file: string, sheets: SheetSpec[]): void {
  const wb = XLSX.utils.book_new();
  for (const s of sheets) XLSX.utils.book_append_sheet(wb, buildSheet(s), s.name);
  wb.Props = {
    Title: path.basename(file),
    Author: 'csc-comply demo generator (fake data)',
    LastAuthor: 'csc-comply demo generator (fake data)',
    CreatedDate: FIXED_DATE,
    ModifiedDate: FIXED_DATE,
  };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const buf = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
  fs.writeFileSync(file, buf);
}

// ---------- csv ----------
const csvField = (v: string | number | null): string => {
  if (v === null) return '';
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
export function writeCsv(file: string, header: readonly string[], rows: (string | number | null)[][]): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const lines = [header.join(','), ...rows.map((r) => r.map(csvField).join(','))];
  fs.writeFileSync(file, lines.join('\n') + '\n');
}
