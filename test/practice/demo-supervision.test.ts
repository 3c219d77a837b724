// The supervision rule on the shipped demo data, as `comply check --as-of 2017-01-18` runs it.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../src/calendar/index.js';
import { runCheck } from '../../src/engine/run-check.js';
import { loadPack } from '../../src/node/load-pack.js';
import { readInputs } from '../../src/node/read-inputs.js';

const DEMO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'demo');
const pack = loadPack();
const { tables } = await readInputs([path.join(DEMO, 'staff.xlsx'), path.join(DEMO, 'supervision.xlsx')]);
const result = runCheck(pack, tables, { asOf: dayFromIso('2017-01-18')!, select: (r) => r.id === 'practice.supervision-overdue' });

describe('practice.supervision-overdue on the demo staff list at 18/01/2017', () => {
  it('flags the 16 workers the generator left without supervision since the autumn', () => {
    expect(result.exceptions.map((e) => e.subject).sort()).toEqual([
      'W1002', 'W1014', 'W1023', 'W1036', 'W1049', 'W1057', 'W1059', 'W1063',
      'W1072', 'W1103', 'W1104', 'W1126', 'W1129', 'W1164', 'W1165', 'W1169',
    ]);
  });

  it('skips the 6 leavers and judges everyone else', () => {
    const counts = result.rules[0]!.counts;
    expect(counts.notApplicable).toBe(6);
    expect(counts.notEvaluable).toBe(0);
    expect(counts.checked).toBe(counts.considered - 6);
  });

  it('carries team and worker so the workbook can be split by team', () => {
    for (const e of result.exceptions) {
      expect(e.team).toBeTruthy();
      expect(e.worker).toBeTruthy();
    }
  });
});
