// The data as it stood on the as-of date (issue 23). Re-running a check with an earlier --as-of
// must give what a check on that day would have given, for every rule in the pack: the demo
// county's extracts are written out as they stood on an earlier day (rows whose start or record
// came later dropped, later events, completions and ends blanked with the columns they date, by
// what each dataset says its date columns are), and both are checked with that day as the as-of date.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dayFromIso, isoFromDay } from '../../src/calendar/index.js';
import type { DatasetDef, DateIs } from '../../src/datasets/dataset.js';
import { recogniseTable } from '../../src/datasets/recognise.js';
import { loadPack } from '../../src/node/load-pack.js';
import { readInputs } from '../../src/node/read-inputs.js';
import type { RawCell } from '../../src/read/raw-table.js';
import { columnsReadBy, EVERY_COLUMN } from '../../src/rules/columns-read.js';
import { datasetsOf } from '../../src/rules/rule.js';
import { typeCell } from '../../src/typing/type-cell.js';
import { complyHere, ROOT, tempDir } from '../helpers/cli.js';

const pack = loadPack();
const demo = (await readInputs([join(ROOT, 'fixtures', 'demo')])).tables;

/** What a date after the day means, as the docs state it: the row is not there yet, or the date is empty. */
const rowNotThereYet = (dateIs: DateIs | undefined) => dateIs === 'start' || dateIs === 'record';

