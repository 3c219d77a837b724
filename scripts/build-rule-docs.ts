/**
 * Writes docs/rule-language.md: the hand-written walk-through of scripts/rule-docs/rule-language.template.md,
 * with its reference sections filled from the metadata `comply validate` checks rules against:
 * each function's kinds, units, description, example and empty handling (src/facts/functions/),
 * each operator's (src/engine/operators.ts), the built-in facts (src/engine/compile-rule.ts), and
 * the parts of a rule, expressions and parameter units of schema/rule.schema.json. A function or operator without
 * its description or example is an error here, and a test fails while the file is out of date:
 * run `npm run docs:rules`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILT_IN_FACT_DOCS, BUILT_IN_FACTS } from '../src/engine/compile-rule.js';
import { OPERATOR_DOCS, type OperatorDoc } from '../src/engine/operator-docs.js';
import { OPERATORS, type OperatorDef } from '../src/engine/operators.js';
import { FUNCTIONS, type FactFunction, type ValueKind } from '../src/facts/functions.js';
import type { ParameterUnit } from '../src/rules/rule.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const RULE_DOCS_FILE = join(ROOT, 'docs', 'rule-language.md');
const TEMPLATE_FILE = join(ROOT, 'scripts', 'rule-docs', 'rule-language.template.md');

const KINDS: Record<ValueKind, string> = {
  date: 'a date: a date column, a fact holding a date, or a function giving one',
  number: 'a number: a number column, a fact, or a parameter with unit `count`',
  text: 'a text: a text value, or a parameter with unit `text` (one text or a list of codes)',
  interval: 'a length of time: a parameter with an interval unit (`days`, `workingDays`, `weeks`, `months`, `years`)',
  dates: 'a list of dates: `{ "related": name, "column": ... }` (a column of the related rows) or a function giving one',
  rows: 'rows: `{ "rows": name }`, the related or grouped rows as records',
  column: 'a column name of those rows, written `{ "value": "DECOM" }`',
  operator: 'an operator name (one of the operators below), written `{ "value": "textIn" }`',
  items: 'a list of records, judged one by one with `each` and read with `{ "fact": ..., "path": field }`',
  any: 'any value',
};

const UNITS: Record<ParameterUnit, string> = {
  days: 'calendar days (an interval)',
  workingDays: 'working days: Monday to Friday except the bank holidays of England and Wales in `rules/calendars/` (an interval; only added, never subtracted; a date outside the calendar’s years makes the row not evaluable)',
  weeks: 'weeks of 7 days (an interval)',
  months: 'calendar months (an interval): 31 August + 6 months is 28 February (29 in a leap year)',
  years: 'calendar years, counted as 12 calendar months (an interval)',
  count: 'a plain number: a count or a threshold compared with one',
  text: 'a text, or a list of texts (codes)',
};

const EXPRESSIONS: Record<string, string> = {
  column: 'the cell of this column in the row judged (of the group’s first row, with `groupBy`)',
  fact: 'another fact of the rule, a built-in fact or an `each` item; `path` reads a field of a record (`"first.LS"`)',
  rows: 'the related (or grouped) rows under that name, as records (column → value)',
  param: 'a parameter of the rule (an interval, a count or a text)',
  value: 'a value written in the rule: a text (column names, codes) or true/false; a number must be a parameter instead',
  'column+related': 'the list of that column’s values over the related rows',
  'args+call': 'a function of the arguments (listed [below](#functions))',
};

/** The parts of a rule whose schema has no description of its own. */
const RULE_KEYS: Record<string, string> = {
  $schema: 'The path to `schema/rule.schema.json`, so an editor completes and checks the file.',
  title: 'A short name, shown in the Summary.',
  description: 'What the rule flags, in a sentence or two.',
  severity: '`high`, `medium`, `low` or `info`.',
  source: 'Where the standard comes from: `title`, `kind` (`statutory`, `statutory guidance`, `inspection framework`, `local practice`, `recommended standard`), `url`, `note`.',
  tags: 'Words grouping rules: `drift` puts the rule in `comply drift`.',
  subject: 'An expression naming who or what an exception is about; it is part of the exception id.',
  related: 'Rows of other datasets with the same key, by name: `{ "visits": { "dataset": "reg44-visits", "match": { "their column": "our column" } } }`, read as `{ "related": "visits", "column": ... }` or `{ "rows": "visits" }`.',
  parameters: 'Thresholds by name: `{ "value": ..., "unit": ..., "description": ... }` (units [below](#parameter-units)).',
  facts: 'Named expressions computed for each row (or item of `each`).',
  appliesWhen: 'Conditions: a row for which they are false is not applicable (counted, not judged).',
  conditions: 'Conditions: a row in scope for which they are true is an exception.',
  exception: 'What an exception shows: `dueDate` (an expression), `message` (`{fact}` placeholders: dates as dd/mm/yyyy, `{fact:month}` a month, `{fact|text}` the text when the fact is empty), `team` and `worker` (expressions), `show` (more columns: `label`, `value`, `format` `date`, `month`, `number` or `text`).',
  sheetName: 'The rule’s sheet name in the workbook (else the rule id).',
};

