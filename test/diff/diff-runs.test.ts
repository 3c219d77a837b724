// `comply diff` as a rule author reads it, on two runs made by hand: which rules changed, which
// exceptions a change adds, removes or moves to another due date, and the text and markdown
// that say so. (test/rulecheck/diff.test.ts runs the command itself on a real pack.)
import { describe, expect, it } from 'vitest';
import { diffMarkdown } from '../../src/diff/diff-markdown.js';
import { diffRuns, type DiffSide } from '../../src/diff/diff-runs.js';
import { diffText } from '../../src/diff/diff-text.js';
import type { CheckResult } from '../../src/engine/run-check.js';
import type { RuleDef } from '../../src/rules/rule.js';

const rule = (id: string, version: number, threshold = 6) => ({ id, version, title: `Title of ${id}`, parameters: { after: { value: threshold, unit: 'months' } } }) as unknown as RuleDef;
const exception = (id: string, ruleId: string, subject: string, dueDate: string | null) => ({ id, ruleId, subject, dueDate });
const ran = (ruleId: string, exceptions: number, notEvaluable: number) => ({ ruleId, ran: true, counts: { exceptions, notEvaluable } });
const side = (rules: RuleDef[], summaries: object[], exceptions: object[], asOf = '2017-01-18'): DiffSide => ({
  rules,
  result: { asOf, rules: summaries, exceptions } as unknown as CheckResult,
});

/**
 * a: threshold and version changed; its exceptions: one kept, one moved, one added, one removed
 *    with no due date, and a child flagged twice whose earlier exception moved and later one went.
 * b: unchanged, but more rows not evaluable. c: removed. d: added. e: changed without a version
 * bump, and its input missing this time. f: unchanged, finding the same.
 */
const base = side(
  [rule('a', 1), rule('b', 1), rule('c', 1), rule('e', 3), rule('f', 1)],
  [ran('a', 5, 1), ran('b', 1, 0), ran('c', 1, 0), ran('e', 3, 2), ran('f', 1, 0)],
  [
    exception('a1', 'a', 'S1', '2017-01-10'),
    exception('a2', 'a', 'S2', '2017-01-05'),
    exception('a3', 'a', 'S3', null),
    exception('a5', 'a', 'S5', '2017-02-01'),
    exception('a6', 'a', 'S5', '2017-03-01'),
    exception('b1', 'b', 'S1', '2017-01-01'),
    exception('c1', 'c', 'S9', '2017-01-02'),
    exception('f1', 'f', 'S1', '2017-01-03'),
  ],
  '2017-01-11',
);
const head = side(
  [rule('a', 2, 5), rule('b', 1), rule('d', 1), rule('e', 3, 7), rule('f', 1)],
  [ran('a', 4, 2), ran('b', 1, 1), ran('d', 1, 0), { ruleId: 'e', ran: false, counts: { exceptions: 0, notEvaluable: 0 } }, ran('f', 1, 0)],
  [
    exception('a1', 'a', 'S1', '2017-01-10'),
    exception('a4', 'a', 'S2', '2017-01-20'),
    exception('a7', 'a', 'S4', '2017-01-11'),
    exception('a8', 'a', 'S5', '2017-02-15'),
    exception('b1', 'b', 'S1', '2017-01-01'),
    exception('d1', 'd', 'S7', null),
    exception('f1', 'f', 'S1', '2017-01-03'),
  ],
);

