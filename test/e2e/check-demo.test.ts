import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { comply, complyHere, tempDir } from '../helpers/cli.js';
import { openWorkbook } from '../helpers/workbook.js';

interface Report {
  asOf: string;
  exceptions: { id: string; ruleId: string; subject: string; dueDate: string; team: string | null; columns: Record<string, unknown> }[];
  findings: { kind: string; file: string; sheet?: string; row?: number; column?: string; value?: string; ruleId?: string }[];
  summary: { rules: { ruleId: string; ran: boolean; counts: { considered: number; notApplicable: number; checked: number; passed: number; exceptions: number; merged: number; notEvaluable: number } }[] };
}

const out = tempDir();
let report: Report;

beforeAll(() => {
  const run = comply('check', '--data', 'fixtures/demo', '--as-of', '2017-01-18', '--out', join(out, 'week.json'));
  expect(run.stderr).toContain('written to');
  expect(run.status).toBe(0);
  report = JSON.parse(readFileSync(join(out, 'week.json'), 'utf8')) as Report;
});

describe('comply check on the demo county at 18 January 2017', () => {
  it('finds the 180 drifting child in need cases and the 6 months with no Reg 44 visit', async () => {
    const count = (rule: string) => report.exceptions.filter((e) => e.ruleId === rule).length;
    expect(count('drift.cin-open-over-6-months')).toBe(180);
    const reg44 = report.exceptions.filter((e) => e.ruleId === 'reg44.monthly-visit').map((e) => `${e.columns['Setting Name']} ${e.columns.Month}`);
    expect(reg44.sort()).toEqual(
      ['Cedar Drive 2016-02', 'Cedar Drive 2016-11', 'Moorside 2016-03', 'Moorside 2016-08', 'Park House 2016-06', 'New Lea House 2016-10'].sort(),
    );
  });

  it('reports each unreadable start date with file, sheet, Excel row, column and raw value', async () => {
    const bad = report.findings.filter((f) => f.kind === 'unreadable-value');
    expect(bad.map((f) => [f.sheet, f.row, f.column, f.value])).toEqual([
      ['List 6', 213, 'CIN Start Date', '31/02/2016'],
      ['List 6', 689, 'CIN Start Date', 'TBC'],
    ]);
    const notEvaluable = report.findings.filter((f) => f.kind === 'not-evaluable' && f.ruleId === 'drift.cin-open-over-6-months');
    expect(notEvaluable.map((f) => f.row)).toEqual([213, 689]);
  });

  it('reports the same child twice as a finding and judges both rows', async () => {
    const dup = report.findings.filter((f) => f.kind === 'duplicate-subject');
    expect(dup.map((f) => [f.sheet, f.row])).toEqual([['List 6', 1045]]);
  });

  it('the drift rule considers every List 6 row once: 180 exceptions, 2 not evaluable, none merged', async () => {
    const list6 = openWorkbook('fixtures/demo/annex-a.xlsx').rows('List 6').slice(1).filter((r) => r.some((v) => v !== null && v !== ''));
    const drift = report.summary.rules.find((r) => r.ruleId === 'drift.cin-open-over-6-months')!;
    expect(drift.counts).toMatchObject({ considered: list6.length, exceptions: 180, notEvaluable: 2, merged: 0 });
  });

  it('gives stable exception ids: rule, subject and due date', async () => {
    const e = report.exceptions.find((x) => x.ruleId === 'reg44.monthly-visit')!;
    expect(e.id).toBe(`reg44.monthly-visit:${e.subject}:${e.dueDate}`);
    expect(new Set(report.exceptions.map((x) => x.id)).size).toBe(report.exceptions.length);
  });

  it('writes byte-identical json and xlsx when run again with the same inputs', async () => {
    await complyHere('check', '--data', 'fixtures/demo', '--as-of', '2017-01-18', '--out', join(out, 'again.json'));
    expect(readFileSync(join(out, 'again.json'))).toEqual(readFileSync(join(out, 'week.json')));
    await complyHere('check', '--data', 'fixtures/demo', '--as-of', '2017-01-18', '--out', join(out, 'a.xlsx'));
    await complyHere('check', '--data', 'fixtures/demo', '--as-of', '2017-01-18', '--out', join(out, 'b.xlsx'));
    expect(readFileSync(join(out, 'a.xlsx'))).toEqual(readFileSync(join(out, 'b.xlsx')));
  });
});

