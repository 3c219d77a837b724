// Findings grouped: a copied staff file repeats every worker, which is one thing to fix, so the
// text and html reports give it one line (kind, file, column, count, first rows), while the
// workbook and the JSON report keep every finding.
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
});
