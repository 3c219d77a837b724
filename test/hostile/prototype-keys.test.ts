// `__proto__`, `constructor` and `prototype` as keys in rule JSON and config: refused, and
// Object.prototype is never touched.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { complyHere, ROOT, tempDir } from '../helpers/cli.js';
import { AS_OF, corpus } from '../helpers/corpus.js';

const KEYS = ['__proto__', 'constructor', 'prototype'] as const;
const RULE = 'drift/cin-open-over-6-months.rule.json';

/** A copy of the shipped rule pack with one file's JSON text edited. */
function packWith(file: string, edit: (text: string) => string): string {
  const dir = join(tempDir(), 'rules');
  cpSync(join(ROOT, 'rules'), dir, { recursive: true });
  writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
  return dir;
}

afterEach(() => {
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe('in rule JSON', () => {
  it.each(KEYS)('"%s" at the top of a rule is refused, naming the file', async (key) => {
    const rules = packWith(RULE, (t) => t.replace('{', `{ "${key}": { "polluted": true },`));
    const run = await complyHere('check', '--data', corpus('title-rows.xlsx'), '--as-of', AS_OF, '--rules', rules);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(RULE);
    expect(run.stderr).toContain(`the key "${key}" is not allowed in rule files`);
  });

  it.each(KEYS)('"%s" deep inside a rule (as a fact name) is refused', async (key) => {
    const rules = packWith(RULE, (t) => t.replace('"facts": {', `"facts": { "${key}": { "column": "CIN Start Date" },`));
    const run = await complyHere('check', '--data', corpus('title-rows.xlsx'), '--as-of', AS_OF, '--rules', rules);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`the key "${key}" is not allowed`);
  });

  it('"__proto__" in a dataset definition is refused', async () => {
    const rules = packWith('datasets/annex-a-list-6.json', (t) => t.replace('"columns": {', '"columns": { "__proto__": { "type": "text" },'));
    const run = await complyHere('check', '--data', corpus('title-rows.xlsx'), '--as-of', AS_OF, '--rules', rules);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('datasets/annex-a-list-6.json');
    expect(run.stderr).toContain('the key "__proto__" is not allowed in rule files');
  });
});

describe('in the config file', () => {
  it.each(KEYS)('"%s" anywhere is refused', async (key) => {
    const config = join(tempDir(), 'config.json');
    writeFileSync(config, `{"headerAliases": {"annex-a-list-6": {"${key}": ["x"]}}}`);
    const run = await complyHere('check', '--data', corpus('title-rows.xlsx'), '--as-of', AS_OF, '--config', config);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`comply: Cannot read config ${config}: the key "${key}" is not allowed\n`);
  });
});