interface SchemaBranch {
  required: string[];
  properties: Record<string, unknown>;
  description?: string;
}

interface RuleSchema {
  required: string[];
  properties: Record<string, { description?: string; additionalProperties?: { properties: { unit: { enum: string[] } } } }>;
  definitions: { expr: { oneOf: SchemaBranch[] } };
}

function schema(): { expr: SchemaBranch[]; units: string[]; keys: { key: string; required: boolean; description?: string }[] } {
  const json = JSON.parse(readFileSync(join(ROOT, 'schema', 'rule.schema.json'), 'utf8')) as RuleSchema;
  return {
    expr: json.definitions.expr.oneOf,
    units: json.properties.parameters!.additionalProperties!.properties.unit.enum,
    keys: Object.entries(json.properties).map(([key, p]) => ({ key, required: json.required.includes(key), description: p.description ?? RULE_KEYS[key] })),
  };
}

/** Every piece of metadata the page needs that is missing or malformed, so the script can refuse all at once. */
export function missingDocs(functions: Record<string, FactFunction>, operators: Record<string, OperatorDef>, operatorDocs: Record<string, OperatorDoc> = OPERATOR_DOCS): string[] {
  const missing: string[] = [];
  for (const [name, f] of Object.entries(functions)) {
    if (!f.description?.trim()) missing.push(`function ${name}: no description`);
    const call = f.example?.split(' → ')[0] ?? '';
    let parsed: unknown;
    try {
      parsed = JSON.parse(call);
    } catch {
      parsed = undefined;
    }
    if ((parsed as { call?: unknown } | undefined)?.call !== name) {
      missing.push(`function ${name}: its example must be a call of it as a rule writes it (JSON), optionally followed by " → " and what it gives`);
    }
    if (f.takesEmpty && !f.empty?.trim()) missing.push(`function ${name}: takes empty values, so it needs "empty" (what it does with them)`);
  }
  for (const [name, o] of Object.entries(operators)) {
    if (!o.description?.trim()) missing.push(`operator ${name}: no description`);
    if (!Object.hasOwn(operatorDocs, name)) missing.push(`operator ${name}: not in src/engine/operator-docs.ts (what it compares, what it does with empty values)`);
    const example = (() => {
      try {
        return JSON.parse(o.example ?? '') as { operator?: unknown };
      } catch {
        return undefined;
      }
    })();
    if (example?.operator !== name) missing.push(`operator ${name}: its example must be a condition using it`);
  }
  const { expr, units, keys } = schema();
  for (const { key, description } of keys) if (!description) missing.push(`rule key ${key}: no description`);
  for (const branch of expr) if (!branch.description && !EXPRESSIONS[[...branch.required].sort().join('+')]) missing.push(`expression {${branch.required.join(', ')}}: no description`);
  for (const unit of units) if (!(unit in UNITS)) missing.push(`parameter unit ${unit}: no description`);
  return missing;
}

