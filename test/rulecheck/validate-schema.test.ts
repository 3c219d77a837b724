// What `comply validate` says when a rule file does not fit the schema: ajv's errors cut down to
// what a rule author can act on (the shapes an expression may have, the branch a value plainly
// means, the unit named when a parameter's value is text), each as the command prints it.
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { PARAMETER_UNITS } from '../../src/rules/rule.js';
import { schemaProblems } from '../../src/rules/schema-problems.js';
import { openLong, pack, problemsOf, type Json } from './small-pack.js';

/** The problems of the small pack's rule after the edit, without the file name. */
function afterEdit(edit: (rule: Json) => void): string[] {
  const rule = openLong();
  edit(rule);
  return problemsOf(pack({ 'test/open-long.rule.json': rule })).map((p) => p.replace(/^test\/open-long\.rule\.json:/, ''));
}

const EXPR_SHAPES = '{column} | {fact} | {rows} | {param} | {value} | {related, column} | {call, args}';

describe('an expression or condition of no shape the schema allows', () => {
  it('lists the shapes allowed and says what the value is: text, a list, an object and its keys, or an object with none', () => {
    expect(afterEdit((r) => (r.subject = 'ID'))).toEqual([`12:3: /subject: must have one of these shapes: ${EXPR_SHAPES} (it is "ID")`]);
    expect(afterEdit((r) => (r.subject = [1]))).toEqual([`12:3: /subject: must have one of these shapes: ${EXPR_SHAPES} (it is [1])`]);
    expect(afterEdit((r) => (r.subject = {}))).toEqual([`12:3: /subject: must have one of these shapes: ${EXPR_SHAPES} (it has no keys)`]);
    expect(afterEdit((r) => (r.conditions.all[0] = { fact: 'asOf', operator: 'after' }))).toEqual([
      '39:7: /conditions/all/0: must have one of these shapes: {all} | {any} | {not} | {fact, operator, value} (it has "fact", "operator")',
    ]);
  });

  it('keeps only the errors of the shape a value plainly means, or of each it could mean', () => {
    expect(afterEdit((r) => (r.facts.start = { fact: '1st' }))).toEqual(['23:7: /facts/start/fact: must match pattern "^[A-Za-z][A-Za-z0-9_]*$"']);
    expect(afterEdit((r) => (r.facts.start = { column: 'Start', fact: 'due' }))).toEqual([
      '24:7: /facts/start/fact: unknown property "fact" (allowed: column)',
      '23:7: /facts/start/column: unknown property "column" (allowed: fact, path)',
    ]);
    expect(afterEdit((r) => (r.conditions.all[0].extra = 1))).toEqual(['45:9: /conditions/all/0/extra: unknown property "extra" (allowed: fact, operator, value)']);
  });
});

describe('other schema errors, one line each', () => {
  it('a file that is not a rule at all: each required property, at the top of the file', () => {
    const problems = afterEdit((r) => Object.keys(r).forEach((k) => delete r[k]));
    expect(problems).toHaveLength(12);
    expect(problems[0]).toBe("1:1: /: must have required property 'id'");
  });

  it('a value not among those allowed lists them; a property not allowed names those that are', () => {
    expect(afterEdit((r) => (r.source.kind = 'law'))).toEqual(['9:5: /source/kind: must be one of: "statutory", "statutory guidance", "inspection framework", "local practice", "recommended standard" (it is "law")']);
    expect(afterEdit((r) => (r.exception.extra = 1))).toEqual(['53:5: /exception/extra: unknown property "extra" (allowed: dueDate, message, team, worker, show)']);
  });
});

