// A check's edges a reader meets: the as-of date in a message, rules in id order whatever the
// pack's order, a clean check with no findings, the rows searched for a header, and an overview
// of a rule that is not the pack's first.
import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../src/calendar/index.js';
import { HEADER_SEARCH_ROWS } from '../../src/datasets/recognise.js';
import { runCheck } from '../../src/engine/run-check.js';
import type { RuleDef } from '../../src/rules/rule.js';
import { HOME_OPEN, HOMES_HEAD, sheet, VISIT_LATE, VISITS_HEAD, visitsPack } from '../helpers/visits-pack.js';

const AS_OF = dayFromIso('2017-01-18')!;
const LATE_ROW = ['C1', '10/01/2017', null, 2, 'North', 'Ann'];
const visits = (rows = [LATE_ROW]) => sheet('visits.csv', VISITS_HEAD, rows);

describe('a check as a reader meets it', () => {
  it('a message names the as-of date as a date', () => {
    const rule: RuleDef = { ...VISIT_LATE, exception: { ...VISIT_LATE.exception, message: 'Due {due}, late as of {asOf}' } };
    expect(runCheck(visitsPack([rule]), [visits()], { asOf: AS_OF }).exceptions.map((e) => e.message)).toEqual(['Due 10/01/2017, late as of 18/01/2017']);
  });

  it('rules are run and summarised in id order, whatever order the pack lists them in', () => {
    const copy = (id: string): RuleDef => ({ ...VISIT_LATE, id });
    const pack = visitsPack([copy('test.c'), copy('test.a'), HOME_OPEN, copy('test.d'), copy('test.b')]);
    const result = runCheck(pack, [visits()], { asOf: AS_OF });
    expect(result.rules.map((r) => r.ruleId)).toEqual(['test.a', 'test.b', 'test.c', 'test.d', 'test.home-open']);
    expect(result.exceptions.map((e) => e.ruleId)).toEqual(['test.a', 'test.b', 'test.c', 'test.d']);
  });

  it('a check of sheets every rule reads, each cell readable, has no finding but the sheet no rule reads', () => {
    const result = runCheck(visitsPack([VISIT_LATE]), [visits(), sheet('homes.csv', HOMES_HEAD, [['H1', 'Oak', '01/06/2010', 4]])], { asOf: AS_OF });
    expect(result.findings.map((f) => [f.kind, f.file])).toEqual([['input-not-used', 'homes.csv']]);
    expect(runCheck(visitsPack([VISIT_LATE]), [visits()], { asOf: AS_OF }).findings).toEqual([]);
  });

  it(`a header is looked for in the first ${HEADER_SEARCH_ROWS} rows only`, () => {
    const titled = (titles: number) => ({ ...visits(), rows: [...Array.from({ length: titles }, (_r, i) => [`Title ${i + 1}`]), VISITS_HEAD, LATE_ROW] });
    const found = runCheck(visitsPack([VISIT_LATE]), [titled(HEADER_SEARCH_ROWS - 1)], { asOf: AS_OF });
    expect(found.inputs.map((i) => [i.dataset, i.headerRow])).toEqual([['visits', HEADER_SEARCH_ROWS]]);
    const missed = runCheck(visitsPack([VISIT_LATE]), [titled(HEADER_SEARCH_ROWS)], { asOf: AS_OF });
    expect(missed.inputs.map((i) => [i.dataset, i.headerRow])).toEqual([[null, null]]);
    expect(missed.findings.map((f) => f.kind)).toEqual(['rule-not-run', 'unknown-dataset']);
  });

  it("an overview of a rule that is not the pack's first reads its own dataset's column kinds", () => {
    const overview = { id: 'homes', title: 'Homes', sheetName: 'Homes', rowsOf: HOME_OPEN.id, columns: [{ label: 'URN', column: 'URN' }, { label: 'Registered', column: 'Registered' }, { label: 'Beds', column: 'Beds' }] };
    const pack = { ...visitsPack([VISIT_LATE, HOME_OPEN]), overviews: [overview] };
    const result = runCheck(pack, [visits(), sheet('homes.csv', HOMES_HEAD, [['H1', 'Oak', '01/06/2010', 4]])], { asOf: AS_OF });
    expect(result.overviews.map((o) => [o.columns.map((c) => c.kind), o.rows])).toEqual([[['text', 'date', 'number'], [['H1', '2010-06-01', 4]]]]);
  });

  it('a shown column of a value no output shows otherwise (an interval parameter) is text', () => {
    const rule: RuleDef = {
      ...VISIT_LATE,
      parameters: { ...VISIT_LATE.parameters, grace: { value: 2, unit: 'weeks' } },
      exception: { ...VISIT_LATE.exception, show: [{ label: 'Grace', value: { param: 'grace' } }, { label: 'Due', value: { column: 'Visit Due' } }] },
    };
    expect(runCheck(visitsPack([rule]), [visits()], { asOf: AS_OF }).rules[0]!.columnKinds).toEqual({ Grace: 'text', Due: 'date' });
  });
});