function argument(f: FactFunction, kind: ValueKind, i: number): string {
  const units = kind === 'interval' ? ` in ${(f.units ?? ['days', 'workingDays', 'weeks', 'months', 'years']).map((u) => `\`${u}\``).join(', ')}` : '';
  const repeats = f.variadic && i === f.args.length - 1 ? ' (this one may repeat)' : '';
  return `${i + 1}. \`${kind}\`${units}${repeats}`;
}

function functionSection(name: string, f: FactFunction): string {
  const [call, gives] = f.example.split(' → ') as [string, string | undefined];
  const fields = f.fields ? ` with fields ${Object.entries(f.fields).map(([k, v]) => `\`${k}\` (${v})`).join(', ')}` : '';
  const empty = f.takesEmpty ? f.empty! : `An empty argument gives an empty result (the function does not run).${f.empty ? ` ${f.empty}` : ''}`;
  return [
    `#### \`${name}\``,
    '',
    f.description,
    '',
    `- Arguments: ${f.args.map((k, i) => argument(f, k, i)).join('; ')}`,
    `- Returns: \`${f.returns}\`${fields}`,
    `- Empty values: ${empty}`,
    `- Example: \`${call}\`${gives ? ` gives ${gives}` : ''}`,
  ].join('\n');
}

function operatorSection(name: string, o: OperatorDef): string {
  const doc = OPERATOR_DOCS[name]!;
  return [
    `#### \`${name}\``,
    '',
    // json-rules-engine's comparisons are described by their symbol alone (`<`).
    `Tests: ${/[a-z]/i.test(o.description) ? o.description : `fact ${o.description} value`}.`,
    '',
    `- Fact: ${doc.fact}; value: ${doc.value}`,
    `- Empty values: ${doc.empty}`,
    `- Example: \`${o.example}\``,
  ].join('\n');
}

/** The page's text, from the template and the metadata as they are now. */
export function ruleDocsSource(functions: Record<string, FactFunction> = FUNCTIONS, operators: Record<string, OperatorDef> = OPERATORS): string {
  const missing = missingDocs(functions, operators);
  if (missing.length) throw new Error(`docs/rule-language.md cannot be written; add the metadata:\n${missing.map((m) => `  ${m}`).join('\n')}`);
  const { expr, units, keys } = schema();
  const shape = (b: SchemaBranch) =>
    `\`{ ${Object.keys(b.properties).map((k) => (b.required.includes(k) ? `"${k}": ...` : `"${k}"?: ...`)).join(', ')} }\``;
  const parts: Record<string, string> = {
    'generated-note': 'Generated by scripts/build-rule-docs.ts from scripts/rule-docs/rule-language.template.md and the metadata of the functions, operators and schema: edit those, then run `npm run docs:rules`.',
    keys: keys.map((k) => `- \`${k.key}\`${k.required ? ' (required)' : ''}: ${k.description}`).join('\n'),
    expressions: expr.map((b) => `- ${shape(b)}: ${b.description ?? EXPRESSIONS[[...b.required].sort().join('+')]}`).join('\n'),
    units: units.map((u) => `- \`${u}\`: ${UNITS[u as ParameterUnit]}`).join('\n'),
    kinds: Object.entries(KINDS).map(([k, d]) => `- \`${k}\`: ${d}`).join('\n'),
    facts: BUILT_IN_FACTS.map((name) => `- \`${name}\`: ${BUILT_IN_FACT_DOCS[name].description} Example: \`${BUILT_IN_FACT_DOCS[name].example}\``).join('\n'),
    functions: Object.entries(functions).map(([name, f]) => functionSection(name, f)).join('\n\n'),
    operators: Object.entries(operators).map(([name, o]) => operatorSection(name, o)).join('\n\n'),
  };
  return readFileSync(TEMPLATE_FILE, 'utf8').replace(/\{\{([a-z-]+)\}\}/g, (all, key: string) => {
    if (!(key in parts)) throw new Error(`${TEMPLATE_FILE}: unknown placeholder ${all}`);
    return parts[key]!;
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(RULE_DOCS_FILE, ruleDocsSource());
  process.stderr.write(`wrote ${RULE_DOCS_FILE}\n`);
}
