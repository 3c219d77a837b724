// Two weeks of demo data for the weekly end-to-end tests, and a run that must complete: week 1 holds the demo files the shipped
// rules read (List 6 of Annex A, the homes, Reg 44 visits), so each run is quick; week 2 is
// derived from it by scripts/demo/week2.ts.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import * as XLSX from 'xlsx';
import { writeWeek2 } from '../../scripts/demo/week2.js';
import { complyHere } from '../helpers/cli.js';

export { WEEK2_AS_OF } from '../../scripts/demo/week2.js';

/** Writes week1/ and week2/ under `dir`; returns the Child Unique IDs of the cases closed in between. */
export function demoWeeks(dir: string): { week1: string; week2: string; closed: string[] } {
  const [week1, week2] = [path.join(dir, 'week1'), path.join(dir, 'week2')];
  fs.mkdirSync(week1, { recursive: true });
  for (const file of ['ofsted-children-homes.xlsx', 'reg44-visits.xlsx']) fs.copyFileSync(path.join('fixtures/demo', file), path.join(week1, file));
  const annex = XLSX.read(fs.readFileSync('fixtures/demo/annex-a.xlsx'), { cellNF: true });
  const list6 = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(list6, annex.Sheets['List 6']!, 'List 6');
  fs.writeFileSync(path.join(week1, 'annex-a.xlsx'), XLSX.write(list6, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  return { week1, week2, closed: writeWeek2(week1, week2) };
}

/** Runs comply in this process and expects it to complete (exit 0). */
export async function ok(...args: string[]) {
  const run = await complyHere(...args);
  expect(run.status, run.stderr).toBe(0);
  return run;
}
