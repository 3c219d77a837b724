// Nothing silent (issue 24, items 3, 4 and 16): a drift list whose rule did not run says so in
// every format and exits 3; a check where no rule could run exits 3; children whose start date
// cannot be read are shown on the clinic's list; --out refuses a file type the tool does not write.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPack } from '../../src/node/load-pack.js';
import { complyHere, tempDir } from '../helpers/cli.js';
import { openWorkbook } from '../helpers/workbook.js';

const AS_OF = ['--as-of', '2017-01-18'];
const HEADER = 'Child Unique ID,CIN Start Date,CIN Closure Date,Allocated Team,Allocated Worker';
const NOT_RUN = 'drift.cin-open-over-6-months was not run: no input for Annex A List 6: children in need';

/** A folder holding one CSV file with these lines. */
function csvFolder(name: string, lines: string[]): string {
  const dir = tempDir();
  writeFileSync(join(dir, name), `${lines.join('\n')}\n`);
  return dir;
}

describe('comply drift when its rule did not run: exit 3, and every format says so', () => {
  const data = csvFolder('staff-names.csv', ['Colour,Shape', 'Red,Square']);
  const out = tempDir();

  it('text', async () => {
    const run = await complyHere('drift', '--data', data, ...AS_OF);
    expect(run.status).toBe(3);
    expect(run.stdout).toMatch(/^Drift list as of 18\/01\/2017: NOT CHECKED\n/);
    expect(run.stdout).toContain(`NOT CHECKED: ${NOT_RUN}. This is not a clean list: no case was checked by this rule.`);
    expect(run.stdout).not.toContain('0 case(s)');
    expect(run.stderr).toBe(`comply: NOT CHECKED: ${NOT_RUN}\n`);
  });

  it('json', async () => {
    const run = await complyHere('drift', '--data', data, ...AS_OF, '--format', 'json');
    expect(run.status).toBe(3);
    const report = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(report).slice(0, 2)).toEqual(['asOf', 'notChecked']);
    expect(report.notChecked).toEqual([{ ruleId: 'drift.cin-open-over-6-months', message: NOT_RUN }]);
  });

  it('xlsx: a NOT CHECKED sheet first', async () => {
    const run = await complyHere('drift', '--data', data, ...AS_OF, '--out', join(out, 'drift.xlsx'));
    expect(run.status).toBe(3);
    const wb = openWorkbook(join(out, 'drift.xlsx'));
    expect(wb.names[0]).toBe('NOT CHECKED');
    expect(wb.rows('NOT CHECKED')).toEqual([['Rule', 'Why'], ['drift.cin-open-over-6-months', `${NOT_RUN}. This is not a clean list: no case was checked by this rule.`]]);
  });

  it('html: a banner under the heading', async () => {
    const run = await complyHere('drift', '--data', data, ...AS_OF, '--out', join(out, 'drift.html'));
    expect(run.status).toBe(3);
    const html = readFileSync(join(out, 'drift.html'), 'utf8');
    expect(html).toContain(`<p class="not-checked">NOT CHECKED: ${NOT_RUN}. This is not a clean list: no case was checked by this rule.</p>`);
    expect(html).not.toContain('0 case(s)');
  });

  it('csv: not-checked.csv beside the lists', async () => {
    const folder = join(out, 'csv');
    const run = await complyHere('drift', '--data', data, ...AS_OF, '--format', 'csv', '--out', folder);
    expect(run.status).toBe(3);
    expect(readdirSync(folder)).toContain('not-checked.csv');
    expect(readFileSync(join(folder, 'not-checked.csv'), 'utf8')).toContain(NOT_RUN);
  });

  it('when no List 6 is among the inputs at all (the demo without its Annex A workbook)', async () => {
    const run = await complyHere('drift', '--data', 'fixtures/demo/staff.xlsx', ...AS_OF);
    expect(run.status).toBe(3);
    expect(run.stdout).toContain('NOT CHECKED');
  });

  it('exits 0 when the rule ran, even with no case to list', async () => {
    const clean = csvFolder('list6.csv', [HEADER, 'C1,01/01/2017,,Team North,Worker A']);
    const run = await complyHere('drift', '--data', clean, ...AS_OF);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Drift list as of 18\/01\/2017: 0 case\(s\)\n/);
    expect(run.stdout).not.toContain('NOT CHECKED');
  });
});

