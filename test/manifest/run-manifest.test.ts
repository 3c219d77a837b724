// The run manifest is the audit trail of a run: which tool, command and as-of date, which rules
// (each with its version, a hash of its definition and its counts) and which files. Hashes must
// not change with a file's layout, and must change with anything that decides a result.
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/engine/run-check.js';
import type { Finding } from '../../src/findings/finding.js';
import { canonicalJson } from '../../src/manifest/canonical-json.js';
import { completeRun, ruleFingerprints, ruleSetSha256, type RunContext } from '../../src/manifest/complete-run.js';
import type { RulePack } from '../../src/rules/rule-pack.js';
import type { RuleDef } from '../../src/rules/rule.js';

/** Stands in for SHA-256: shows what was hashed. */
const sha256 = (content: string | Uint8Array) => `sha(${typeof content === 'string' ? content : `${content.length} bytes`})`;

describe('canonicalJson', () => {
  it('sorts object keys at every depth, keeps array order, and leaves out undefined fields', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: null, y: 'x' }], c: undefined }, A: true })).toBe('{"A":true,"a":{"d":[3,{"y":"x","z":null}]},"b":1}');
    expect(canonicalJson({ b: 1, a: 2 })).toBe(canonicalJson({ a: 2, b: 1 }));
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson('a"b')).toBe('"a\\"b"');
    expect(canonicalJson({ 'a"': 1 })).toBe('{"a\\"":1}');
  });
});

const rule = (id: string, version: number, extra: object = {}) => ({ $schema: '../schema/rule.schema.json', id, version, title: `Rule ${id}`, ...extra }) as unknown as RuleDef;
const pack = { rules: [rule('b.two', 2), rule('a.one', 1, { z: 1, a: 2 }), rule('c.three', 1)], datasets: [{ id: 'ds' }], calendar: { dates: ['2017-01-02'] }, cases: [], overviews: [] } as unknown as RulePack;

describe('rule fingerprints', () => {
  it('are in rule id order, each hashing the rule with its keys sorted and without $schema', () => {
    expect(ruleFingerprints(pack.rules, sha256)).toEqual([
      { id: 'a.one', version: 1, sha256: 'sha({"a":2,"id":"a.one","title":"Rule a.one","version":1,"z":1})' },
      { id: 'b.two', version: 2, sha256: 'sha({"id":"b.two","title":"Rule b.two","version":2})' },
      { id: 'c.three', version: 1, sha256: 'sha({"id":"c.three","title":"Rule c.three","version":1})' },
    ]);
  });

  it('give one rule set hash for the rules, datasets and calendar together', () => {
    const prints = [{ id: 'a.one', version: 1, sha256: 'x' }];
    expect(ruleSetSha256(prints, pack, sha256)).toBe('sha({"calendar":{"dates":["2017-01-02"]},"datasets":[{"id":"ds"}],"rules":[{"id":"a.one","sha256":"x","version":1}]})');
  });
});

describe('completeRun', () => {
  const finding = (file: string, row: number): Finding => ({ file, row, kind: 'unreadable-value', level: 'error', message: 'm' });
  const counts = (exceptions: number) => ({ considered: 1, notApplicable: 0, checked: 1, passed: 1 - exceptions, exceptions, merged: 0, notEvaluable: 0 });
  const checked = {
    asOf: '2017-01-18',
    rules: [
      { ruleId: 'c.three', version: 1, ran: true, counts: counts(1) },
      { ruleId: 'a.one', version: 1, ran: true, counts: counts(0) },
      { ruleId: 'x.not-in-pack', version: 4, ran: true, counts: counts(0) },
    ],
    exceptions: [],
    findings: [finding('b.csv', 7), finding('b.csv', 2)],
  } as unknown as CheckResult;
  const context: RunContext = {
    pack,
    select: (r) => r.id !== 'b.two',
    command: 'check',
    version: '1.2.3',
    inputs: [{ file: 'data/b.csv', size: 10, sha256: 'f1' }],
    skipped: [{ file: 'a-notes.docx', why: 'not a spreadsheet' }],
    sha256,
  };
  it('adds a finding for each file skipped, in the findings order', () => {
    const run = completeRun(checked, context);
    expect(run.findings.map((f) => [f.file, f.row, f.kind, f.message])).toEqual([
      ['a-notes.docx', undefined, 'unreadable-file', 'not a spreadsheet'],
      ['b.csv', 2, 'unreadable-value', 'm'],
      ['b.csv', 7, 'unreadable-value', 'm'],
    ]);
    expect(checked.findings.map((f) => f.row)).toEqual([7, 2]);
  });

  it('writes the manifest: tool, command, as-of date, the selected rules hashed together, each rule judged with its hash and counts, the files read', () => {
    const run = completeRun(checked, context);
    const prints = ruleFingerprints([pack.rules[1]!, pack.rules[2]!], sha256);
    expect(run.manifest).toEqual({
      tool: { name: 'csc-comply', version: '1.2.3' },
      command: 'check',
      asOf: '2017-01-18',
      ruleSet: {
        sha256: ruleSetSha256(prints, pack, sha256),
        rules: [
          { id: 'c.three', version: 1, sha256: prints[1]!.sha256, counts: counts(1) },
          { id: 'a.one', version: 1, sha256: prints[0]!.sha256, counts: counts(0) },
          { id: 'x.not-in-pack', version: 4, sha256: '', counts: counts(0) },
        ],
      },
      inputs: [{ file: 'data/b.csv', size: 10, sha256: 'f1' }],
    });
    expect(run.manifest!.inputs).not.toBe(context.inputs);
    expect(run.asOf).toBe('2017-01-18');
    expect(run.rules).toBe(checked.rules);
  });
});
