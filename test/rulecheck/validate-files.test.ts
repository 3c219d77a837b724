// `comply validate` reading a pack folder's files: a byte order mark, JSON that is not strict or
// nests too deep, keys that could reach an object's prototype, and a folder of rules alone
// (datasets and calendars borrowed from the shipped pack); each problem as the command prints it.
import { describe, expect, it } from 'vitest';
import { assemblePack } from '../../src/rules/assemble-pack.js';
import { MAX_JSON_DEPTH } from '../../src/rules/json-depth.js';
import { parsePackFile, parsePackFiles } from '../../src/rules/parse-pack-file.js';
import { problemText } from '../../src/rules/problem-text.js';
import type { PackFile } from '../../src/rules/rule-pack.js';

const printed = (path: string, text: string) => parsePackFile(path, text).problems.map((p) => problemText(p));

describe('a pack file as text', () => {
  it('reads a file that starts with a byte order mark as the JSON after it', () => {
    const { file, problems } = parsePackFile('datasets/a.json', '\uFEFF{\n  "id": "a"\n}\n');
    expect(problems).toEqual([]);
    expect(file).toEqual({ path: 'datasets/a.json', json: { id: 'a' }, text: '{\n  "id": "a"\n}\n' });
  });

  it(`refuses JSON nested more than ${MAX_JSON_DEPTH} levels deep, at the bracket that goes too deep`, () => {
    const deep = `{\n  "a": ${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}\n}`;
    expect(printed('x.rule.json', deep)).toEqual([`x.rule.json:2:${8 + MAX_JSON_DEPTH - 1}: /: nests more than ${MAX_JSON_DEPTH} levels deep, which no rule needs`]);
    expect(parsePackFile('x.rule.json', `[${deep}]`).file).toBeUndefined();
  });

  it('says where text stops being JSON, an empty file included', () => {
    expect(printed('x.rule.json', '{\n  "a": 1\n  "b": 2\n}')).toEqual(['x.rule.json:3:3: /: not valid JSON: comma expected']);
    expect(printed('x.rule.json', '')).toEqual(['x.rule.json:1:1: /: not valid JSON: value expected']);
  });

  it('refuses every key that could reach a prototype, in objects and in lists, its pointer escaped; allows such a word as a value', () => {
    const text = '{\n  "a/b": { "constructor": 1 },\n  "list": [\n    { "prototype": { "__proto__": 2 } }\n  ],\n  "name": "__proto__"\n}\n';
    const why = 'is not allowed in rule files (it could change how every object behaves)';
    expect(printed('x.rule.json', text)).toEqual([
      `x.rule.json:2:12: /a~1b/constructor: the key "constructor" ${why}`,
      `x.rule.json:4:7: /list/0/prototype: the key "prototype" ${why}`,
      `x.rule.json:4:22: /list/0/prototype/__proto__: the key "__proto__" ${why}`,
    ]);
    expect(parsePackFile('x.rule.json', '{ "name": "__proto__", "list": ["constructor"] }').file?.json).toEqual({ name: '__proto__', list: ['constructor'] });
  });

  it('reads the files of a folder in the order given, keeping each problem and each file that could be read', () => {
    const { files, problems } = parsePackFiles([
      { path: 'b.rule.json', text: '{"id": "b"}' },
      { path: 'bad.rule.json', text: '{' },
      { path: 'a.rule.json', text: '{"id": "a"}' },
    ]);
    expect(files.map((f) => f.path)).toEqual(['b.rule.json', 'a.rule.json']);
    expect(problems.map((p) => p.file)).toEqual(['bad.rule.json']);
  });
});

describe('a problem as printed', () => {
  it('gives file, line and column when known (column 1 when only the line is), the folder before the file, and marks a warning', () => {
    expect(problemText({ file: 'a.rule.json', pointer: '/id', message: 'bad', line: 3, column: 5 })).toBe('a.rule.json:3:5: /id: bad');
    expect(problemText({ file: 'a.rule.json', pointer: '/id', message: 'bad', line: 3 })).toBe('a.rule.json:3:1: /id: bad');
    expect(problemText({ file: 'calendars/', pointer: '/', message: 'none' }, 'rules/')).toBe('rules/calendars/: /: none');
    expect(problemText({ file: 'a.rule.json', pointer: '/x', message: 'odd', warning: true })).toBe('a.rule.json: /x: warning: odd');
  });
});

describe('a folder of rules alone', () => {
  const dataset = (id: string): PackFile => ({ path: `datasets/${id}.json`, json: { id, title: id, columns: { ID: { type: 'id' } } } });
  const calendar: PackFile = { path: 'calendars/bh.json', json: { dates: ['2024-01-01'] } };
  const shipped = [dataset('children'), dataset('visits'), calendar, { path: 'reg44/x.rule.json', json: {} }];

  it('borrows the shipped datasets and calendars, and nothing else, when it has none of its own', () => {
    const { pack, files, problems } = assemblePack({ files: [], problems: [] }, shipped);
    expect(files.map((f) => f.path)).toEqual(['datasets/children.json', 'datasets/visits.json', 'calendars/bh.json']);
    expect(pack.datasets.map((d) => d.id)).toEqual(['children', 'visits']);
    expect(pack.calendar.dates).toEqual(['2024-01-01']);
    expect(problems).toEqual([]);
  });

  it('keeps its own datasets or calendars (in a folder of any depth) in place of the shipped ones, and its own problems first', () => {
    const own = { files: [{ ...dataset('staff'), path: 'local/datasets/staff.json' }], problems: [{ file: 'bad.rule.json', pointer: '/', message: 'not valid JSON' }] };
    const { pack, files, problems } = assemblePack(own, shipped);
    expect(files.map((f) => f.path)).toEqual(['local/datasets/staff.json', 'calendars/bh.json']);
    expect(pack.datasets.map((d) => d.id)).toEqual(['staff']);
    expect(problems).toEqual([own.problems[0]]);
    const withCalendar = assemblePack({ files: [{ ...calendar, path: 'calendars/own.json', json: { dates: ['2025-01-01'] } }], problems: [] }, shipped);
    expect(withCalendar.pack.calendar.dates).toEqual(['2025-01-01']);
    expect(withCalendar.pack.datasets.map((d) => d.id)).toEqual(['children', 'visits']);
  });
});
