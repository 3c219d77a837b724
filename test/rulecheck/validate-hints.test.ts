// comply validate's hints, run as a user would on a copy of the pack: the nearest known name for a
// misspelt one, a warning for a text parameter holding commas, the unit named when it is wrong.
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPack } from '../../src/node/load-pack.js';
import { complyHere } from '../helpers/cli.js';
import { DRIFT, editJson, REG44, tempPack } from './temp-pack.js';

const made: string[] = [];
afterEach(() => made.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('comply validate, for a slip of the keyboard', () => {
  /** What `comply validate --rules <copy>` prints after the edit (each line, and each problem's pointer and message), and its exit code. */
  async function validateAfter(edit: (dir: string) => void): Promise<{ status: number | null; lines: string[]; messages: string[]; dir: string }> {
    const dir = tempPack();
    made.push(dir);
    edit(dir);
    const run = await complyHere('validate', '--rules', dir);
    const lines = run.stdout.split('\n').map((l) => l.replace(`${dir}/`, ''));
    return { status: run.status, lines, messages: lines.map((l) => l.replace(/^[^ ]+ /, '')), dir };
  }

  it('suggests the nearest column, fact, function, parameter, operator and dataset', async () => {
    const { status, messages } = await validateAfter((dir) =>
      editJson(dir, `${DRIFT}.rule.json`, (r) => {
        r.facts.start = { column: 'CIN Strat Date' };
        r.facts.reviewPoint = { call: 'addIntervall', args: [{ fact: 'strat' }, { param: 'driftAftr' }] };
        r.conditions.all[0].operator = 'afterr';
        r.exception.team = { column: 'allocated team' };
      }),
    );
    expect(status).toBe(1);
    expect(messages).toEqual(
      expect.arrayContaining([
        '/facts/start: dataset "annex-a-list-6" has no column "CIN Strat Date" (did you mean "CIN Start Date"?)',
        '/facts/reviewPoint/call: unknown function "addIntervall" (did you mean "addInterval"?)',
        '/facts/reviewPoint/args/0: unknown fact "strat" (did you mean "start"?)',
        '/facts/reviewPoint/args/1: unknown parameter "driftAftr" (did you mean "driftAfter"?)',
        '/conditions/all/0/operator: unknown operator "afterr" (did you mean "after"?)',
        '/exception/team: dataset "annex-a-list-6" has no column "allocated team" (did you mean "Allocated Team"?)',
      ]),
    );
    const dataset = await validateAfter((dir) => editJson(dir, `${REG44}.rule.json`, (r) => (r.related.visits.dataset = 'reg44-visit')));
    expect(dataset.lines).toContainEqual(expect.stringMatching(/\/related\/visits\/dataset: unknown dataset "reg44-visit" \(did you mean "reg44-visits"\?\)$/));
  });

  it('suggests nothing for a name unlike any known one', async () => {
    const { lines } = await validateAfter((dir) => editJson(dir, `${DRIFT}.rule.json`, (r) => (r.facts.start = { column: 'Referral Source' })));
    expect(lines).toContainEqual(expect.stringMatching(/\/facts\/start: dataset "annex-a-list-6" has no column "Referral Source"$/));
  });

  it('warns, without failing, when a text parameter is one text holding commas', async () => {
    /** The drift rule, applying only to cases whose status is one of a text parameter's values. */
    const statusesAre = (value: string | string[]) => (dir: string) =>
      editJson(dir, `${DRIFT}.rule.json`, (r) => {
        r.parameters.openStatuses = { value, unit: 'text' };
        r.facts.status = { column: 'Case Status' };
        r.facts.openStatuses = { param: 'openStatuses' };
        r.appliesWhen.all.push({ fact: 'status', operator: 'textIn', value: { fact: 'openStatuses' } });
      });
    const { status, lines, dir } = await validateAfter(statusesAre('Open, Reopened'));
    expect(lines).toContainEqual(
      expect.stringMatching(/^drift\/cin-open-over-6-months\.rule\.json:\d+:\d+: \/parameters\/openStatuses\/value: warning: parameter "openStatuses" is one text holding commas, so it matches only that whole text; a list of codes is written \["Open", "Reopened"\]$/),
    );
    expect(status).toBe(0);
    expect(lines).toContainEqual(expect.stringMatching(/^No problems \(1 warning\(s\)\): /));
    expect(() => loadPack(dir), 'a warning does not stop a check').not.toThrow();
    const list = await validateAfter(statusesAre(['Open', 'Reopened']));
    expect(list.lines[0]).toMatch(/^No problems: /);
  });

  it('says the unit is wrong when a code or text parameter is given a number’s unit', async () => {
    const { status, messages } = await validateAfter((dir) =>
      editJson(dir, `${REG44}.rule.json`, (r) => {
        r.parameters.codes = { value: ['P', 'B', 'T'], unit: 'count' };
        r.parameters.code = { value: 'P', unit: 'months' };
      }),
    );
    expect(status).toBe(1);
    expect(messages).toEqual(
      expect.arrayContaining([
        '/parameters/codes/unit: the unit "count" takes a number, but the value is a list of texts: a code or text parameter has the unit "text" (for a count, write the value as a number)',
        '/parameters/code/unit: the unit "months" takes a whole number of months, but the value is text: a code or text parameter has the unit "text" (for a length of time, write the value as a number)',
      ]),
    );
    expect(messages.filter((m) => m.includes('must be number') || m.includes('must be integer'))).toEqual([]);
  });
});