describe('the exception workbook', () => {
  it('has a Summary, a sheet per rule, Findings and Inputs, with real dates, frozen headers and filters', async () => {
    const wb = openWorkbook(join(out, 'a.xlsx'));
    expect(wb.names[0]).toBe('Summary');
    expect(wb.names).toContain('Drift (CIN over 6 months)');
    expect(wb.names).toContain('Reg 44 monthly visits');
    expect(wb.names.slice(-3)).toEqual(['Findings', 'Inputs', 'Manifest']);
    const summary = wb.rows('Summary');
    expect(summary[0]![0]).toBe('Compliance check as of 18/01/2017');
    expect(summary.slice(1, 4).flat().join(' ')).toMatch(/Inputs: .*annex-a\.xlsx \(List 1, .*List 6, .*\): \d+ rows/);
    const header = summary.findIndex((r) => r[0] === 'Rule');
    const heads = summary[header] as string[];
    const drift = summary.find((r) => r[heads.indexOf('Rule ID')] === 'drift.cin-open-over-6-months')!;
    const at = (h: string) => drift[heads.indexOf(h)];
    expect(at('Rule')).toBe('Child in need case open more than six months');
    expect(['Rows Read', 'Out of Scope', 'Checked', 'Within Timescale', 'Exceptions', 'Duplicates Merged', 'Could Not Check'].map(at)).toEqual([1200, 305, 895, 713, 180, 0, 2]);
    expect(at('% Within Timescale')).toBe(79.7);
    const notes = summary.slice(header + 1).flat().filter((v): v is string => typeof v === 'string').join('\n');
    for (const h of ['Exceptions', '% Within Timescale', 'Checked', 'Within Timescale', 'Out of Scope', 'Rows Read', 'Duplicates Merged', 'Could Not Check']) expect(notes).toContain(`${h}: `);
    expect(wb.sheetXml(1)).toContain(`<pane ySplit="${header + 1}"`);
    expect(wb.sheetXml(1)).toMatch(new RegExp(`<autoFilter ref="A${header + 1}:`));
    const due = wb.cell('Drift (CIN over 6 months)', 'B2')!;
    expect(due.t).toBe('n');
    expect(due.z).toBe('dd/mm/yyyy');
    const sheetIndex = wb.names.indexOf('Drift (CIN over 6 months)') + 1;
    expect(wb.sheetXml(sheetIndex)).toContain('state="frozen"');
    expect(wb.sheetXml(sheetIndex)).toContain('<autoFilter');
  });

  it('lets a manager see which team has the most overdue visits, and by how many days', () => {
    const wb = openWorkbook(join(out, 'a.xlsx'));
    const grid = wb.rows('By Team');
    const column = (grid[0] as string[]).indexOf('Child protection visit overdue');
    const counts = grid.slice(1).map((r) => [r[0], r[column] ?? 0] as [string, number]).sort((a, b) => b[1] - a[1]);
    const [team, most] = counts[0]!;
    expect(most).toBeGreaterThan(counts[1]![1]);
    const list = wb.rows('CP visits overdue');
    const heads = list[0] as string[];
    const theirs = list.slice(1).filter((r) => r[heads.indexOf('Team')] === team);
    expect(theirs).toHaveLength(most);
    const day = (v: unknown) => (v instanceof Date ? Math.round(v.getTime() / 86_400_000) : (v as number) - 25569);
    const asOf = Date.UTC(2017, 0, 18) / 86_400_000;
    for (const r of theirs) expect(r[heads.indexOf('Days Overdue')]).toBe(asOf - day(r[heads.indexOf('Due Date')]));
    expect(Math.max(...theirs.map((r) => r[heads.indexOf('Days Overdue')] as number))).toBeGreaterThan(0);
  });

  it('sets header rows and the Summary title in bold', () => {
    const wb = openWorkbook(join(out, 'a.xlsx'));
    const zip = XLSX.CFB.read(readFileSync(join(out, 'a.xlsx')), { type: 'buffer' });
    const styles = new TextDecoder().decode(XLSX.CFB.find(zip, '/xl/styles.xml')!.content as Uint8Array);
    const xfs = [...styles.match(/<cellXfs[^>]*>(.*?)<\/cellXfs>/)![1]!.matchAll(/<xf [^>]*fontId="(\d+)"/g)].map((m) => Number(m[1]));
    const fonts = [...styles.match(/<fonts[^>]*>(.*?)<\/fonts>/)![1]!.matchAll(/<font>(.*?)<\/font>/g)].map((m) => m[1]!);
    const boldCell = (xml: string, ref: string) => {
      const style = new RegExp(`<c r="${ref}" s="(\\d+)"`).exec(xml);
      return style !== null && fonts[xfs[Number(style[1])]!]!.includes('<b/>');
    };
    const header = wb.rows('Summary').findIndex((r) => r[0] === 'Rule') + 1;
    expect(boldCell(wb.sheetXml(1), 'A1')).toBe(true);
    expect(boldCell(wb.sheetXml(1), `B${header}`)).toBe(true);
    expect(boldCell(wb.sheetXml(1), `B${header + 1}`)).toBe(false);
    const drift = wb.names.indexOf('Drift (CIN over 6 months)') + 1;
    expect(boldCell(wb.sheetXml(drift), 'C1')).toBe(true);
    expect(boldCell(wb.sheetXml(drift), 'C2')).toBe(false);
  });

  it('writes one CSV per sheet with --format csv', async () => {
    const dir = join(out, 'csv');
    const run = await complyHere('check', '--data', 'fixtures/demo', '--as-of', '2017-01-18', '--format', 'csv', '--out', dir);
    expect(run.status).toBe(0);
    const files = readdirSync(dir).sort();
    expect(files).toEqual(expect.arrayContaining(['drift-cin-over-6-months.csv', 'findings.csv', 'inputs.csv', 'reg-44-monthly-visits.csv', 'summary.csv']));
    const lines = readFileSync(join(dir, 'drift-cin-over-6-months.csv'), 'utf8').trim().split('\r\n');
    expect(lines).toHaveLength(181);
    expect(lines[0]).toMatch(/^Subject,Due Date,Days Overdue,Team,Worker,/);
    for (const file of files) expect(readFileSync(join(dir, file)).subarray(0, 3), `${file} starts with a UTF-8 byte order mark, so Excel reads it as UTF-8`).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('prints a readable summary to the terminal by default', async () => {
    const run = await complyHere('check', '--data', 'fixtures/demo', '--as-of', '2017-01-18');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('csc-comply check as of 18/01/2017');
    expect(run.stdout).toMatch(/drift\.cin-open-over-6-months\s+895\s+180\s+2/);
    expect(run.stdout).toMatch(/reg44\.monthly-visit\s+139\s+6\s+0/);
  });
});