describe('diffRuns', () => {

  it('names each rule of either side once, in id order, with what changed, its versions and its counts (null where not run)', () => {
    const diff = diffRuns(base, head);
    expect(diff.asOf).toBe('2017-01-18');
    expect(diff.rules.map((r) => [r.ruleId, r.title, r.change, r.version, r.exceptions, r.notEvaluable])).toEqual([
      ['a', 'Title of a', 'changed', { base: 1, head: 2 }, { base: 5, head: 4 }, { base: 1, head: 2 }],
      ['b', 'Title of b', 'unchanged', { base: 1, head: 1 }, { base: 1, head: 1 }, { base: 0, head: 1 }],
      ['c', 'Title of c', 'removed', { base: 1, head: null }, { base: 1, head: null }, { base: 0, head: null }],
      ['d', 'Title of d', 'added', { base: null, head: 1 }, { base: null, head: 1 }, { base: null, head: 0 }],
      ['e', 'Title of e', 'changed', { base: 3, head: 3 }, { base: 3, head: null }, { base: 2, head: null }],
      ['f', 'Title of f', 'unchanged', { base: 1, head: 1 }, { base: 1, head: 1 }, { base: 0, head: 0 }],
    ]);
  });

  it('calls a subject flagged on both sides with another due date moved, earliest with earliest; the rest added or removed', () => {
    const diff = diffRuns(base, head);
    const a = diff.rules[0]!;
    expect(a.moved).toEqual([
      { subject: 'S2', from: '2017-01-05', to: '2017-01-20' },
      { subject: 'S5', from: '2017-02-01', to: '2017-02-15' },
    ]);
    expect(a.added).toEqual([{ subject: 'S4', dueDate: '2017-01-11' }]);
    expect(a.removed).toEqual([
      { subject: 'S3', dueDate: null },
      { subject: 'S5', dueDate: '2017-03-01' },
    ]);
    expect(diff.rules.find((r) => r.ruleId === 'c')!.removed).toEqual([{ subject: 'S9', dueDate: '2017-01-02' }]);
    expect(diff.rules.find((r) => r.ruleId === 'd')!.added).toEqual([{ subject: 'S7', dueDate: null }]);
    for (const id of ['b', 'e', 'f']) expect(diff.rules.find((r) => r.ruleId === id), id).toMatchObject({ added: [], removed: [], moved: [] });
  });

  it('totals the rules and exceptions added, removed and moved', () => {
    const diff = diffRuns(base, head);
    expect(diff.totals).toEqual({ rulesAdded: 1, rulesRemoved: 1, rulesChanged: 2, exceptionsAdded: 2, exceptionsRemoved: 3, exceptionsMoved: 2 });
  });

  it('lists added and removed exceptions in id order, whatever order the runs give them in', () => {
    const diff = diffRuns(base, head);
    const shuffled = (s: DiffSide): DiffSide => ({ rules: s.rules, result: { ...s.result, exceptions: [...s.result.exceptions].reverse() } });
    expect(diffRuns(shuffled(base), shuffled(head))).toEqual(diff);
  });

  it('pairs a moved exception with one of the same subject only', () => {
    const one = diffRuns(
      side([rule('a', 1)], [ran('a', 1, 0)], [exception('x1', 'a', 'S1', '2017-01-01')]),
      side([rule('a', 1)], [ran('a', 1, 0)], [exception('x2', 'a', 'S2', '2017-01-01')]),
    ).rules[0]!;
    expect([one.added, one.removed, one.moved]).toEqual([[{ subject: 'S2', dueDate: '2017-01-01' }], [{ subject: 'S1', dueDate: '2017-01-01' }], []]);
  });
});

describe('the diff as text', () => {
  it('totals, then a line per rule (starred when it needs a look) and each exception added (+), removed (-) or moved (~)', () => {
    expect(diffText(diffRuns(base, head), 'fixtures/demo')).toBe(
      [
        'Rule changes on fixtures/demo, as of 2017-01-18',
        'Rules: 1 added, 1 removed, 2 changed. Exceptions: 2 added, 3 removed, 2 due on another date.',
        '',
        '* a: changed, version 1 -> 2; exceptions 5 -> 4; not evaluable 1 -> 2',
        '    + S4 due 2017-01-11',
        '    - S3 due (no date)',
        '    - S5 due 2017-03-01',
        '    ~ S2 due 2017-01-05 -> 2017-01-20',
        '    ~ S5 due 2017-02-01 -> 2017-02-15',
        '* b: unchanged; exceptions 1; not evaluable 0 -> 1',
        '* c: removed; exceptions 1 -> not run',
        '    - S9 due 2017-01-02',
        '* d: added; exceptions not run -> 1',
        '    + S7 due (no date)',
        '* e: changed, version not bumped (still 3); exceptions 3 -> not run',
        '  f: unchanged; exceptions 1',
        '',
      ].join('\n'),
    );
  });
});

