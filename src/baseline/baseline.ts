import { dayFromIso } from '../calendar/index.js';
import type { ExceptionRecord, ShownValue } from '../engine/outcome.js';
import type { Severity } from '../rules/rule.js';
import type { RuleFingerprint } from '../manifest/run-manifest.js';

/** An earlier run's JSON report, as much of it as the comparison needs. */
export interface Baseline {
  asOf: string;
  exceptions: ExceptionRecord[];
  /** Rules as that run used them; absent in a report made before manifests existed. */
  rules?: RuleFingerprint[];
}

/** The rules that differ between the baseline's run and this one. */
export interface RuleChanges {
  added: string[];
  removed: string[];
  changed: string[];
}

/** This run against the baseline: what was put right since, and how the rules moved. */
export interface BaselineComparison {
  file: string;
  asOf: string;
  resolved: ExceptionRecord[];
  ruleChanges: RuleChanges | null;
}

/** The file is not a report this tool can compare with. */
export class BaselineError extends Error {}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const shown = (v: unknown): ShownValue => (typeof v === 'string' || typeof v === 'number' ? v : null);
const SEVERITIES: readonly string[] = ['high', 'medium', 'low', 'info'];

function exceptionFrom(v: unknown, index: number, name: string): ExceptionRecord {
  if (!isObject(v) || typeof v.id !== 'string' || typeof v.ruleId !== 'string') {
    throw new BaselineError(`${name}: exceptions[${index}] has no "id" and "ruleId": is it a csc-comply JSON report?`);
  }
  const source = isObject(v.source) ? v.source : {};
  const columns = isObject(v.columns) ? Object.fromEntries(Object.entries(v.columns).map(([k, c]) => [k, shown(c)])) : {};
  const record: ExceptionRecord = {
    id: v.id,
    ruleId: v.ruleId,
    severity: (SEVERITIES.includes(String(v.severity)) ? v.severity : 'info') as Severity,
    subject: text(v.subject) ?? '',
    dueDate: text(v.dueDate),
    message: text(v.message) ?? '',
    team: text(v.team),
    worker: text(v.worker),
    columns,
    source: { file: text(source.file) ?? '', ...(typeof source.sheet === 'string' ? { sheet: source.sheet } : {}), row: typeof source.row === 'number' ? source.row : 0 },
  };
  const service = text(v.service);
  if (service !== null) record.service = service;
  const firstSeen = text(v.firstSeen);
  if (firstSeen !== null && dayFromIso(firstSeen) !== undefined) record.firstSeen = firstSeen;
  return record;
}

function rulesFrom(manifest: unknown): RuleFingerprint[] | undefined {
  if (!isObject(manifest) || !isObject(manifest.ruleSet) || !Array.isArray(manifest.ruleSet.rules)) return undefined;
  return manifest.ruleSet.rules.filter(isObject).map((r) => ({ id: String(r.id), version: Number(r.version), sha256: String(r.sha256) }));
}

/** Reads an earlier JSON report (`comply check --format json`); says plainly why one cannot be used. */
export function parseBaseline(json: unknown, name: string): Baseline {
  if (!isObject(json) || typeof json.asOf !== 'string' || dayFromIso(json.asOf) === undefined) {
    throw new BaselineError(`${name} is not a csc-comply JSON report (no "asOf" date): make the baseline with --format json`);
  }
  if (!Array.isArray(json.exceptions)) {
    throw new BaselineError(`${name} has no exception list (made with --aggregate-only?): use last week's full JSON report`);
  }
  const rules = rulesFrom(json.manifest);
  return { asOf: json.asOf, exceptions: json.exceptions.map((e, i) => exceptionFrom(e, i, name)), ...(rules ? { rules } : {}) };
}

/** An earlier JSON report's text (a byte-order mark allowed) as the baseline; says plainly why it cannot be used. */
export function parseBaselineText(text: string, name: string): Baseline {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new BaselineError(`The baseline ${name} is not JSON: give the .json report of an earlier run (--format json)`);
  }
  return parseBaseline(json, name);
}
