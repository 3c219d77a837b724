// Rows keep only the columns the rules read: each shipped rule, on rows holding only the columns
// columnsReadBy names for it alone, must judge exactly as on rows holding every column (the demo
// county and the rule's own cases), so a column a rule reads can never go missing unseen.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../src/calendar/index.js';
import { loadPack } from '../../src/node/load-pack.js';
import { readInputs } from '../../src/node/read-inputs.js';
import { columnsReadBy, EVERY_COLUMN } from '../../src/rules/columns-read.js';
import { ROOT } from '../helpers/cli.js';
import { caseRaws, expectSameJudgementOnColumnsRead } from '../helpers/pack-checks.js';

const pack = loadPack();

describe('columns read', () => {
  it('leave every shipped rule judging the demo county as with every column', async () => {
    expectSameJudgementOnColumnsRead(pack, (await readInputs([join(ROOT, 'fixtures/demo')])).tables, dayFromIso('2017-01-18')!);
  }, 120_000);

  it("leave every rule judging its own cases as with every column", () => {
    for (const set of pack.cases) {
      const rule = pack.rules.filter((r) => r.id === set.rule);
      for (const c of set.cases) expectSameJudgementOnColumnsRead(pack, caseRaws(pack, c), dayFromIso(c.asOf)!, rule);
    }
  }, 120_000);

  it('name the columns of overviews over a rule\'s rows, each dataset\'s id column and the start or record dates of a dataset a rule reads, and no others', () => {
    const rule = pack.rules.find((r) => r.id === 'inspection.full-overdue')!;
    const overview = { id: 'o', title: 'o', sheetName: 'o', rowsOf: rule.id, columns: [{ label: 'Sector', column: 'Sector' }] };
    expect((columnsReadBy([rule], [], pack.datasets).get(rule.dataset) as Set<string>).has('Sector')).toBe(false);
    expect((columnsReadBy([rule], [overview], pack.datasets).get(rule.dataset) as Set<string>).has('Sector')).toBe(true);
    expect(columnsReadBy([], [overview], pack.datasets).get('annex-a-list-1')).toEqual(new Set(['Child Unique ID']));
    const visits = pack.rules.find((r) => r.id === 'reg44.report-late')!;
    const readingNoDate = { ...visits, facts: {}, exception: { ...visits.exception, show: [] } };
    expect(columnsReadBy([readingNoDate], [], pack.datasets).get('reg44-visits')).toEqual(new Set(['URN', 'Visit Date']));
    expect(columnsReadBy(pack.rules, pack.overviews, pack.datasets).get('ssda903-episodes')).toBe(EVERY_COLUMN);
  });
});
