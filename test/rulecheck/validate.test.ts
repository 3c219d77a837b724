import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { collectPack } from '../../src/node/load-pack.js';
import { comply, complyHere, ROOT } from '../helpers/cli.js';
import { validationProblems } from '../helpers/pack-checks.js';
import { DRIFT, editJson, REG44, tempPack } from './temp-pack.js';

const made: string[] = [];
afterEach(() => made.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const problemsOf = validationProblems;

function broken(edit: (dir: string) => void): string[] {
  const dir = tempPack();
  made.push(dir);
  edit(dir);
  return problemsOf(dir);
}

describe('comply validate', () => {
  it('finds no problem in the shipped pack', () => {
    expect(problemsOf(join(ROOT, 'rules'))).toEqual([]);
  });

  it('says where a file stops being JSON', () => {
    const problems = broken((dir) => writeFileSync(join(dir, `${DRIFT}.rule.json`), '{\n  "id": "drift.x",\n  "version": 1,,\n}\n'));
    expect(problems).toContain(`${DRIFT}.rule.json:3:16: /: not valid JSON: property name expected`);
  });

  it('refuses __proto__, constructor and prototype keys anywhere, with where they are', () => {
    const problems = broken((dir) => {
      const text = readFileSync(join(dir, `${DRIFT}.rule.json`), 'utf8').replace('"facts": {', '"facts": {\n    "__proto__": { "column": "CIN Start Date" },');
      writeFileSync(join(dir, `${DRIFT}.rule.json`), text);
      editJson(dir, `${REG44}.cases.json`, (c) => (c.cases[0].data['reg44-visits'][0].constructor = 'x'));
    });
    expect(problems.find((p) => p.includes('/facts/__proto__'))).toMatch(/^drift\/cin-open-over-6-months\.rule\.json:\d+:5: \/facts\/__proto__: the key "__proto__" is not allowed/);
    expect(problems.find((p) => p.includes('constructor'))).toMatch(/reg44\/monthly-visit\.cases\.json:\d+:\d+: \/cases\/0\/data\/reg44-visits\/0\/constructor: the key "constructor" is not allowed/);
  });

  it('reports every schema error in a file, each with its pointer, line and column', () => {
    const problems = broken((dir) =>
      editJson(dir, `${DRIFT}.rule.json`, (r) => {
        r.severity = 'urgent';
        r.facts.start = { colum: 'CIN Start Date' };
        r.facts.reviewPoint.args[1].typo = true;
        r.parameters.driftAfter.value = 6.5;
      }),
    );
    const file = `${DRIFT}.rule.json`;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^${file}:\\d+:3: /severity: must be one of: "high", "medium", "low", "info" \\(it is "urgent"\\)$`)),
        expect.stringMatching(/\/facts\/start: must have one of these shapes: \{column\} \| \{fact\} .* \(it has "colum"\)$/),
        expect.stringMatching(/:\d+:\d+: \/facts\/reviewPoint\/args\/1\/typo: unknown property "typo" \(allowed: param\)$/),
        expect.stringMatching(/\/parameters\/driftAfter\/value: must be integer$/),
      ]),
    );
    expect(problems.filter((p) => p.startsWith(file))).toHaveLength(4);
  });

  it('finds a rule id used twice', () => {
    const problems = broken((dir) => {
      writeFileSync(join(dir, 'drift/copy.rule.json'), readFileSync(join(dir, `${DRIFT}.rule.json`)));
    });
    expect(problems).toContainEqual(expect.stringMatching(/^drift\/copy\.rule\.json:3:3: \/id: rule id "drift.cin-open-over-6-months" is also used by drift\/cin-open-over-6-months\.rule\.json$/));
  });

  it('finds unknown operators, facts and functions, and columns the dataset does not define', () => {
    const problems = broken((dir) =>
      editJson(dir, `${DRIFT}.rule.json`, (r) => {
        r.conditions.all[0].operator = 'isLate';
        r.conditions.all[0].value = { fact: 'reviewPiont' };
        r.facts.reviewPoint.call = 'addMonth';
        r.facts.closure = { column: 'CIN Closed Date' };
      }),
    );
    const messages = problems.map((p) => p.replace(/^[^ ]+ /, ''));
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/conditions\/all\/0\/operator: unknown operator "isLate" \(known: equal, /),
        '/conditions/all/0/value/fact: unknown fact "reviewPiont" (did you mean "reviewPoint"?)',
        expect.stringMatching(/^\/facts\/reviewPoint\/call: unknown function "addMonth" \(known: addInterval, /),
        '/facts/closure: dataset "annex-a-list-6" has no column "CIN Closed Date" (did you mean "CIN Closure Date"?)',
      ]),
    );
  });

  it('finds parameters used with a unit the function cannot take, unused, or typed wrong for their unit', () => {
    const problems = broken((dir) => {
      editJson(dir, `${REG44}.rule.json`, (r) => {
        r.parameters.lookBack.unit = 'weeks';
        r.parameters.spare = { value: 3, unit: 'days' };
        r.parameters.visitsPerMonth.value = 'one';
      });
      editJson(dir, `${DRIFT}.rule.json`, (r) => {
        r.facts.limit = { param: 'driftAfter' };
      });
    });
    const messages = problems.map((p) => p.replace(/^[^ ]+ /, ''));
    expect(messages).toContain('/parameters/visitsPerMonth/unit: the unit "count" takes a number, but the value is text: a code or text parameter has the unit "text" (for a count, write the value as a number)');
    const noUnit = broken((dir) => editJson(dir, `${DRIFT}.rule.json`, (r) => delete r.parameters.driftAfter.unit));
    expect(noUnit).toContainEqual(expect.stringMatching(/:\d+:\d+: \/parameters\/driftAfter: must have required property 'unit'$/));
    const fixed = broken((dir) => {
      editJson(dir, `${REG44}.rule.json`, (r) => {
        r.parameters.lookBack.unit = 'weeks';
        r.parameters.spare = { value: 3, unit: 'days' };
      });
      editJson(dir, `${DRIFT}.rule.json`, (r) => {
        r.facts.limit = { param: 'driftAfter' };
      });
    }).map((p) => p.replace(/^[^ ]+ /, ''));
    expect(fixed).toEqual(
      expect.arrayContaining([
        '/each/list/args/1: completeMonthsBefore cannot take unit "weeks" (it takes months)',
        '/parameters/spare: parameter "spare" is never used',
        '/facts/limit: parameter "driftAfter" is an interval (months): only a function that takes an interval can use it',
      ]),
    );
  });

  it('finds numbers written into conditions or facts instead of parameters', () => {
    const problems = broken((dir) =>
      editJson(dir, `${REG44}.rule.json`, (r) => {
        r.facts.visitsNeeded = { value: 1 };
        r.conditions.all[0] = { fact: 'visitsInMonth', operator: 'lessThan', value: 1 };
      }),
    ).map((p) => p.replace(/^[^ ]+ /, ''));
    const why = 'a number written into the rule is a threshold: make it a parameter with a unit (e.g. count), so it is documented and the boundary check tests it';
    expect(problems).toEqual(expect.arrayContaining([`/facts/visitsNeeded: ${why}`, `/conditions/all/0/value: ${why}`]));
  });

  it('finds a message naming a fact the rule does not have', () => {
    const problems = broken((dir) => editJson(dir, `${DRIFT}.rule.json`, (r) => (r.exception.message = 'Open since {opened}')));
    expect(problems).toContainEqual(expect.stringMatching(/\/exception\/message: the message names unknown fact "\{opened\}"$/));
  });

  it('asks for cases: a cases file, a case that raises an exception and one that passes', () => {
    const noFile = broken((dir) => rmSync(join(dir, `${DRIFT}.cases.json`)));
    expect(noFile).toContainEqual(expect.stringMatching(/^drift\/cin-open-over-6-months\.rule\.json:3:3: \/id: no cases: add a \.cases\.json file/));
    const onlyPasses = broken((dir) => editJson(dir, `${DRIFT}.cases.json`, (c) => (c.cases = c.cases.filter((x: { expect: unknown[] }) => x.expect.length === 0))));
    expect(onlyPasses).toContainEqual(expect.stringMatching(/cases\.json:\d+:\d+: \/cases: no case raises an exception/));
    const onlyFlags = broken((dir) => editJson(dir, `${REG44}.cases.json`, (c) => (c.cases = c.cases.filter((x: { expect: unknown[] }) => x.expect.length > 0))));
    expect(onlyFlags).toContainEqual(expect.stringMatching(/monthly-visit\.cases\.json:\d+:\d+: \/cases: no case passes/));
  });

  it('finds case rows with columns the dataset does not define, and dates that do not exist', () => {
    const problems = broken((dir) =>
      editJson(dir, `${DRIFT}.cases.json`, (c) => {
        c.cases[0].data['annex-a-list-6'][0]['CIN Strat Date'] = '01/01/2016';
        c.cases[1].asOf = '2017-02-30';
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/\/cases\/0\/data\/annex-a-list-6\/0\/CIN Strat Date: dataset "annex-a-list-6" has no column "CIN Strat Date" \(did you mean "CIN Start Date"\?\)$/),
        expect.stringMatching(/\/cases\/1\/asOf: "2017-02-30" is not a real date$/),
      ]),
    );
  });

  it('refuses a date column a rule reads that does not say what its date is, naming the dataset, the column and the rules', () => {
    const dir = tempPack();
    made.push(dir);
    editJson(dir, 'datasets/reg44-visits.json', (d) => delete d.columns['Visit Date'].dateIs);
    editJson(dir, 'datasets/annex-a-list-6.json', (d) => {
      delete d.columns['CIN Closure Date'].dateIs;
      delete d.columns['Date of Birth'].dateIs;
    });
    const bad = comply('validate', '--rules', dir);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(
      /datasets\/reg44-visits\.json:\d+:\d+: \/columns\/Visit Date: dataset "reg44-visits": date column "Visit Date" is read by reg44\.monthly-visit but does not say what its date is: add "dateIs" \(start, record, event, completion or end\)/,
    );
    expect(bad.stdout).toMatch(/datasets\/annex-a-list-6\.json:\d+:\d+: \/columns\/CIN Closure Date: dataset "annex-a-list-6": date column "CIN Closure Date" is read by drift\.cin-open-over-6-months/);
    expect(bad.stdout).not.toContain('Date of Birth');
    // The columns dated by CIN Closure Date (datedBy) cannot be emptied with it either: each is a problem too.
    expect(bad.stdout).toMatch(/\/columns\/Case Status\/datedBy: dataset "annex-a-list-6": column "Case Status" is dated by "CIN Closure Date", which does not say what its date is/);
    expect(bad.stdout).toMatch(/4 problem\(s\) in 2 file\(s\)/);
  }, 30_000);

  it('reports only the schema error of a rule an overview names: the rule is there, so the overview does not say there is no such rule', () => {
    const dir = tempPack();
    made.push(dir);
    for (const part of ['overviews/homes.json', 'inspection/full-overdue.rule.json', 'inspection/full-overdue.cases.json', 'reg45/review-overdue.rule.json', 'reg45/review-overdue.cases.json']) {
      cpSync(join(ROOT, 'rules', part), join(dir, part));
    }
    editJson(dir, 'inspection/full-overdue.rule.json', (r) => (r.severity = 'urgent'));
    editJson(dir, 'overviews/homes.json', (o) => o.columns.push({ label: 'Missing', rule: 'no.such-rule', count: 'exceptions' }));
    const run = comply('validate', '--rules', dir);
    expect(run.status).toBe(1);
    expect(run.stdout.split('\n')).toEqual([
      `${dir}/inspection/full-overdue.rule.json:7:3: /severity: must be one of: "high", "medium", "low", "info" (it is "urgent")`,
      `${dir}/overviews/homes.json:44:7: /columns/7/rule: no rule with id "no.such-rule"`,
      `2 problem(s) in 2 file(s): 4 rule file(s), 4 cases file(s), 20 dataset(s) in ${dir}/`,
      '',
    ]);
  });

  it('exits 1 with every problem on a broken pack, 0 on the shipped pack, 2 when the folder is missing', async () => {
    const dir = tempPack();
    made.push(dir);
    editJson(dir, `${DRIFT}.rule.json`, (r) => (r.severity = 'urgent'));
    const bad = comply('validate', '--rules', dir);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain(`${dir}/${DRIFT}.rule.json:7:3: /severity: must be one of`);
    expect(bad.stdout).toMatch(/1 problem\(s\) in 1 file\(s\)/);
    const good = await complyHere('validate');
    expect(good.status).toBe(0);
    expect(good.stdout).toMatch(/^No problems: \d+ rule file\(s\)/);
    expect((await complyHere('validate', '--rules', join(dir, 'missing'))).status).toBe(2);
  }, 30_000);
});

describe('the schema, for editors', () => {
  it('is published with the package and reached by every rule file’s $schema', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { files: string[] };
    expect(pkg.files).toContain('schema');
    const { files } = collectPack(join(ROOT, 'rules'));
    const expected = { rule: 'rule.schema.json', cases: 'cases.schema.json' } as const;
    for (const f of files) {
      const role = f.path.endsWith('.rule.json') ? 'rule' : f.path.endsWith('.cases.json') ? 'cases' : undefined;
      if (!role) continue;
      const ref = (f.json as { $schema?: string }).$schema;
      expect(ref, f.path).toBeDefined();
      expect(resolve(dirname(join(ROOT, 'rules', f.path)), ref!), f.path).toBe(join(ROOT, 'schema', expected[role]));
    }
  });
});