describe('comply check when no rule could run', () => {
  it('exits 3 with a message, after writing its report', async () => {
    const data = csvFolder('colours.csv', ['Colour,Shape', 'Red,Square']);
    const out = join(tempDir(), 'report.json');
    const run = await complyHere('check', '--data', data, ...AS_OF, '--out', out);
    expect(run.status).toBe(3);
    expect(run.stderr).toContain(`comply: NOT CHECKED: none of the ${loadPack().rules.length} rule(s) could run: no input for any of them (see the findings)\n`);
    expect(existsSync(out)).toBe(true);
  });

  it('exits 0 when some rules ran and others had no input', async () => {
    const run = await complyHere('check', '--data', 'fixtures/demo/staff.xlsx', 'fixtures/demo/supervision.xlsx', ...AS_OF, '--format', 'json');
    expect(run.status).toBe(0);
  });
});

describe('comply drift shows the children it could not judge', () => {
  const data = csvFolder('list6.csv', [HEADER, 'C1,01/01/2016,,Team North,Worker A', 'C2,31/02/2016,,Team North,Worker A', 'C3,TBC,,Team South,Worker B']);
  const out = tempDir();

  it('text: a "Not judged" section naming each row', async () => {
    const run = await complyHere('drift', '--data', data, ...AS_OF);
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines).toContain('Not judged: 2 row(s) the drift rule(s) could not judge (put the cell right and run again)');
    expect(lines).toContain(`  ${join(data, 'list6.csv')} row 3 "CIN Start Date": drift.cin-open-over-6-months could not judge this row: 31 February 2016 does not exist`);
    expect(lines.some((l) => l.includes('row 4 "CIN Start Date"'))).toBe(true);
  });

  it('xlsx: a Not judged sheet and the Findings', async () => {
    const run = await complyHere('drift', '--data', data, ...AS_OF, '--out', join(out, 'drift.xlsx'));
    expect(run.status).toBe(0);
    const wb = openWorkbook(join(out, 'drift.xlsx'));
    expect(wb.names).toEqual(['By team', 'Not judged', 'Drift (CIN over 6 months)', 'Findings', 'Manifest']);
    const notJudged = wb.rows('Not judged');
    const row = (notJudged[0] as string[]).indexOf('Row');
    expect(notJudged.slice(1).map((r) => r[row])).toEqual([3, 4]);
  });

  it('html: a Not judged section', async () => {
    await complyHere('drift', '--data', data, ...AS_OF, '--out', join(out, 'drift.html'));
    const html = readFileSync(join(out, 'drift.html'), 'utf8');
    expect(html).toContain('<h2>Not judged (2)</h2>');
    expect(html).toContain('31 February 2016 does not exist');
  });
});

describe('--out names what the tool writes', () => {
  it.each(['x.pdf', 'results.csv', 'notes.docx'])('refuses --out %s and says which formats it writes', async (name) => {
    const dir = tempDir();
    const run = await complyHere('check', '--data', 'fixtures/demo/staff.xlsx', ...AS_OF, '--out', join(dir, name));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^comply: --out .* the tool writes \.xlsx, \.json, \.html and \.txt files, or CSV files into a folder \(--format csv --out <folder>\)\n$/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('drift --out prints a closing line, as check does', async () => {
    const out = join(tempDir(), 'drift.xlsx');
    const run = await complyHere('drift', '--data', 'fixtures/demo/annex-a.xlsx', ...AS_OF, '--out', out);
    expect(run.status).toBe(0);
    // The findings' count moves with the demo data and the pack; the line's shape is what is asserted.
    expect(run.stderr.replace(/, \d+ finding\(s\)/, ', N finding(s)')).toBe(`180 case(s) from ${loadPack().rules.filter((r) => r.tags?.includes('drift')).length} drift rule(s), 2 row(s) not judged, N finding(s): written to ${out}\n`);
  });
});
