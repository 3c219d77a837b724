import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { complyHere, tempDir } from '../helpers/cli.js';

interface Report {
  exceptions: { subject: string; dueDate: string; team: string | null }[];
  findings: { kind: string; level: string; sheet?: string; column?: string; message: string }[];
  summary: { inputs: { file: string; sheet?: string; dataset: string | null; headerRow: number | null; rows: number }[] };
}

const check = async (...args: string[]): Promise<Report> => {
  const run = await complyHere('check', '--format', 'json', ...args);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as Report;
};

describe("Ofsted's provider lists as published", () => {
  it('recognises both layouts by their headers and reads every value', async () => {
    const report = await check('--data', 'test/fixtures/samples/ofsted-providers', '--as-of', '2025-06-30');
    const recognised = report.summary.inputs.filter((i) => i.dataset === 'ofsted-children-homes').map((i) => i.sheet);
    expect(recognised).toContain('Provider information');
    expect(recognised).toContain('Providers');
    expect(report.findings.filter((f) => f.kind === 'unreadable-value')).toEqual([]);
  });
});

describe('a List 6 extract as councils really send it', () => {
  it('finds the header under title rows, whatever the case, spacing and quotes, and reads dd/mm/yyyy and leading zeros', async () => {
    const dir = tempDir();
    const csv = [
      'Annex A List 6 - children in need,,,,,',
      'Extracted 18/01/2017,,,,,',
      ',,,,,',
      '"child unique id ","CIN  START DATE","Cin Closure Date","Case Status","Allocated Team ","Allocated Worker"',
      '00123,17/07/2016,,c) Child in need plan,Team A,Worker One',
      '00124,18/07/2016,,c) Child in need plan,Team A,Worker One',
      '00125,2016-01-05,N/A,c) Child in need plan,Team B,Worker Two',
      '00126,01/01/2016,05/01/2017,f) Closed,Team B,Worker Two',
    ].join('\r\n');
    writeFileSync(join(dir, 'cin export (final) v2.csv'), csv);
    const report = await check('--data', dir, '--as-of', '2017-01-18');
    expect(report.summary.inputs).toEqual([
      expect.objectContaining({ dataset: 'annex-a-list-6', headerRow: 4, rows: 4 }),
    ]);
    expect(report.exceptions.map((e) => [e.subject, e.dueDate, e.team])).toEqual([
      ['00125', '2016-07-05', 'Team B'],
      ['00123', '2017-01-17', 'Team A'],
    ]);
  });

  it('skips a sheet that matches no dataset and names the closest, and the run goes on', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'list6.csv'), 'Child Unique ID,CIN Start Date,Allocated Team\r\n1,17/07/2016,Team A\r\n');
    const run = await complyHere('check', '--format', 'json', '--data', dir, '--as-of', '2017-01-18');
    expect(run.status, 'no rule could run: exit 3').toBe(3);
    const report = JSON.parse(run.stdout) as Report;
    const unknown = report.findings.find((f) => f.kind === 'unknown-dataset')!;
    expect(unknown.message).toContain('Looks like Annex A List 6: children in need but lacks the required column(s) "CIN Closure Date", so the sheet was skipped (2 non-empty rows)');
  });

  it('names a file in the folder that is not a spreadsheet instead of skipping it silently', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'list6.csv'), 'Child Unique ID,CIN Start Date,CIN Closure Date\r\n1,17/07/2016,\r\n');
    writeFileSync(join(dir, 'minutes.pdf'), '%PDF-1.4 not read');
    const report = await check('--data', dir, '--as-of', '2017-01-18');
    expect(report.exceptions.map((e) => e.subject)).toEqual(['1']);
    const skipped = report.findings.filter((f) => f.kind === 'unreadable-file');
    expect(skipped).toEqual([expect.objectContaining({ level: 'warning', message: expect.stringContaining('Not a spreadsheet file type, so it was not read') })]);
    expect((skipped[0] as unknown as { file: string }).file).toBe(join(dir, 'minutes.pdf'));
  });
});
