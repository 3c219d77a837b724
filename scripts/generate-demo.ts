/**
 * Demo data generator for csc-comply: a fake county's extracts at as-of date 18/01/2017.
 * Run: npx tsx scripts/generate-demo.ts   (or npm run generate:demo). All rows are fake.
 * Deterministic: seeded mulberry32 PRNG, fixed workbook properties -> byte-identical output.
 *
 * DELIBERATE ANOMALIES (exactly three rows, all in fixtures/demo/annex-a.xlsx sheet "List 6"):
 *   1. Excel row 213:  CIN Start Date is the text '31/02/2016' (an impossible date).
 *   2. Excel row 689:  CIN Start Date is the text 'TBC'.
 *   3. Excel row 1045: exact duplicate of Excel row 404 (same Child Unique ID twice).
 * (Row numbers count the header as row 1; the generator checks them and prints them.)
 * Everything else is "realistic" non-compliance (late reviews, missed visits, ...) - see the
 * summary printed at the end of a run for the counts a checker should find.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Cell, Rng, type SheetSpec, writeCsv, writeXlsx } from './demo/core.js';
import { ANNEX_A_HEADERS } from './demo/annex-a-headers.js';
import {
  LIST4_COUNTS, LIST6_COUNTS, list1Rows, list2Rows, list3Rows, list4Rows, list5Rows, list6Rows, list7Rows, list9Rows, list11Rows,
} from './demo/annex-a.js';
import {
  DURHAM_HOMES, EXTRA_HOMES, REG44_HEADER, REG44_LATE_REPORTS, REG44_MISSED, REG44_UNSENT_REPORTS, REG45_HEADER, REG45_LATE_REPORTS,
  REG45_MISSED_HOME, UNKNOWN_HOME, providerSheets, reg44Rows, reg45Rows,
} from './demo/homes.js';
import { EPISODE_COLS, HEADER_COLS, REVIEW_COLS, type HolidayCalendar, buildLookedAfter, reviewFindings, ssda903Rows } from './demo/looked-after.js';
import { list8Rows, list10Rows } from './demo/list8.js';
import { ChildFactory, NameGen, buildStaffing, pickOverdue, staffRows, supervisionRows } from './demo/people.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEMO = path.join(ROOT, 'fixtures', 'demo');
const SEED = 20170118;
const EXPECTED_ANOMALY_ROWS = { badDate: 213, tbc: 689, duplicate: 1045, duplicateOf: 404 };

/** Independent streams so that changing one extract does not reshuffle the others. */
const stream = (n: number): Rng => new Rng(SEED + 7919 * n);

function annexSheets(rows: Record<string, Cell[][]>): SheetSpec[] {
  return Object.keys(ANNEX_A_HEADERS).map((name) => ({ name, header: ANNEX_A_HEADERS[name]!, rows: rows[name] ?? [] }));
}

