import { sideBySide } from './side-by-side.js';
import type { PackTestReport } from './test-pack.js';
import { probeLabel } from './test-text.js';

/** Text as XML attribute or element content; characters XML cannot hold are dropped. */
const xml = (s: string) =>
  s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

interface TestCase {
  name: string;
  failure?: { type: 'failure' | 'error'; message: string; detail: string };
}

function testCase(suite: string, t: TestCase): string {
  const open = `    <testcase classname="${xml(suite)}" name="${xml(t.name)}"`;
  if (!t.failure) return `${open}/>`;
  const { type, message, detail } = t.failure;
  return `${open}>\n      <${type} message="${xml(message)}" type="${type === 'error' ? 'could-not-run' : 'mismatch'}">${xml(detail)}</${type}>\n    </testcase>`;
}

/**
 * JUnit XML, as CI systems read it: a suite per rule, a test per case and one per boundary
 * move. No timestamps or durations, so the same pack gives the same bytes.
 */
export function testJunit(report: PackTestReport): string {
  const suites = report.rules.map((rule) => {
    const tests: TestCase[] = [
      ...rule.cases.map((c): TestCase => {
        if (c.passed) return { name: c.name };
        if (c.error) return { name: c.name, failure: { type: 'error', message: c.error, detail: c.error } };
        return { name: c.name, failure: { type: 'failure', message: 'the exceptions differ from those expected', detail: sideBySide(c, '').join('\n') } };
      }),
      ...rule.probes.map((p): TestCase => {
        const name = `boundary: ${probeLabel(p)}`;
        if (p.noticedBy !== undefined) return { name };
        const message = `under-tested: moving ${probeLabel(p)} changes no case`;
        return { name, failure: { type: 'failure', message, detail: `${message}; add a case on each side of that boundary` } };
      }),
    ];
    const failures = tests.filter((t) => t.failure?.type === 'failure').length;
    const errors = tests.filter((t) => t.failure?.type === 'error').length;
    return {
      tests: tests.length,
      failures,
      errors,
      text: [`  <testsuite name="${xml(rule.ruleId)}" tests="${tests.length}" failures="${failures}" errors="${errors}" skipped="0">`, ...tests.map((t) => testCase(rule.ruleId, t)), '  </testsuite>'].join('\n'),
    };
  });
  const sum = (k: 'tests' | 'failures' | 'errors') => suites.reduce((n, s) => n + s[k], 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="comply test" tests="${sum('tests')}" failures="${sum('failures')}" errors="${sum('errors')}">`,
    ...suites.map((s) => s.text),
    '</testsuites>',
    '',
  ].join('\n');
}
