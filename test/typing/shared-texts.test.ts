import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { checkJson } from '../helpers/corpus.js';

/** Teams spelled in two cases: each row keeps its own spelling. */
const team = (i: number) => `${i % 14 < 7 ? 'Team' : 'TEAM'} ${i % 7}`;

const HEADER =
  'Child Unique ID,Gender,Ethnicity,Date of Birth,Age,Does the Child have a Disability,CIN Start Date,Primary Need Code,Date Child Was Last Seen,CIN Closure Date,Reason for Closure,Case Status,Allocated Team,Allocated Worker';

/**
 * Typing keeps one copy of each distinct text of a column, up to a limit (4,096), and then keeps
 * the column's texts as read. Either way, every row keeps its own value.
 */
describe('text columns with many distinct values', () => {
  it('keep every row its own text, past the number of texts kept once per column', async () => {
    const dir = tempDir();
    const children = 6000;
    const lines = [HEADER];
    for (let i = 0; i < children; i++) {
      const status = i % 2 ? 'c) Child in need plan' : 'd) Other';
      lines.push(`C${i},a) Male,a) WBRI,01/01/2010,7,b) No,01/03/2016,N1,01/12/2016,,,${status},${team(i)},Worker ${i}`);
    }
    writeFileSync(join(dir, 'cin.csv'), `${lines.join('\n')}\n`);
    const drift = (await checkJson(join(dir, 'cin.csv'))).exceptions;
    expect(drift).toHaveLength(children);
    for (const e of drift) {
      const i = Number(e.subject.slice(1));
      expect([e.team, e.worker, e.columns['Case Status']]).toEqual([team(i), `Worker ${i}`, i % 2 ? 'c) Child in need plan' : 'd) Other']);
    }
  });
});