function main(): void {
  const staff = buildStaffing(stream(1), new NameGen(stream(2)));
  const kids = new ChildFactory(stream(3));
  const homes = [...DURHAM_HOMES, ...EXTRA_HOMES];
  const ownHomes = homes.filter((h) => h.closed === null && !h.subtype.includes('Secure')).map((h) => h.urn);

  const lac = buildLookedAfter(stream(4), kids, 440, { ownHomeUrns: ownHomes });
  const l6 = list6Rows(stream(5), kids, staff);
  const l5 = list5Rows(stream(6), kids, staff, 200);
  const l7 = list7Rows(stream(7), kids, staff, l5.plans.slice(0, 45), 250);
  const l8 = list8Rows(stream(8), lac, staff);
  const l10 = list10Rows(stream(9), lac);
  const rngMisc = stream(10);
  const earlyLists: Record<string, Cell[][]> = {
    'List 1': list1Rows(rngMisc, kids, 220),
    'List 2': list2Rows(rngMisc, kids, 80),
    'List 3': list3Rows(rngMisc, kids, staff, 240),
    'List 4': list4Rows(stream(11), kids, staff),
  };
  const l9 = list9Rows(stream(12), kids, staff, 150); // after Lists 1-4: children are drawn in this order
  const lists: Record<string, Cell[][]> = {
    ...earlyLists,
    'List 5': l5.rows,
    'List 6': l6.rows,
    'List 7': l7.rows,
    'List 8': l8.rows,
    'List 9': l9.rows,
    'List 10': l10.rows,
    'List 11': list11Rows(stream(13), l10.families, 8),
  };
  checkAnomalies(l6.anomalies);
  writeXlsx(path.join(DEMO, 'annex-a.xlsx'), annexSheets(lists));

  writeXlsx(path.join(DEMO, 'ofsted-children-homes.xlsx'), providerSheets(homes));
  writeXlsx(path.join(ROOT, 'fixtures', 'durham-homes', 'ofsted-children-homes.xlsx'), providerSheets(DURHAM_HOMES));
  const reg44 = reg44Rows(stream(14), homes);
  writeXlsx(path.join(DEMO, 'reg44-visits.xlsx'), [{ name: 'Reg 44 visits', header: REG44_HEADER, rows: reg44 }]);
  const reg45 = reg45Rows(stream(15), homes);
  writeXlsx(path.join(DEMO, 'reg45-reviews.xlsx'), [{ name: 'Reg 45 reviews', header: REG45_HEADER, rows: reg45 }]);

  const overdue = pickOverdue(stream(16), staff);
  const staffList = staffRows(staff);
  writeXlsx(path.join(DEMO, 'staff.xlsx'), [{ name: 'Staff', header: ['Worker ID', 'Worker Name', 'Team', 'Role', 'Start Date', 'End Date'], rows: staffList }]);
  const sup = supervisionRows(stream(17), staff, overdue);
  writeXlsx(path.join(DEMO, 'supervision.xlsx'), [{ name: 'Supervision', header: ['Worker ID', 'Supervision Date'], rows: sup }]);

  const s903 = ssda903Rows(stream(18), lac);
  writeCsv(path.join(DEMO, 'ssda903', 'header.csv'), HEADER_COLS, s903.header);
  writeCsv(path.join(DEMO, 'ssda903', 'episodes.csv'), EPISODE_COLS, s903.episodes);
  writeCsv(path.join(DEMO, 'ssda903', 'reviews.csv'), REVIEW_COLS, s903.reviews);

  const reviews = reviewFindings(lac, shippedCalendar());
  const summary = {
    asOf: '2017-01-18',
    rows: { ...Object.fromEntries(Object.entries(lists).map(([k, v]) => [k, v.length])), reg44: reg44.length, reg45: reg45.length, staff: staffList.length, supervision: sup.length, ssda903: { header: s903.header.length, episodes: s903.episodes.length, reviews: s903.reviews.length } },
    anomalies: EXPECTED_ANOMALY_ROWS,
    list6: { ...LIST6_COUNTS, openMoreThanSixMonths: LIST6_COUNTS.openLong, openReadableRows: LIST6_COUNTS.openLong + LIST6_COUNTS.openShort + 1 },
    list4: LIST4_COUNTS,
    list5: l5.counts,
    list7: l7.counts,
    list8: l8.extras,
    list9: l9.counts,
    ssda903Reviews: { lateHeld: reviews.lateHeld, openPeriodsOverdue: reviews.overdueOpen, notEvaluable: reviews.notEvaluable },
    reg44: { missedMonths2016: REG44_MISSED, lateReports: REG44_LATE_REPORTS, unsentReports: REG44_UNSENT_REPORTS, unknownUrn: UNKNOWN_HOME },
    reg45: { missedReviewHome: REG45_MISSED_HOME, lateReports: REG45_LATE_REPORTS },
    supervisionOverdue: [...overdue].sort(),
    leavers: staff.leavers.map((w) => w.id),
    durhamUrns: Object.fromEntries(DURHAM_HOMES.map((h) => [h.name, h.urn])),
  };
  console.log(JSON.stringify(summary, null, 1));
}

/** The bank holidays the project ships, as the review-chain rule counts working days with them. */
function shippedCalendar(): HolidayCalendar {
  const file = path.join(ROOT, 'rules', 'calendars', 'bank-holidays-england-and-wales.json');
  const dates = (JSON.parse(fs.readFileSync(file, 'utf8')) as { dates: string[] }).dates;
  const years = dates.map((d) => Number(d.slice(0, 4)));
  return { holidays: new Set(dates.map((d) => Date.parse(d) / 86400000)), firstYear: Math.min(...years), lastYear: Math.max(...years) };
}

function checkAnomalies(a: { badDate: number; tbc: number; duplicate: number; duplicateOf: number }): void {
  const actual = { badDate: a.badDate + 2, tbc: a.tbc + 2, duplicate: a.duplicate + 2, duplicateOf: a.duplicateOf + 2 };
  if (JSON.stringify(actual) !== JSON.stringify(EXPECTED_ANOMALY_ROWS)) {
    throw new Error(`List 6 anomaly rows moved: ${JSON.stringify(actual)}; update the header comment and EXPECTED_ANOMALY_ROWS`);
  }
}

main();
