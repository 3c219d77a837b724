// What `comply validate` says of a rule that fits the schema but names what does not exist or
// does not fit: columns, related and grouped rows, lists judged item by item, function arguments,
// parameters' units, conditions and warnings, facts that read each other. On the small pack.
import { describe, expect, it } from 'vitest';
import { openLong, pack, problemsOf, type Json } from './small-pack.js';

/** The problems of the small pack's rule after the edit, as `pointer: message`. */
function afterEdit(edit: (rule: Json) => void): string[] {
  const rule = openLong();
  edit(rule);
  return problemsOf(pack({ 'test/open-long.rule.json': rule })).map((p) => p.replace(/^[^ ]+ /, ''));
}

/** The rule reading each child's visits under `seen`. */
const withVisits = (r: Json) => (r.related = { seen: { dataset: 'visits', match: { ID: 'ID' } } });

describe('rows read from other datasets and groups', () => {
  it('names a match column that neither dataset has, each in its own dataset', () => {
    expect(afterEdit((r) => (r.related = { seen: { dataset: 'visits', match: { IDD: 'ID', ID: 'Child' } } }))).toEqual([
      '/related/seen/match: dataset "visits" has no column "IDD" (did you mean "ID"?)',
      '/related/seen/match: dataset "children" has no column "Child"',
    ]);
  });

  it('refuses a group named as a related dataset is, and a group column the dataset does not have', () => {
    const problems = afterEdit((r) => {
      withVisits(r);
      r.groupBy = { name: 'seen', columns: ['Team', 'Teams'] };
    });
    expect(problems).toEqual(['/groupBy/name: "seen" is also a related dataset\'s name', '/groupBy/columns/1: dataset "children" has no column "Teams" (did you mean "Team"?)']);
  });

  it('names unknown rows and related datasets, and a related column its dataset does not have', () => {
    const problems = afterEdit((r) => {
      withVisits(r);
      r.facts.n = { call: 'count', args: [{ rows: 'sen' }] };
      r.facts.v = { related: 'sen', column: 'Visited' };
      r.facts.w = { related: 'seen', column: 'Visitd' };
    });
    expect(problems).toEqual([
      '/facts/n/args/0: unknown related dataset "sen" (did you mean "seen"?)',
      '/facts/v: unknown related dataset "sen" (did you mean "seen"?)',
      '/facts/w: dataset "visits" has no column "Visitd" (did you mean "Visited"?)',
    ]);
  });

  it('checks a column named for rows against their dataset: rows read directly, through a fact, or grouped; not a field of a fact', () => {
    const problems = afterEdit((r) => {
      withVisits(r);
      r.facts.seenRows = { rows: 'seen' };
      r.facts.v = { call: 'columnValues', args: [{ fact: 'seenRows' }, { value: 'Visitd' }] };
      r.facts.p = { call: 'columnValues', args: [{ fact: 'seenRows', path: 'x' }, { value: 'Visitd' }] };
      r.facts.f = { call: 'columnValues', args: [{ rows: 'seen' }, { fact: 'start' }] };
    });
    expect(problems).toEqual(['/facts/v/args/1: dataset "visits" has no column "Visitd" (did you mean "Visited"?)', '/facts/f/args/1: columnValues needs a column name here (a text value)']);
    const grouped = afterEdit((r) => {
      r.groupBy = { name: 'team', columns: ['Team'] };
      r.facts.v = { call: 'columnValues', args: [{ rows: 'team' }, { value: 'Tem' }] };
      r.conditions.all.push({ fact: 'v', operator: 'isEmpty', value: true });
    });
    expect(grouped[0]).toBe('/facts/v/args/1: dataset "children" has no column "Tem" (did you mean "Team"?)');
  });
});

describe('the rule\'s own dataset and subject', () => {
  it('names a dataset that does not exist, and the columns of the subject and due date where they are', () => {
    expect(afterEdit((r) => (r.dataset = 'childen'))).toEqual(['/dataset: unknown dataset "childen" (did you mean "children"?)']);
    const problems = afterEdit((r) => {
      r.subject = { column: 'Child' };
      r.exception.dueDate = { column: 'Due' };
    });
    expect(problems).toEqual(['/subject: dataset "children" has no column "Child"', '/exception/dueDate: dataset "children" has no column "Due"']);
  });

  it('follows facts that read each other as rows no further than once round, and names the cycle', () => {
    const problems = afterEdit((r) => {
      r.facts.a = { fact: 'b' };
      r.facts.b = { fact: 'a' };
      r.facts.n = { call: 'columnValues', args: [{ fact: 'a' }, { value: 'Visitor' }] };
    });
    expect(problems).toEqual(['/facts: facts read each other in a cycle: a -> b -> a']);
  });
});

