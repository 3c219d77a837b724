import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunDiff } from '../../src/diff/diff-runs.js';
import { complyHere, ROOT, tempDir } from '../helpers/cli.js';
import { DRIFT, editJson, REG44, tempPack } from './temp-pack.js';

let base: string;
let head: string;
let data: string;

/** Annex A List 6 as an authority might export it: four children, one case closed. */
const ANNEX_A = [
  'Child Unique ID,CIN Start Date,CIN Closure Date,Allocated Team,Allocated Worker',
  'C1,10/07/2016,,Team North,Worker A',
  'C2,10/08/2016,,Team North,Worker A',
  'C3,01/01/2015,,Team South,Worker B',
  'C4,01/01/2015,01/12/2016,Team South,Worker B',
].join('\n');

beforeAll(() => {
  base = tempPack();
  head = tempPack();
  data = `${head}-data`;
  mkdirSync(data);
  writeFileSync(join(data, 'annex-a.csv'), `${ANNEX_A}\n`);
  editJson(head, `${DRIFT}.rule.json`, (r) => {
    r.parameters.driftAfter.value = 5;
    r.version = 2;
  });
  rmSync(join(head, `${REG44}.rule.json`));
  rmSync(join(head, `${REG44}.cases.json`));
  const drift = JSON.parse(readFileSync(join(base, `${DRIFT}.rule.json`), 'utf8')) as { parameters: { driftAfter: object } };
  const longer = { ...drift, id: 'drift.cin-open-over-12-months', parameters: { driftAfter: { ...drift.parameters.driftAfter, value: 12 } } };
  writeFileSync(join(head, 'drift/longer.rule.json'), JSON.stringify(longer));
});

afterAll(() => [base, head, data].forEach((d) => rmSync(d, { recursive: true, force: true })));

const diff = (format: string) => complyHere('diff', '--base', base, '--rules', head, '--data', data, '--as-of', '2017-01-18', '--format', format);

describe('comply diff', () => {
  it('reports per rule the exceptions added, removed and due on another date, and rules added, removed or changed', async () => {
    const run = await diff('json');
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as RunDiff;
    expect(result.asOf).toBe('2017-01-18');
    expect(result.rules).toEqual([
      {
        ruleId: 'drift.cin-open-over-12-months',
        title: 'Child in need case open more than six months',
        change: 'added',
        version: { base: null, head: 1 },
        exceptions: { base: null, head: 1 },
        notEvaluable: { base: null, head: 0 },
        added: [{ subject: 'C3', dueDate: '2016-01-01' }],
        removed: [],
        moved: [],
      },
      {
        ruleId: 'drift.cin-open-over-6-months',
        title: 'Child in need case open more than six months',
        change: 'changed',
        version: { base: 1, head: 2 },
        exceptions: { base: 2, head: 3 },
        notEvaluable: { base: 0, head: 0 },
        added: [{ subject: 'C2', dueDate: '2017-01-10' }],
        removed: [],
        moved: [
          { subject: 'C1', from: '2017-01-10', to: '2016-12-10' },
          { subject: 'C3', from: '2015-07-01', to: '2015-06-01' },
        ],
      },
      {
        ruleId: 'reg44.monthly-visit',
        title: 'Regulation 44 independent visit each calendar month',
        change: 'removed',
        version: { base: 1, head: null },
        exceptions: { base: null, head: null },
        notEvaluable: { base: null, head: null },
        added: [],
        removed: [],
        moved: [],
      },
    ]);
    expect(result.totals).toEqual({ rulesAdded: 1, rulesRemoved: 1, rulesChanged: 1, exceptionsAdded: 2, exceptionsRemoved: 0, exceptionsMoved: 2 });
  });

  it('writes markdown that fits a pull-request comment', async () => {
    const run = await diff('markdown');
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(`### Rule changes: exceptions on ${data} as of 2017-01-18`);
    expect(lines).toContain('| `drift.cin-open-over-6-months` | changed, version 1 → 2 | 2 → 3 | 1 | 0 | 2 | 0 |');
    expect(lines).toContain('| `reg44.monthly-visit` | removed | not run | 0 | 0 | 0 | not run |');
    expect(lines).toContain('<details><summary><code>drift.cin-open-over-6-months</code>: 1 added, 0 removed, 2 due on another date</summary>');
    expect(lines).toContain('- added: C2 due 2017-01-10');
    expect(lines).toContain('- due date moved: C1 due 2017-01-10 → 2016-12-10');
  });

  it('prints a plain-text diff for a CI log, and says when a changed rule keeps its version', async () => {
    editJson(head, `${DRIFT}.rule.json`, (r) => (r.version = 1));
    const run = await diff('text');
    editJson(head, `${DRIFT}.rule.json`, (r) => (r.version = 2));
    expect(run.stdout.split('\n')).toEqual(
      expect.arrayContaining([
        'Rules: 1 added, 1 removed, 1 changed. Exceptions: 2 added, 0 removed, 2 due on another date.',
        '* drift.cin-open-over-12-months: added; exceptions not run -> 1',
        '    + C3 due 2016-01-01',
        '* drift.cin-open-over-6-months: changed, version not bumped (still 1); exceptions 2 -> 3',
        '    + C2 due 2017-01-10',
        '    ~ C1 due 2017-01-10 -> 2016-12-10',
        '    ~ C3 due 2015-07-01 -> 2015-06-01',
        '* reg44.monthly-visit: removed; exceptions not run',
      ]),
    );
  });

  it('runs both packs on the same rows of a workbook (the README\'s own example, on the demo data)', async () => {
    const copy = join(tempDir(), 'rules');
    cpSync(join(ROOT, 'rules'), copy, { recursive: true });
    const run = await complyHere('diff', '--base', copy, '--data', join(ROOT, 'fixtures/demo'), '--as-of', '2017-01-18', '--format', 'json');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as RunDiff;
    expect(result.totals).toEqual({ rulesAdded: 0, rulesRemoved: 0, rulesChanged: 0, exceptionsAdded: 0, exceptionsRemoved: 0, exceptionsMoved: 0 });
    const drift = result.rules.find((r) => r.ruleId === 'drift.cin-open-over-6-months')!;
    expect(drift.exceptions.base).toBeGreaterThan(0);
    expect(drift.exceptions.head).toBe(drift.exceptions.base);
    expect(result.rules.every((r) => r.exceptions.base !== null && r.exceptions.base === r.exceptions.head)).toBe(true);
  });

  it('cannot run without a base pack (exit 2)', async () => {
    expect((await complyHere('diff', '--base', join(base, 'missing'), '--data', data)).status).toBe(2);
  });
});
