// `comply template` never writes over a file that is there (a council's filled-in staff list),
// and writes only what its name says: a workbook, so an --out ending .xlsx.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { complyHere, tempDir } from '../../helpers/cli.js';

describe('comply template --out', () => {
  it('refuses to write over a file that is there, leaves it as it was and suggests a name that is free', async () => {
    const dir = tempDir();
    const out = join(dir, 'staff.xlsx');
    writeFileSync(out, 'our filled-in staff list');
    writeFileSync(join(dir, 'staff-2.xlsx'), 'last year’s');
    const run = await complyHere('template', 'staff', '--out', out);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`comply: ${out} is already there: a template is never written over a file; give another name, e.g. --out ${join(dir, 'staff-3.xlsx')}\n`);
    expect(readFileSync(out, 'utf8')).toBe('our filled-in staff list');
  });

  it.each(['staff.csv', 'staff', 'staff.xlsx.txt'])('refuses --out %s: a template is a workbook', async (name) => {
    const dir = tempDir();
    const run = await complyHere('template', 'staff', '--out', join(dir, name));
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`comply: a template is an .xlsx workbook: --out ${join(dir, name)} does not end .xlsx\n`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes a new .xlsx file', async () => {
    const out = join(tempDir(), 'Staff.XLSX');
    expect((await complyHere('template', 'staff', '--out', out)).status).toBe(0);
    expect(existsSync(out)).toBe(true);
  });
});