describe('lists judged item by item', () => {
  it('lets a list read only the as-of date and the items of the lists before it', () => {
    expect(afterEdit((r) => (r.each = { name: 'month', list: { call: 'completeMonthsBefore', args: [{ fact: 'start' }, { param: 'limit' }] } }))).toEqual([
      '/each/list: a list can read only asOf; not "start"',
    ]);
    const levels = afterEdit((r) => {
      const months = (from: string) => ({ call: 'completeMonthsBefore', args: [{ fact: from }, { param: 'limit' }] });
      r.each = [
        { name: 'month', list: months('asOf') },
        { name: 'later', list: months('month') },
        { name: 'day', list: months('week') },
      ];
    });
    expect(levels).toEqual(['/each/2/list: a list can read only asOf, month, later; not "week"', '/each/2/list/args/0: unknown fact "week"']);
  });
});

describe('what an exception shows', () => {
  it('names columns of the team, worker and shown values that the dataset does not have', () => {
    const problems = afterEdit((r) => {
      r.exception.team = { column: 'Teem' };
      r.exception.worker = { column: 'Wrker' };
      r.exception.show = [{ label: 'Started', value: { column: 'Strt' } }];
    });
    expect(problems).toEqual([
      '/exception/team: dataset "children" has no column "Teem" (did you mean "Team"?)',
      '/exception/worker: dataset "children" has no column "Wrker"',
      '/exception/show/0/value: dataset "children" has no column "Strt" (did you mean "Start"?)',
    ]);
  });
});

describe('functions and their arguments', () => {
  it('counts arguments: exactly as many as a function takes, or one or more', () => {
    const problems = afterEdit((r) => {
      r.facts.due.args = [{ fact: 'start' }];
      r.facts.s = { call: 'add', args: [] };
    });
    expect(problems).toEqual(['/facts/due/args: addInterval takes 2 arguments', '/facts/s/args: add takes one or more arguments', '/parameters/limit: parameter "limit" is never used']);
  });

  it('matches each parameter to the kind of its argument: an interval, a number, a list of dates; anything where any value will do', () => {
    const problems = afterEdit((r) => {
      r.parameters.n = { value: 2, unit: 'count' };
      r.parameters.t = { value: 'x', unit: 'text' };
      r.facts.a = { call: 'addInterval', args: [{ fact: 'start' }, { param: 'n' }] };
      r.facts.b = { call: 'add', args: [{ param: 'limit' }, { param: 't' }] };
      r.facts.c = { call: 'countBetween', args: [{ param: 'n' }, { fact: 'start' }, { fact: 'start' }] };
      r.facts.d = { call: 'whenEmpty', args: [{ param: 't' }, { param: 'n' }] };
    });
    expect(problems).toEqual([
      '/facts/a/args/1: addInterval needs an interval; parameter "n" has unit "count"',
      '/facts/b/args/0: add argument 1 needs a number; parameter "limit" has unit "months"',
      '/facts/b/args/1: add argument 2 needs a number; parameter "t" has unit "text"',
      '/facts/c/args/0: countBetween argument 1 needs a list of dates; parameter "n" has unit "count"',
    ]);
  });

  it('asks for an operator by name, as a text value', () => {
    const problems = afterEdit((r) => {
      withVisits(r);
      r.facts.w = { call: 'rowsWhere', args: [{ rows: 'seen' }, { value: 'Visitor' }, { fact: 'start' }, { value: 'x' }] };
      r.facts.v = { call: 'rowsWhere', args: [{ rows: 'seen' }, { value: 'Visitor' }, { value: 'oneOf' }, { value: 'x' }] };
      r.facts.ok = { call: 'rowsWhere', args: [{ rows: 'seen' }, { value: 'Visitor' }, { value: 'textIn' }, { value: 'x' }] };
    });
    expect(problems).toEqual([
      expect.stringMatching(/^\/facts\/w\/args\/2: rowsWhere needs an operator name here \(a text value: equal, notEqual, .*, textIn\)$/),
      expect.stringMatching(/^\/facts\/v\/args\/2: rowsWhere needs an operator name here/),
    ]);
  });
});

describe('conditions, warnings and the facts they read', () => {
  it('names unknown facts in requires, appliesWhen and warnings (nested in any and not), and a warning column the dataset does not have', () => {
    const problems = afterEdit((r) => {
      r.requires = ['start', 'strt'];
      r.appliesWhen = { all: [{ fact: 'strat', operator: 'isEmpty', value: true }] };
      r.warnWhen = [{ conditions: { any: [{ not: { fact: 'du', operator: 'after', value: { fact: 'asOf' } } }] }, column: 'Teem', message: 'Odd' }];
    });
    expect(problems).toEqual([
      '/requires/1: unknown fact "strt" (did you mean "start"?)',
      '/warnWhen/0/column: dataset "children" has no column "Teem" (did you mean "Team"?)',
      '/appliesWhen/all/0/fact: unknown fact "strat" (did you mean "start"?)',
      '/warnWhen/0/conditions/any/0/not/fact: unknown fact "du" (did you mean "due"?)',
    ]);
  });

  it('finds facts that read each other in a cycle', () => {
    expect(
      afterEdit((r) => {
        r.facts.a = { fact: 'b' };
        r.facts.b = { fact: 'a' };
      }),
    ).toEqual(['/facts: facts read each other in a cycle: a -> b -> a']);
  });
});