describe('the diff as text: which rules need a look', () => {
  it('stars a rule whose definition changed, or that adds, removes or moves an exception, or leaves other rows unjudged; no other', () => {
    const rules = ['changed', 'adds', 'removes', 'moves', 'same'].map((id) => rule(id, 1));
    const diff = diffRuns(
      side(rules, rules.map((r) => ran(r.id, 1, 0)), [exception('r', 'removes', 'S1', null), exception('m1', 'moves', 'S2', '2017-01-01')]),
      side([rule('changed', 2), ...rules.slice(1)], rules.map((r) => ran(r.id, 1, 0)), [exception('a', 'adds', 'S3', null), exception('m2', 'moves', 'S2', '2017-01-02')]),
    );
    expect(diffText(diff, 'data').split('\n').filter((l) => /^[* ] \w/.test(l)).map((l) => l.slice(0, l.indexOf(':')))).toEqual(['* adds', '* changed', '* moves', '* removes', '  same']);
  });
});

describe('the diff as markdown (a pull-request comment)', () => {
  it('a table of rules, then each rule with exceptions added, removed or moved, in a details block', () => {
    expect(diffMarkdown(diffRuns(base, head), 'fixtures/demo')).toBe(
      [
        '### Rule changes: exceptions on fixtures/demo as of 2017-01-18',
        '',
        'Rules: 1 added, 1 removed, 2 changed. Exceptions: **2 added, 3 removed, 2 due on another date**.',
        '',
        '| Rule | Rule change | Exceptions (base → this) | Added | Removed | Due date moved | Not evaluable |',
        '|---|---|---|---:|---:|---:|---|',
        '| `a` | changed, version 1 → 2 | 5 → 4 | 1 | 2 | 2 | 1 → 2 |',
        '| `b` | unchanged | 1 | 0 | 0 | 0 | 0 → 1 |',
        '| `c` | removed | 1 → not run | 0 | 1 | 0 | 0 → not run |',
        '| `d` | added | not run → 1 | 1 | 0 | 0 | not run → 0 |',
        '| `e` | changed, version not bumped (still 3) | 3 → not run | 0 | 0 | 0 | 2 → not run |',
        '| `f` | unchanged | 1 | 0 | 0 | 0 | 0 |',
        '',
        '<details><summary><code>a</code>: 1 added, 2 removed, 2 due on another date</summary>',
        '',
        '- added: S4 due 2017-01-11',
        '- removed: S3 due (no date)',
        '- removed: S5 due 2017-03-01',
        '- due date moved: S2 due 2017-01-05 → 2017-01-20',
        '- due date moved: S5 due 2017-02-01 → 2017-02-15',
        '',
        '</details>',
        '',
        '<details><summary><code>c</code>: 0 added, 1 removed, 0 due on another date</summary>',
        '',
        '- removed: S9 due 2017-01-02',
        '',
        '</details>',
        '',
        '<details><summary><code>d</code>: 1 added, 0 removed, 0 due on another date</summary>',
        '',
        '- added: S7 due (no date)',
        '',
        '</details>',
        '',
      ].join('\n'),
    );
  });

  it('escapes markdown in what it quotes, so a subject or path cannot break the table or the list', () => {
    const odd = diffRuns(side([rule('a', 1)], [ran('a', 0, 0)], []), side([rule('a', 1)], [ran('a', 1, 0)], [exception('x', 'a', 'A|B *C* <b> [x](y) `z` _u_ \\ \r\nD\nE', null)]));
    const text = diffMarkdown(odd, 'data|*folder*');
    expect(text).toContain('exceptions on data\\|\\*folder\\* as of');
    expect(text).toContain('\n- added: A\\|B \\*C\\* \\<b\\> \\[x\\](y) \\`z\\` \\_u\\_ \\\\  D E due (no date)\n');
  });

  it('lists 50 exceptions of a rule in each direction, then counts the rest', () => {
    const flagged = (n: number) => Array.from({ length: n }, (_, i) => exception(`x${String(i).padStart(3, '0')}`, 'a', `S${String(i).padStart(3, '0')}`, null));
    const lines = (n: number) => diffMarkdown(diffRuns(side([rule('a', 1)], [ran('a', 0, 0)], []), side([rule('a', 1)], [ran('a', n, 0)], flagged(n))), 'data').split('\n');
    const fifty = lines(50);
    expect(fifty.filter((l) => l.startsWith('- added: '))).toHaveLength(50);
    expect(fifty.some((l) => l.includes('more'))).toBe(false);
    const more = lines(52);
    expect(more.filter((l) => l.startsWith('- added: '))).toHaveLength(50);
    expect(more.filter((l) => l.startsWith('- added: ')).at(-1)).toBe('- added: S049 due (no date)');
    expect(more).toContain('- … and 2 more (`comply diff --format json` lists them all)');
  });
});
