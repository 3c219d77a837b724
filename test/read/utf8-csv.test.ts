// A CSV saved as UTF-8 without a byte order mark (what most systems export) is read as UTF-8:
// Annex A's curly-quoted headers are recognised, and the rows are judged as from the workbook.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { complyHere, ROOT, tempDir } from '../helpers/cli.js';

interface Report {
  exceptions: { id: string; message: string }[];
  findings: { kind: string; file: string; column?: string }[];
}

/** The demo's Annex A List 8 as a CSV file in UTF-8 with no byte order mark. */
function list8Csv(dir: string): string {
  const workbook = XLSX.read(readFileSync(join(ROOT, 'fixtures/demo/annex-a.xlsx')));
  const csv = XLSX.utils.sheet_to_csv(workbook.Sheets['List 8']!);
  const file = join(dir, 'list-8.csv');
  writeFileSync(file, new TextEncoder().encode(csv));
  return file;
}

async function check(data: string, out: string): Promise<Report> {
  const run = await complyHere('check', '--data', data, '--as-of', '2017-01-18', '--rules', join(ROOT, 'rules'), '--out', out, '--quiet');
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(readFileSync(out, 'utf8')) as Report;
}

describe('a UTF-8 CSV without a byte order mark', () => {
  it('has its curly-quoted headers recognised and judges as the workbook sheet does', async () => {
    const dir = tempDir();
    const file = list8Csv(dir);
    expect(readFileSync(file).subarray(0, 3)).not.toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(readFileSync(file, 'utf8')).toContain('\u2018Absent\u2019');
    const fromCsv = await check(file, join(dir, 'csv.json'));
    expect(fromCsv.findings.filter((f) => f.kind === 'missing-column')).toEqual([]);
    const workbook = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(workbook, XLSX.read(readFileSync(join(ROOT, 'fixtures/demo/annex-a.xlsx'))).Sheets['List 8']!, 'List 8');
    const xlsxFile = join(dir, 'list-8.xlsx');
    writeFileSync(xlsxFile, XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const fromXlsx = await check(xlsxFile, join(dir, 'xlsx.json'));
    expect(fromCsv.exceptions.map((e) => [e.id, e.message])).toEqual(fromXlsx.exceptions.map((e) => [e.id, e.message]));
    expect(fromCsv.exceptions.length).toBeGreaterThan(0);
  });
});
