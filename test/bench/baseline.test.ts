// The bench's hand-written baseline (scripts/bench/baseline/) against the engine: every shipped
// rule has one, and each gives the engine's counts, exception records (every field, in order) and
// findings (kind, rule and place) on the demo county, on every rule's cases and on the demo
// county with cells made empty, unreadable or other values at random.
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { asBaselineFindings, byDataset, disagreements, ruleRuns } from '../../scripts/bench/rule-runs.js';
import { dayFromIso } from '../../src/calendar/index.js';
import { caseTable } from '../../src/cases/run-cases.js';
import { readTables } from '../../src/engine/run-check.js';
import { loadPack } from '../../src/node/load-pack.js';
import { readInputs } from '../../src/node/read-inputs.js';
import type { TypedTable } from '../../src/typing/typed-table.js';
import { Invalid, type Value } from '../../src/typing/value.js';
import { ROOT } from '../helpers/cli.js';

const pack = loadPack();
const datasets = new Map(pack.datasets.map((d) => [d.id, d]));
const demo = readTables(readInputs([join(ROOT, 'fixtures', 'demo')]).tables, pack.datasets).tables;

/** Each rule's baseline gives the engine's counts, exception records and findings on these tables. */
function expectAgreementOn(tables: readonly TypedTable[], asOf: string, what: string) {
  for (const r of ruleRuns(pack, byDataset(tables), dayFromIso(asOf)!)) {
    const engine = r.run();
    const { counts, exceptions, findings } = r.baseline!();
    const { considered, notApplicable, exceptions: raised, notEvaluable } = engine.counts;
    expect(counts, `${what}, ${r.def.id}: counts`).toEqual({ considered, notApplicable, exceptions: raised, notEvaluable });
    expect(exceptions, `${what}, ${r.def.id}: exception records`).toEqual(engine.exceptions);
    expect(findings, `${what}, ${r.def.id}: findings`).toEqual(asBaselineFindings(engine.findings));
  }
}

it('has a hand-written baseline for every shipped rule', () => {
  expect(ruleRuns(pack, {}, 0).filter((r) => !r.baseline).map((r) => r.def.id)).toEqual([]);
});

it('judges as the engine does on the demo county at 18 January 2017', () => {
  expectAgreementOn(demo, '2017-01-18', 'demo county');
});

it("judges as the engine does on every rule's own cases (every rule run on each case's rows)", () => {
  for (const set of pack.cases) {
    for (const c of set.cases) {
      const raws = Object.entries(c.data).map(([id, rows]) => caseTable(datasets.get(id)!, rows));
      expectAgreementOn(readTables(raws, pack.datasets).tables, c.asOf, `${set.rule}: ${c.name}`);
    }
  }
});

/** A seeded pseudo-random number in [0, 1) (mulberry32): the same cells change on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const CODES = ['', 'V3', 'v4 ', 'S', ' s', 'X1', "Children's home", 'CHILDRENS  HOME', 'Secure unit', 'Requires improvement', 'inadequate', 'Yes', 'y', 'a) not needed', 'No'];
const IDS = ['A1', 'a1 ', 'B2', ''];
const FIRST_DAY = dayFromIso('2012-01-01')!;

/**
 * The demo tables with about `share` of their cells empty, unreadable (told at their cell, as
 * typing tells them), or another id, code or date (some outside the working-day calendar).
 */
function mutated(rnd: () => number, share: number): TypedTable[] {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  return demo.map((table) => ({
    ...table,
    rows: table.rows.map((row) => {
      const values: Record<string, Value> = { ...row.values };
      for (const column of Object.keys(values)) {
        if (rnd() >= share) continue;
        const type = table.dataset.columns[column]?.type;
        const c = rnd();
        if (c < 0.25) values[column] = null;
        else if (c < 0.45) values[column] = new Invalid('#N/A', 'Excel error #N/A', { ...row.source, row: row.row, column });
        else if (type === 'date') values[column] = FIRST_DAY + Math.floor(rnd() * 18 * 365);
        else values[column] = pick(type === 'id' ? IDS : CODES);
      }
      return { ...row, values };
    }),
  }));
}

it('judges as the engine does on the demo county with cells changed at random', () => {
  const rnd = random(2017);
  for (const share of [0.02, 0.1]) {
    const tables = mutated(rnd, share);
    for (const asOf of ['2017-01-18', '2027-12-20']) expectAgreementOn(tables, asOf, `${share} of cells changed, as of ${asOf}`);
  }
});

it("lists a rule whose baseline's exception records differ from the engine's as disagreeing", () => {
  const runs = ruleRuns(pack, byDataset(demo), dayFromIso('2017-01-18')!);
  const engine = runs.map((r) => r.run());
  expect(disagreements(runs, engine)).toEqual([]);
  const drift = engine.findIndex((e) => e.exceptions.length > 0);
  const reworded = engine.map((e, i) => (i === drift ? { ...e, exceptions: e.exceptions.map((x) => ({ ...x, message: `${x.message}.` })) } : e));
  expect(disagreements(runs, reworded)).toEqual([expect.objectContaining({ id: runs[drift]!.def.id, differ: ['exceptions'] })]);
});
