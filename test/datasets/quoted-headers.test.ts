// Header cells as a user's export gives them: each wrapped in curly or straight quotes, or ended
// with a full stop. The sheet is still recognised and every column read (README: "tolerating
// case, spacing, curly quotes and trailing punctuation").
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { checkJson } from '../helpers/corpus.js';
import { tempDir } from '../helpers/cli.js';

const COLUMNS = ['Child Unique ID', 'CIN Start Date', 'Date Child Was Last Seen', 'CIN Closure Date', 'Allocated Team', 'Allocated Worker'];
const ROW = ['9769139', '23/04/2016', '23/11/2016', '', 'Locality South CIN Team 1', 'Karen Surtees'];

/** The inputs the report names, and the columns it says are missing. */
async function recognised(file: string) {
  const report = await checkJson(file);
  return {
    inputs: report.summary.inputs.map((i) => [i.dataset, i.rows]),
    missing: report.findings.filter((f) => f.kind === 'missing-column').map((f) => f.column),
    exceptions: report.exceptions.map((e) => e.subject),
  };
}

describe('header cells in quotes or ending in a full stop', () => {
  it.each([
    ['curly double quotes', (h: string) => `“${h}”`],
    ['curly single quotes', (h: string) => `‘${h}’`],
    ['straight single quotes', (h: string) => `'${h}'`],
  ])('a CSV file whose headers are each in %s is Annex A List 6, every column read', async (_, quoted) => {
    const file = join(tempDir(), 'list6.csv');
    writeFileSync(file, `${COLUMNS.map(quoted).join(',')}\n${ROW.join(',')}\n`);
    const { inputs, missing, exceptions } = await recognised(file);
    expect(inputs).toEqual([['annex-a-list-6', 1]]);
    expect(exceptions).toEqual(['9769139']);
    expect(missing).not.toContain('Date Child Was Last Seen');
  });

  it('a workbook whose header "Date Child Was Last Seen." ends in a full stop reads that column', async () => {
    const file = join(tempDir(), 'cin.xlsx');
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([COLUMNS.map((h) => (h === 'Date Child Was Last Seen' ? `${h}.` : h)), ROW]), 'Sheet1');
    writeFileSync(file, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const { inputs, missing } = await recognised(file);
    expect(inputs).toEqual([['annex-a-list-6', 1]]);
    expect(missing).not.toContain('Date Child Was Last Seen');
  });
});