const csvCell = (cell: RawCell): string => {
  const text = cell === null || cell === undefined ? '' : typeof cell === 'object' && 'error' in cell ? cell.error : String(cell);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * Each demo sheet as a CSV file, from its header row on; date cells written as ISO text. With a
 * day, as the sheet stood on that day. Returns how many rows were dropped and dates blanked.
 */
function writeExtracts(dir: string, day?: number): { dropped: number; blanked: number } {
  mkdirSync(dir, { recursive: true });
  let dropped = 0;
  let blanked = 0;
  for (const [i, table] of demo.entries()) {
    const recognised = recogniseTable(table.rows.slice(0, 20), pack.datasets);
    if (!recognised.ok) continue;
    const { dataset, headerIndex, columnIndex } = recognised.match;
    const dates = Object.entries(columnIndex).filter(([column]) => dataset.columns[column]!.type === 'date');
    const lines = [table.rows[headerIndex]!.map(csvCell).join(',')];
    for (const raw of table.rows.slice(headerIndex + 1)) {
      const cells = [...raw];
      let there = true;
      const notYet = new Set<string>();
      for (const [column, index] of dates) {
        const value = typeCell(cells[index], 'date');
        if (typeof value !== 'number') continue;
        cells[index] = isoFromDay(value);
        if (day === undefined || value <= day) continue;
        if (rowNotThereYet((dataset as DatasetDef).columns[column]!.dateIs)) there = false;
        else {
          cells[index] = null;
          notYet.add(column);
          blanked++;
        }
      }
      // A column dated by a date not yet reached (an inspection's judgement) had not been recorded either.
      for (const [column, index] of Object.entries(columnIndex)) {
        const datedBy = (dataset as DatasetDef).columns[column]!.datedBy;
        if (datedBy !== undefined && notYet.has(datedBy)) cells[index] = null;
      }
      if (there) lines.push(cells.map(csvCell).join(','));
      else dropped++;
    }
    writeFileSync(join(dir, `${i + 1}-${dataset.id}.csv`), `${lines.join('\n')}\n`);
  }
  return { dropped, blanked };
}

interface Report {
  exceptions: ({ ruleId: string; source: unknown } & Record<string, unknown>)[];
  summary: { rules: { ruleId: string; ran: boolean; counts: Record<string, number> }[] };
}

async function check(dir: string, asOf: string): Promise<Report> {
  const out = join(dir, 'report.json');
  const run = await complyHere('check', '--data', join(dir, 'extracts'), '--as-of', asOf, '--out', out, '--quiet');
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(readFileSync(out, 'utf8')) as Report;
}

/** A rule's exceptions and judgement counts, without where each row was (rows dropped move the rest up). */
function byRule(report: Report, ruleId: string) {
  const rule = report.summary.rules.find((r) => r.ruleId === ruleId)!;
  const { checked, passed, exceptions, merged, notEvaluable } = rule.counts;
  return {
    ran: rule.ran,
    counts: { checked, passed, exceptions, merged, notEvaluable },
    exceptions: report.exceptions.filter((e) => e.ruleId === ruleId).map(({ source: _source, ...rest }) => rest),
  };
}

describe('an earlier --as-of on this week’s extracts gives what a check on that day gave', () => {
  for (const asOf of ['2016-10-31', '2016-12-14', '2017-01-11']) {
    it(`for every rule in the pack, as at ${asOf}`, async () => {
      const now = tempDir('comply-now-');
      const then = tempDir('comply-then-');
      writeExtracts(join(now, 'extracts'));
      const stood = writeExtracts(join(then, 'extracts'), dayFromIso(asOf)!);
      expect(stood.dropped).toBeGreaterThan(0);
      expect(stood.blanked).toBeGreaterThan(0);
      const [later, onTheDay] = [await check(now, asOf), await check(then, asOf)];
      expect(later.summary.rules.map((r) => r.ruleId)).toEqual(pack.rules.map((r) => r.id).sort());
      for (const rule of pack.rules) {
        const seen = byRule(later, rule.id);
        expect(seen.ran, rule.id).toBe(true);
        expect.soft(seen, rule.id).toEqual(byRule(onTheDay, rule.id));
      }
    }, 120_000);
  }
});

describe('dates after the as-of date, as a user sees them', () => {
  const AS_OF = '2017-01-18';
  const extracts = () => {
    const dir = tempDir('comply-later-');
    writeFileSync(
      join(dir, 'homes.csv'),
      ['URN,Setting Name,Provider Type,Registration Date,Closed Date', "SC1,Home One,Children's Home,01/01/2010,", "SC2,Home Two,Children's Home,19/01/2017,"].join('\n'),
    );
    writeFileSync(
      join(dir, 'visits.csv'),
      [
        'URN,Setting Name,Visit Date,Independent Person,Report Sent Date',
        'SC1,Home One,01/12/2016,IP One,19/01/2017',
        ...['19/01/2017', '20/01/2017', '21/01/2017', '22/01/2017', '23/01/2017', '24/01/2017'].map((d) => `SC1,Home One,${d},IP One,`),
      ].join('\n'),
    );
    writeFileSync(
      join(dir, 'episodes.csv'),
      ['CHILD,DECOM,RNE,LS,PLACE,DEC,REC', '1001,04/01/2016,S,C2,U4,,', '1001,19/01/2017,P,C2,U5,,', '1002,19/01/2017,S,C2,U4,,', '1003,20/01/2017,S,C2,U4,,'].join('\n'),
    );
    writeFileSync(join(dir, 'reviews.csv'), ['CHILD,REVIEW,REVIEW_CODE', '1001,01/02/2016,PN1'].join('\n'));
    return dir;
  };

  it('a finding per sheet and column counts them and names the first rows as Excel shows them, quoting no cell', async () => {
    const run = await complyHere('check', '--data', extracts(), '--as-of', AS_OF, '--format', 'json', '--quiet');
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { findings: { file: string; kind: string; level: string; column?: string; message: string; value?: string }[] };
    const later = report.findings.filter((f) => f.kind === 'future-date');
    expect(later.map((f) => [f.file.replace(/.*\//, ''), f.column, f.level, f.message.replace(/\):.*/, ')')])).toEqual([
      ['episodes.csv', 'DECOM', 'info', '3 dates after the as-of date in "DECOM" (rows 3, 4, 5)'],
      ['homes.csv', 'Registration Date', 'info', '1 date after the as-of date in "Registration Date" (row 3)'],
      ['visits.csv', 'Report Sent Date', 'info', '1 date after the as-of date in "Report Sent Date" (row 2)'],
      ['visits.csv', 'Visit Date', 'info', '6 dates after the as-of date in "Visit Date" (rows 3, 4, 5, 6, 7 and 1 more)'],
    ]);
    expect(later.find((f) => f.column === 'Visit Date')!.message).toContain('what those rows record had not happened at the as-of date, so they are left out');
    expect(later.find((f) => f.column === 'Report Sent Date')!.message).toContain('each is read as not yet done at the as-of date (empty)');
    for (const f of later) {
      expect(f.value).toBeUndefined();
      expect(f.message).not.toMatch(/\d\d\/\d\d\/\d{4}|Home One|IP One/);
    }
  }, 30_000);

  it('a row not there yet is counted as not applicable, once per group when a rule judges groups', async () => {
    const run = await complyHere('check', '--data', extracts(), '--as-of', AS_OF, '--format', 'json', '--quiet');
    const report = JSON.parse(run.stdout) as Report;
    const counts = (id: string) => report.summary.rules.find((r) => r.ruleId === id)!.counts;
    // SC2, registered after the as-of date, is not active; SC1 is judged.
    expect(counts('inspection.full-overdue')).toMatchObject({ considered: 2, notApplicable: 1, checked: 1 });
    // Six visits after the as-of date are not there yet; the report of 01/12/2016 was unsent and late at the as-of date.
    expect(counts('reg44.report-late')).toMatchObject({ considered: 7, notApplicable: 6, checked: 1, exceptions: 1 });
    expect(report.exceptions.filter((e) => e.ruleId === 'reg44.report-late').map((e) => e.id)).toEqual(['reg44.report-late:SC1:2016-12-29']);
    // Child 1001's later episode leaves its period judged; children 1002 and 1003 had no episode yet: two groups not applicable.
    expect(counts('practice.lac-review-chain')).toMatchObject({ notApplicable: 2 });
  }, 30_000);

  it('an inspection after the as-of date had not happened, so neither had its judgement', async () => {
    const dir = tempDir('comply-inspected-later-');
    writeFileSync(
      join(dir, 'providers.csv'),
      [
        'URN,Setting Name,Provider Type,Registration Date,Full Inspection Start Date,Overall Effectiveness,Interim Inspection Start Date,Interim Inspection Overall Effectiveness',
        "SC1,Home One,Children's Home,01/04/2003,18/02/2017,Inadequate,,",
        "SC2,Home Two,Children's Home,01/04/2003,28/06/2016,Requires improvement to be good,19/01/2017,Improved effectiveness",
      ].join('\n'),
    );
    const run = await complyHere('check', '--data', dir, '--as-of', AS_OF, '--format', 'json', '--quiet');
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as Report & { findings: { kind: string; column?: string; message: string }[] };
    const overdue = report.exceptions.filter((e) => e.ruleId === 'inspection.full-overdue');
    expect(overdue.map((e) => [e.subject, e.message, e.columns])).toEqual([
      [
        'SC1',
        'Full inspection was due by 01/04/2004; latest full inspection: none, judgement: none; registered 01/04/2003',
        { 'Setting Name': 'Home One', 'Latest Full Inspection': null, Judgement: null, 'Registration Date': '2003-04-01' },
      ],
    ]);
    const later = report.findings.filter((f) => f.kind === 'future-date');
    expect(later.map((f) => [f.column, f.message.replace(/\. A date in the future.*/, '')])).toEqual([
      ['Full Inspection Start Date', '1 date after the as-of date in "Full Inspection Start Date" (row 2): each is read as not yet happened at the as-of date (empty), and so is "Overall Effectiveness" on those rows (not recorded yet)'],
      // No rule reads the interim judgement, so the rows do not hold it: nothing else was read empty.
      ['Interim Inspection Start Date', '1 date after the as-of date in "Interim Inspection Start Date" (row 3): each is read as not yet happened at the as-of date (empty)'],
    ]);
  }, 30_000);
});

describe('every rule’s cases', () => {
  it('put a date after the as-of date in each date column the rule reads', () => {
    const missing: string[] = [];
    for (const rule of pack.rules) {
      const cases = pack.cases.find((c) => c.rule === rule.id)?.cases ?? [];
      for (const id of new Set(datasetsOf(rule))) {
        const dataset = pack.datasets.find((d) => d.id === id)!;
        const read = columnsReadBy([rule], [], pack.datasets).get(id);
        const columns = Object.keys(dataset.columns).filter((c) => dataset.columns[c]!.type === 'date' && (read === EVERY_COLUMN || read?.has(c)));
        for (const column of columns) {
          const later = cases.some((c) => (c.data[id] ?? []).some((row) => {
            const day = typeCell(row[column], 'date');
            return typeof day === 'number' && day > dayFromIso(c.asOf)!;
          }));
          if (!later) missing.push(`${rule.id}: ${id} "${column}"`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