describe('a parameter whose value is text but whose unit takes a number', () => {
  it('names the unit as what is wrong, for a length of time as for a count', () => {
    expect(afterEdit((r) => (r.parameters.limit = { value: 'six', unit: 'days' }))).toEqual([
      '18:7: /parameters/limit/unit: the unit "days" takes a whole number of days, but the value is text: a code or text parameter has the unit "text" (for a length of time, write the value as a number)',
    ]);
    expect(afterEdit((r) => (r.parameters.limit = { value: ['P', 'Q'], unit: 'weeks' }))).toEqual([
      '21:7: /parameters/limit/unit: the unit "weeks" takes a whole number of weeks, but the value is a list of texts: a code or text parameter has the unit "text" (for a length of time, write the value as a number)',
    ]);
  });

  it('says only that a number is needed when the value is not text: an empty list, a list holding a number, an object', () => {
    const number = (value: unknown) => afterEdit((r) => (r.parameters.n = { value, unit: 'count' }));
    expect(number([])).toEqual(['21:7: /parameters/n/value: must be number']);
    expect(number(['P', 1])).toEqual(['21:7: /parameters/n/value: must be number']);
    expect(number({ a: 1 })).toEqual(['21:7: /parameters/n/value: must be number', '21:7: /parameters/n/value: must be number,string,array']);
  });

  it('leaves a unit that is not a unit to the schema, which lists the units and names the one it got', () => {
    expect(afterEdit((r) => (r.parameters.n = { value: 'x', unit: 5 }))).toEqual([
      '21:7: /parameters/n/value: must be integer',
      '22:7: /parameters/n/unit: must be one of: "days", "workingDays", "weeks", "months", "years", "count", "text" (it is 5)',
    ]);
    expect(afterEdit((r) => (r.parameters.n = { value: 'x', unit: 'hours' }))).toEqual([
      '21:7: /parameters/n/value: must be integer',
      '22:7: /parameters/n/unit: must be one of: "days", "workingDays", "weeks", "months", "years", "count", "text" (it is "hours")',
    ]);
    expect(afterEdit((r) => (r.parameters.n = { value: 5, unit: 'hours' }))).toEqual([
      '22:7: /parameters/n/unit: must be one of: "days", "workingDays", "weeks", "months", "years", "count", "text" (it is "hours")',
    ]);
  });
});

describe('a parameter whose unit is "text" but whose value is a number', () => {
  it('names the unit as what is wrong, and lists the units a number has', () => {
    expect(afterEdit((r) => (r.parameters.n = { value: 5, unit: 'text' }))).toEqual([
      '22:7: /parameters/n/unit: the unit "text" takes text or a list of texts, but the value is the number 5: a number has one of the units "days", "workingDays", "weeks", "months", "years", "count" (a code is written as text: "5")',
    ]);
  });

  it('lists the shapes a text parameter may have when its value is neither text nor a number', () => {
    expect(afterEdit((r) => (r.parameters.n = { value: true, unit: 'text' }))).toEqual([
      '21:7: /parameters/n/value: must have one of these shapes: text | a list of texts (it is true)',
      '21:7: /parameters/n/value: must be number,string,array',
    ]);
  });

  it('the units listed are the schema\'s', () => {
    const ruleSchema = JSON.parse(readFileSync(new URL('../../schema/rule.schema.json', import.meta.url), 'utf8')) as Json;
    const units = ruleSchema.properties.parameters.additionalProperties.properties.unit.enum as string[];
    expect([...PARAMETER_UNITS]).toEqual(units);
  });
});

describe('a oneOf whose shapes have no keys of their own', () => {
  it('describes each shape by its type: a condition value is text, a number, true or false or null, a list, or a fact', () => {
    expect(afterEdit((r) => r.conditions.all.push({ fact: 'asOf', operator: 'after', value: { x: 1 } }))).toEqual([
      '49:9: /conditions/all/1/value: must have one of these shapes: text, a number, true or false, or null | a list of texts or numbers | {fact} (it has "x")',
    ]);
  });

  it('a list of levels or one level (each): the shapes when it is neither, else the errors of the one it is', () => {
    expect(afterEdit((r) => (r.each = 'x'))).toEqual(['54:3: /each: must have one of these shapes: {name, list} | a list (it is "x")']);
    expect(afterEdit((r) => (r.each = [{ name: 'x' }]))).toEqual(["55:5: /each/0: must have required property 'list'"]);
  });

  it('lists the values a shape allows (const or enum) and the items of a list', () => {
    const oneOf = [{ const: 'exceptions' }, { enum: ['passed', 'checked'] }, { type: 'array', items: { type: 'integer' } }];
    const check = new Ajv({ allErrors: true, verbose: true }).compile({ type: 'object', properties: { count: { oneOf } } });
    check({ count: 'all' });
    expect(schemaProblems('x.json', check.errors).map((p) => `${p.pointer}: ${p.message}`)).toEqual([
      '/count: must have one of these shapes: "exceptions" | "passed" or "checked" | a list of whole numbers (it is "all")',
    ]);
  });
});
