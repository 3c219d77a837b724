// Findings grouped: a copied staff file repeats every worker, which is one thing to fix, so the
// text and html reports give it one line (kind, file, column, count, first rows), while the
// workbook and the JSON report keep every finding. Rules that could not judge the same rows are
// grouped each on its own, so a reader sees which rule could not judge how many.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { complyHere, tempDir } from '../helpers/cli.js';

const dir = tempDir('comply-findings-');
const data = path.join(dir, 'data');
fs.mkdirSync(data);
fs.copyFileSync('fixtures/demo/staff.xlsx', path.join(data, 'staff.xlsx'));
fs.copyFileSync('fixtures/demo/staff.xlsx', path.join(data, 'staff-copy.xlsx'));
const run = (...args: string[]) => complyHere('check', '--data', data, '--as-of', '2017-01-25', ...args);
const staffRows = XLSX.utils.sheet_to_json(XLSX.read(fs.readFileSync('fixtures/demo/staff.xlsx')).Sheets.Staff!).length;

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Annex A's List 7 alone, with a date that does not exist in the plan start of its rows 3 and 5, which three rules need. */
function cpPlansWithBadStarts(folder: string): void {
  const sheet = XLSX.read(fs.readFileSync('fixtures/demo/annex-a.xlsx')).Sheets['List 7']!;
  const column = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1 })[0]!.indexOf('Child Protection Plan Start Date');
  for (const row of [3, 5]) sheet[XLSX.utils.encode_cell({ r: row - 1, c: column })] = { t: 's', v: '31/02/2016' };
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, 'List 7');
  fs.mkdirSync(folder);
  fs.writeFileSync(path.join(folder, 'cp.xlsx'), XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
}
const CP_RULES = ['practice.cp-plan-over-2-years', 'practice.cp-review-overdue', 'practice.cp-visit-overdue'];

describe('findings grouped', () => {
  it('gives the text report one line for a copied file, with the count and the first rows', async () => {
    const { stdout } = await run();
    const lines = stdout.split('\n').filter((l) => l.includes('duplicate-subject'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^  ${staffRows} x duplicate-subject in .*staff.xlsx \\[Staff\\] "Worker ID", rows 2, 3, 4, 5, 6 and ${staffRows - 5} more: `));
  });

  it('gives the html report one row for it, and keeps every finding in the workbook and the JSON report', async () => {
    await run('--out', path.join(dir, 'r.html'), '--quiet');
    const html = fs.readFileSync(path.join(dir, 'r.html'), 'utf8');
    const table = html.slice(html.indexOf('id="t-findings-grouped"'), html.indexOf('</table>', html.indexOf('id="t-findings-grouped"')));
    expect(table.match(/<td>duplicate-subject<\/td>/g)).toHaveLength(1);
    expect(table).toContain(`<td data-v="${staffRows}" class="num">${staffRows}</td>`);
    await run('--out', path.join(dir, 'r.xlsx'), '--quiet');
    const findings = XLSX.utils.sheet_to_json<Record<string, string>>(XLSX.read(fs.readFileSync(path.join(dir, 'r.xlsx'))).Sheets.Findings!);
    expect(findings.filter((f) => f.Kind === 'duplicate-subject')).toHaveLength(staffRows);
    await run('--out', path.join(dir, 'r.json'), '--quiet');
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'r.json'), 'utf8')) as { findings: { kind: string }[] };
    expect(json.findings.filter((f) => f.kind === 'duplicate-subject')).toHaveLength(staffRows);
  });

  it('gives each rule that could not judge the same rows its own line and row, with its own count and message', async () => {
    const cp = path.join(dir, 'cp');
    cpPlansWithBadStarts(cp);
    const check = (...args: string[]) => complyHere('check', '--data', cp, '--as-of', '2017-01-18', ...args);
    const { stdout } = await check();
    const where = `${path.join(cp, 'cp.xlsx')} [List 7] "Child Protection Plan Start Date", rows 3, 5`;
    expect(stdout.split('\n').filter((l) => l.includes('x not-evaluable'))).toEqual(
      CP_RULES.map((id) => `  2 x not-evaluable (${id}) in ${where}: ${id} could not judge this row: 31 February 2016 does not exist`),
    );
    expect(stdout).toContain(`  2 x unreadable-value in ${where}: `);
    await check('--out', path.join(dir, 'cp.html'), '--quiet');
    const html = fs.readFileSync(path.join(dir, 'cp.html'), 'utf8');
    const table = html.slice(html.indexOf('id="t-findings-grouped"'), html.indexOf('</table>', html.indexOf('id="t-findings-grouped"')));
    for (const id of CP_RULES) {
      expect(table).toContain(`<td>not-evaluable</td><td>${id}</td><td data-v="2" class="num">2</td>`);
      expect(table).toContain(`<td>${id} could not judge this row: 31 February 2016 does not exist</td>`);
    }
  });
});
