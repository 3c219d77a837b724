// The demo county a week later (as of 25/01/2017), derived from fixtures/demo without randomness:
// every 15th child in need case that was drifting on 18/01/2017 is closed on 20/01/2017, so the
// weekly run shows resolved cases; cases that pass six months between the two dates show as new.
// Week n (writeWeek) carries on: by then n - 1 of every 15 of those cases are closed, each batch
// five days before its week's as-of date.
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { toSerial, ymd } from './core.js';

XLSX.set_fs(fs);

export const WEEK2_AS_OF = '2017-01-25';
const WEEK1_DRIFT_START_BEFORE = toSerial(ymd(2016, 7, 18));
const EVERY = 15;

/** The as-of date of demo week n (week 1 is 18/01/2017), as ISO text. */
export const weekAsOf = (week: number): string => new Date(Date.UTC(2017, 0, 18 + 7 * (week - 1))).toISOString().slice(0, 10);

function copyTree(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const [src, dst] = [path.join(from, entry.name), path.join(to, entry.name)];
    if (entry.isDirectory()) copyTree(src, dst);
    else fs.copyFileSync(src, dst);
  }
}

/** Writes week 2 into `to` from week 1 in `from`; returns the Child Unique IDs of the cases it closed. */
export const writeWeek2 = (from: string, to: string): string[] => writeWeek(from, to, 2);

/** Writes week n (2 or later) into `to` from week 1 in `from`; returns the Child Unique IDs of the cases closed by then. */
export function writeWeek(from: string, to: string, week: number): string[] {
  copyTree(from, to);
  const file = path.join(to, 'annex-a.xlsx');
  const wb = XLSX.readFile(file, { dense: true, cellNF: true });
  const rows = (wb.Sheets['List 6'] as unknown as { '!data': (XLSX.CellObject | undefined)[][] })['!data'];
  const header = rows[0]!.map((c) => String(c?.v ?? ''));
  const [id, start, closure] = ['Child Unique ID', 'CIN Start Date', 'CIN Closure Date'].map((h) => header.indexOf(h)) as [number, number, number];
  const drifting = rows.slice(1).filter((r) => r[closure]?.v === undefined && typeof r[start]?.v === 'number' && (r[start]!.v as number) < WEEK1_DRIFT_START_BEFORE);
  const closed = drifting.filter((_, i) => i % EVERY < week - 1);
  drifting.forEach((row, i) => {
    if (i % EVERY >= week - 1) return;
    const [y, m, d] = weekAsOf(i % EVERY + 2).split('-').map(Number) as [number, number, number];
    row[closure] = { t: 'n', v: toSerial(ymd(y, m, d - 5)), z: 'dd/mm/yyyy' };
  });
  const date = new Date(`${weekAsOf(week)}T00:00:00Z`);
  wb.Props = { ...wb.Props, CreatedDate: date, ModifiedDate: date };
  XLSX.writeFile(wb, file, { bookType: 'xlsx', compression: true });
  return closed.map((r) => String(r[id]?.v));
}
