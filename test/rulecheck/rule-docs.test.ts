// docs/rule-language.md is generated from the metadata the validator uses, and its worked example
// is a rule that validates and passes its own cases, as the page says.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RULE_DOCS_FILE, ruleDocsSource } from '../../scripts/build-rule-docs.js';
import { BUILT_IN_FACTS } from '../../src/engine/compile-rule.js';
import { OPERATORS } from '../../src/engine/operators.js';
import { FUNCTIONS, type FactFunction } from '../../src/facts/functions.js';
import { complyHere, tempDir } from '../helpers/cli.js';

const page = readFileSync(RULE_DOCS_FILE, 'utf8');
const made: string[] = [];
afterEach(() => made.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The page's fenced blocks before the reference: their info string (`json rules/...`) and text. */
const walkThrough = [...page.slice(0, page.indexOf('\n## Reference')).matchAll(/^```([^\n]*)\n([\s\S]*?)^```$/gm)].map((m) => ({ info: m[1]!.trim(), text: m[2]! }));

describe('docs/rule-language.md', () => {
  it('is generated from the functions’, operators’ and schema’s metadata as they are (else run npm run docs:rules)', () => {
    expect(page === ruleDocsSource(), 'out of date: run npm run docs:rules').toBe(true);
  });

  it('has a section for every function, operator and built-in fact', () => {
    for (const name of [...Object.keys(FUNCTIONS), ...Object.keys(OPERATORS)]) expect(page).toContain(`#### \`${name}\``);
    for (const name of BUILT_IN_FACTS) expect(page).toContain(`- \`${name}\`: `);
  });

  it('cannot be written while a function or operator lacks its example, or what it does with empty values', () => {
    const bare = { description: 'The date.', args: ['date'], returns: 'date', fn: () => null } as unknown as FactFunction;
    expect(() => ruleDocsSource({ ...FUNCTIONS, bare })).toThrow(/function bare: its example must be a call of it as a rule writes it/);
    const wrong = { ...bare, example: '{ "call": "addInterval", "args": [] } → a date' };
    expect(() => ruleDocsSource({ ...FUNCTIONS, wrong })).toThrow(/function wrong: its example/);
    const prose = { ...bare, example: 'prose → a date' };
    expect(() => ruleDocsSource({ ...FUNCTIONS, prose })).toThrow(/function prose: its example/);
    const plain = { ...bare, example: '{ "call": "plain", "args": [{ "fact": "start" }] }' };
    expect(ruleDocsSource({ ...FUNCTIONS, plain })).toContain('- Example: `{ "call": "plain", "args": [{ "fact": "start" }] }`\n');
    const lenient = { ...bare, example: '{ "call": "lenient", "args": [{ "fact": "x" }] } → x', takesEmpty: true };
    expect(() => ruleDocsSource({ ...FUNCTIONS, lenient })).toThrow(/function lenient: takes empty values, so it needs "empty"/);
    const undescribed = { ...bare, description: '', example: '{ "call": "undescribed", "args": [] } → x' };
    expect(() => ruleDocsSource({ ...FUNCTIONS, undescribed })).toThrow(/function undescribed: no description/);
    expect(() => ruleDocsSource(FUNCTIONS, { ...OPERATORS, odd: { ...OPERATORS.after!, example: '' } })).toThrow(/operator odd: its example must be a condition using it/);
    const later = { ...OPERATORS.after!, example: '{ "fact": "asOf", "operator": "later", "value": { "fact": "due" } }' };
    expect(() => ruleDocsSource(FUNCTIONS, { ...OPERATORS, later })).toThrow(/operator later: not in src\/engine\/operator-docs\.ts/);
  });

  it('walks through a rule whose files validate and pass their cases, printing what the page shows', async () => {
    const files = walkThrough.filter((b) => b.info.startsWith('json rules/'));
    expect(files.map((b) => b.info)).toEqual(['json rules/local/cp-plan-over-2-years.rule.json', 'json rules/local/cp-plan-over-2-years.cases.json']);
    const dir = tempDir('rule-docs-');
    made.push(dir);
    for (const b of files) writeFileSync(join(dir, basename(b.info)), b.text);
    const shown = walkThrough.filter((b) => b.info === 'text').map((b) => b.text.trim());
    const validate = await complyHere('validate', '--rules', dir);
    expect(validate.status).toBe(0);
    expect(validate.stdout.replace(`${dir}/`, 'rules/local/').trim()).toBe(shown[0]);
    const test = await complyHere('test', '--rules', dir);
    expect(test.status).toBe(0);
    expect(test.stdout).toContain(shown[1]);
  });

  it('shows in each step a part of the whole rule file or one of its cases', () => {
    const [rule, cases] = walkThrough.filter((b) => b.info.startsWith('json rules/')).map((b) => JSON.parse(b.text) as Record<string, unknown>);
    const steps = walkThrough.filter((b) => b.info === 'json');
    expect(steps.length).toBeGreaterThanOrEqual(8);
    for (const step of steps) {
      const part = JSON.parse(step.text.trim().startsWith('{') ? step.text : `{${step.text}}`) as Record<string, unknown>;
      if ('asOf' in part) expect(cases!.cases).toContainEqual(part);
      else expect(rule).toMatchObject(part);
    }
  });
});
