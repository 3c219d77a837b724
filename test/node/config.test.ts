// The --config file: read with or without a byte order mark, and never quoted in a message.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAKE_PERSON } from '../../scripts/hostile/corpus.js';
import { complyHere, tempDir } from '../helpers/cli.js';

const check = (config: string) => complyHere('check', '--data', 'fixtures/demo/reg44-visits.xlsx', '--as-of', '2017-01-18', '--format', 'json', '--config', config);

describe('a config file', () => {
  it('saved with a byte order mark (as Notepad does) is read', async () => {
    const config = join(tempDir(), 'bom.json');
    writeFileSync(config, `\uFEFF${JSON.stringify({ headerAliases: { 'annex-a-list-6': { 'Child Unique ID': ['Person ID'] } } })}`);
    const run = await check(config);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('that is a data file is refused by line and column, never quoting its content', async () => {
    const config = join(tempDir(), 'list6.csv');
    writeFileSync(config, `${FAKE_PERSON},01/06/2016\r\n`);
    const run = await check(config);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`comply: Cannot read config ${config}: it is not valid JSON (line 1, column 1: invalid symbol); a config is a JSON file such as { "headerAliases": { ... } }\n`);
    expect(run.stderr).not.toContain('Tobias');
  });

  it('that is JSON but not an object is refused', async () => {
    const config = join(tempDir(), 'list.json');
    writeFileSync(config, '["Tobias"]');
    const run = await check(config);
    expect(run).toMatchObject({ status: 2, stderr: `comply: Config ${config} must be a JSON object such as { "headerAliases": { ... } }\n` });
  });

  it('nested 10,000 deep is refused with a message naming it, not a stack overflow', async () => {
    const config = join(tempDir(), 'deep.json');
    writeFileSync(config, `{"headerAliases":${'['.repeat(10_000)}${']'.repeat(10_000)}}`);
    const run = await check(config);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`comply: Cannot read config ${config}: it nests more than 100 levels deep (at line 1, column 117): a config is a few levels of { } and [ ]\n`);
  });
});

describe('a rule file nested 10,000 deep', () => {
  it('is a problem naming the file, in validate and in check', async () => {
    const rules = tempDir();
    mkdirSync(join(rules, 'deep'));
    writeFileSync(join(rules, 'deep', 'deep.rule.json'), `{"id":${'{"all":['.repeat(10_000)}${']}'.repeat(10_000)}}`);
    const validate = await complyHere('validate', '--rules', rules);
    expect(validate.status).toBe(1);
    expect(validate.stdout + validate.stderr).toContain('deep/deep.rule.json:1:');
    expect(validate.stdout + validate.stderr).toContain('nests more than 100 levels deep, which no rule needs');
    const run = await complyHere('check', '--rules', rules, '--data', 'fixtures/demo/reg44-visits.xlsx', '--as-of', '2017-01-18');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('deep/deep.rule.json');
    expect(run.stderr).not.toContain('Maximum call stack');
  });
});
