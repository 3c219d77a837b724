import type { ValidateFunction } from 'ajv';
import type { DatasetDef } from '../datasets/dataset.js';
import { FUNCTIONS } from '../facts/functions.js';
import { OPERATORS } from '../engine/operators.js';
import { orderFacts, BUILT_IN_FACTS } from '../engine/compile-rule.js';
import { MESSAGE_PLACEHOLDER } from '../engine/format.js';
import { factsRead } from '../facts/compile-expression.js';
import type { OverviewDef } from './overview.js';
import { eachLevels, isIntervalUnit, type Condition, type Expr, type RuleCases, type RuleDef } from './rule.js';
import { parseJsonTree, pointerOffset, positionAt } from './json-source.js';
import { packFileRole, type PackFile, type RulePack } from './rule-pack.js';
import { didYouMean, noColumn } from './nearest-name.js';
import { fixedOperand, operandProblem } from './operand-problems.js';
import { schemaProblems } from './schema-problems.js';
import * as validators from './schema-validators.js';
import { datedByProblems, undeclaredDateProblems } from './validate-dates.js';
import { overviewProblems } from './validate-overview.js';

/** A problem with a rule pack file, pointing at the JSON location. */
export interface PackProblem {
  file: string;
  /** JSON pointer into the file, e.g. /facts/dueDate/call. */
  pointer: string;
  message: string;
  /** 1-based, where the pointer could be found in the file's text. */
  line?: number;
  column?: number;
  /** Looks like a slip but may be meant: reported, without failing validation or stopping a run. */
  warning?: true;
}

/** ajv's validators of the shipped schemas, compiled ahead of time by scripts/build-validators.ts. */
const SCHEMA_VALIDATORS = validators as unknown as Record<'rule' | 'dataset' | 'cases' | 'overview', ValidateFunction>;

const WRITTEN_NUMBER = 'a number written into the rule is a threshold: make it a parameter with a unit (e.g. count), so it is documented and the boundary check tests it';

function* walkExpr(expr: Expr, pointer: string): Generator<[Expr, string]> {
  yield [expr, pointer];
  if ('call' in expr) for (const [i, a] of expr.args.entries()) yield* walkExpr(a, `${pointer}/args/${i}`);
}

function* walkCondition(c: Condition, pointer: string): Generator<[Condition, string]> {
  yield [c, pointer];
  if ('all' in c) for (const [i, x] of c.all.entries()) yield* walkCondition(x, `${pointer}/all/${i}`);
  if ('any' in c) for (const [i, x] of c.any.entries()) yield* walkCondition(x, `${pointer}/any/${i}`);
  if ('not' in c) yield* walkCondition(c.not, `${pointer}/not`);
}

/** Checks the schema cannot express: names that must exist, columns the dataset defines, units a function takes. */
export function ruleProblems(rule: RuleDef, file: string, datasets: ReadonlyMap<string, DatasetDef>): PackProblem[] {
  const problems: PackProblem[] = [];
  const say = (pointer: string, message: string) => problems.push({ file, pointer, message });
  const own = datasets.get(rule.dataset);
  if (!own) say('/dataset', `unknown dataset "${rule.dataset}"${didYouMean(rule.dataset, datasets.keys())}`);
  for (const [name, r] of Object.entries(rule.related ?? {})) {
    const ds = datasets.get(r.dataset);
    if (!ds) say(`/related/${name}/dataset`, `unknown dataset "${r.dataset}"${didYouMean(r.dataset, datasets.keys())}`);
    for (const [theirs, ours] of Object.entries(r.match)) {
      if (ds && !(theirs in ds.columns)) say(`/related/${name}/match`, noColumn(ds, theirs));
      if (own && !(ours in own.columns)) say(`/related/${name}/match`, noColumn(own, ours));
    }
  }
  const usedParameters = new Set<string>();
  const levels = eachLevels(rule);
  const levelPointer = (i: number) => (Array.isArray(rule.each) ? `/each/${i}` : '/each');
  /** The dataset of each name rows can be read under: related datasets and the rule's own groups. */
  const rowSets = new Map(Object.entries(rule.related ?? {}).map(([name, r]) => [name, r.dataset]));
  if (rule.groupBy) {
    if (rowSets.has(rule.groupBy.name)) say('/groupBy/name', `"${rule.groupBy.name}" is also a related dataset's name`);
    rowSets.set(rule.groupBy.name, rule.dataset);
    for (const [i, c] of rule.groupBy.columns.entries()) if (own && !(c in own.columns)) say(`/groupBy/columns/${i}`, noColumn(own, c));
  }
  /** The dataset of the rows an expression gives: read under a name, or narrowed from such rows (through facts too). */
  const rowsDatasetOf = (expr: Expr | undefined, seen: string[] = []): string | undefined => {
    if (!expr) return undefined;
    if ('rows' in expr) return rowSets.get(expr.rows);
    if ('fact' in expr && expr.path === undefined && !seen.includes(expr.fact)) return rowsDatasetOf(rule.facts[expr.fact], [...seen, expr.fact]);
    const f = 'call' in expr ? FUNCTIONS[expr.call] : undefined;
    return f?.returns === 'rows' ? rowsDatasetOf((expr as { args: Expr[] }).args[f.args.indexOf('rows')], seen) : undefined;
  };
  levels.forEach((level, i) => {
    const readable = [...BUILT_IN_FACTS, ...levels.slice(0, i).map((l) => l.name)];
    for (const name of factsRead(level.list)) {
      if (!readable.includes(name)) say(`${levelPointer(i)}/list`, `a list can read only ${readable.join(', ')}; not "${name}"`);
    }
  });
  const known = new Set<string>([...BUILT_IN_FACTS, ...Object.keys(rule.facts), ...levels.map((l) => l.name)]);
  const exprs: [Expr, string][] = [
    [rule.subject, '/subject'],
    [rule.exception.dueDate, '/exception/dueDate'],
    ...Object.entries(rule.facts).map(([n, e]): [Expr, string] => [e, `/facts/${n}`]),
    ...levels.map((l, i): [Expr, string] => [l.list, `${levelPointer(i)}/list`]),
    ...(rule.exception.team ? [[rule.exception.team, '/exception/team'] as [Expr, string]] : []),
    ...(rule.exception.worker ? [[rule.exception.worker, '/exception/worker'] as [Expr, string]] : []),
    ...(rule.exception.show ?? []).map((s, i): [Expr, string] => [s.value, `/exception/show/${i}/value`]),
  ];
  for (const [top, base] of exprs) {
    for (const [e, pointer] of walkExpr(top, base)) {
      if ('rows' in e) {
        if (!rowSets.has(e.rows)) say(pointer, `unknown related dataset "${e.rows}"${didYouMean(e.rows, rowSets.keys())}`);
      } else if ('related' in e) {
        const dataset = rowSets.get(e.related);
        const def = dataset === undefined ? undefined : datasets.get(dataset);
        if (!dataset) say(pointer, `unknown related dataset "${e.related}"${didYouMean(e.related, rowSets.keys())}`);
        else if (def && !(e.column in def.columns)) say(pointer, noColumn(def, e.column));
      } else if ('column' in e) {
        if (own && !(e.column in own.columns)) say(pointer, noColumn(own, e.column));
      } else if ('fact' in e) {
        if (!known.has(e.fact)) say(pointer, `unknown fact "${e.fact}"${didYouMean(e.fact, known)}`);
      } else if ('param' in e) {
        const p = rule.parameters[e.param];
        if (!p) say(pointer, `unknown parameter "${e.param}"${didYouMean(e.param, Object.keys(rule.parameters))}`);
        else if (isIntervalUnit(p.unit) && !/\/args\/\d+$/.test(pointer)) say(pointer, `parameter "${e.param}" is an interval (${p.unit}): only a function that takes an interval can use it`);
        usedParameters.add(e.param);
      } else if ('value' in e) {
        if (typeof e.value === 'number') say(pointer, WRITTEN_NUMBER);
      } else if ('call' in e) {
        const f = FUNCTIONS[e.call];
        if (!f) {
          say(`${pointer}/call`, `unknown function "${e.call}"${didYouMean(e.call, Object.keys(FUNCTIONS)) || ` (known: ${Object.keys(FUNCTIONS).join(', ')})`}`);
          continue;
        }
        if (f.variadic ? e.args.length < 1 : e.args.length !== f.args.length) say(`${pointer}/args`, `${e.call} takes ${f.variadic ? 'one or more' : f.args.length} arguments`);
        const kindAt = (i: number) => f.args[Math.min(i, f.args.length - 1)];
        const rowsDataset = rowsDatasetOf(e.args.find((_a, i) => kindAt(i) === 'rows'));
        e.args.forEach((a, i) => {
          if (kindAt(i) === 'operator' && !('value' in a && typeof a.value === 'string' && OPERATORS[a.value])) say(`${pointer}/args/${i}`, `${e.call} needs an operator name here (a text value: ${Object.keys(OPERATORS).join(', ')})`);
          const operand = kindAt(i) === 'operator' && 'value' in a && e.args[i + 1] ? operandProblem(String(a.value), fixedOperand(rule, e.args[i + 1]!)) : undefined;
          if (operand) say(`${pointer}/args/${i + 1}`, operand);
          if (kindAt(i) !== 'column') return;
          if (!('value' in a) || typeof a.value !== 'string') say(`${pointer}/args/${i}`, `${e.call} needs a column name here (a text value)`);
          else if (rowsDataset && datasets.get(rowsDataset) && !(a.value in datasets.get(rowsDataset)!.columns)) say(`${pointer}/args/${i}`, noColumn(datasets.get(rowsDataset)!, a.value));
        });
        e.args.forEach((a, i) => {
          if (!('param' in a)) return;
          const p = rule.parameters[a.param];
          if (!p) return;
          const kind = kindAt(i);
          const isInterval = isIntervalUnit(p.unit);
          if (kind === 'interval' && !isInterval) say(`${pointer}/args/${i}`, `${e.call} needs an interval; parameter "${a.param}" has unit "${p.unit}"`);
          if (kind === 'interval' && isInterval && f.units && !f.units.includes(p.unit as never)) say(`${pointer}/args/${i}`, `${e.call} cannot take unit "${p.unit}" (it takes ${f.units.join(', ')})`);
          const plain = kind === 'number' ? 'count' : kind === 'text' ? 'text' : undefined;
          if (kind !== 'interval' && kind !== 'any' && p.unit !== plain) say(`${pointer}/args/${i}`, `${e.call} argument ${i + 1} needs ${kind === 'dates' ? 'a list of dates' : `a ${kind}`}; parameter "${a.param}" has unit "${p.unit}"`);
        });
      }
    }
  }
  for (const [name, p] of Object.entries(rule.parameters)) {
    if (!usedParameters.has(name)) say(`/parameters/${name}`, `parameter "${name}" is never used`);
    if (p.unit === 'text' && typeof p.value === 'string' && p.value.includes(',')) {
      const list = p.value.split(',').map((code) => code.trim());
      problems.push({ file, pointer: `/parameters/${name}/value`, warning: true, message: `parameter "${name}" is one text holding commas, so it matches only that whole text; a list of codes is written ${JSON.stringify(list).replace(/","/g, '", "')}` });
    }
  }
  for (const [, name] of rule.exception.message.matchAll(MESSAGE_PLACEHOLDER)) if (!known.has(name!)) say('/exception/message', `the message names unknown fact "{${name}}"${didYouMean(name!, known)}`);
  for (const [i, name] of (rule.requires ?? []).entries()) if (!known.has(name)) say(`/requires/${i}`, `unknown fact "${name}"${didYouMean(name, known)}`);
  const conditions: [Condition, string][] = [[rule.conditions as Condition, '/conditions']];
  if (rule.appliesWhen) conditions.push([rule.appliesWhen as Condition, '/appliesWhen']);
  for (const [i, w] of (rule.warnWhen ?? []).entries()) {
    conditions.push([w.conditions as Condition, `/warnWhen/${i}/conditions`]);
    if (own && w.column !== undefined && !(w.column in own.columns)) say(`/warnWhen/${i}/column`, noColumn(own, w.column));
  }
  for (const [top, base] of conditions) {
    for (const [c, pointer] of walkCondition(top, base)) {
      if (!('fact' in c)) continue;
      if (!known.has(c.fact)) say(`${pointer}/fact`, `unknown fact "${c.fact}"${didYouMean(c.fact, known)}`);
      if (!OPERATORS[c.operator]) say(`${pointer}/operator`, `unknown operator "${c.operator}"${didYouMean(c.operator, Object.keys(OPERATORS)) || ` (known: ${Object.keys(OPERATORS).join(', ')})`}`);
      if (typeof c.value === 'number') say(`${pointer}/value`, WRITTEN_NUMBER);
      const operand = operandProblem(c.operator, fixedOperand(rule, c.value));
      if (operand) say(`${pointer}/value`, operand);
      const v = c.value;
      if (v && typeof v === 'object' && !Array.isArray(v) && !known.has(v.fact)) say(`${pointer}/value/fact`, `unknown fact "${v.fact}"${didYouMean(v.fact, known)}`);
    }
  }
  try {
    orderFacts(rule.facts, [...BUILT_IN_FACTS, ...levels.map((l) => l.name)]);
  } catch (error) {
    say('/facts', (error as Error).message);
  }
  return problems;
}

/** Adds line and column to each problem whose file's text is at hand. */
export function locateProblems(problems: PackProblem[], files: readonly PackFile[]): PackProblem[] {
  const texts = new Map(files.map((f) => [f.path, f.text]));
  const trees = new Map<string, ReturnType<typeof parseJsonTree>>();
  return problems.map((p) => {
    const text = texts.get(p.file);
    if (p.line !== undefined || text === undefined) return p;
    if (!trees.has(p.file)) trees.set(p.file, parseJsonTree(text));
    const parsed = trees.get(p.file)!;
    return 'tree' in parsed ? { ...p, ...positionAt(text, pointerOffset(parsed.tree, p.pointer)) } : p;
  });
}

/** Validates every file of a pack against the shipped schemas and the checks above. */
export function validatePack(files: readonly PackFile[]): { pack: RulePack; problems: PackProblem[] } {
  const { rule: checkRule, dataset: checkDataset, cases: checkCases, overview: checkOverview } = SCHEMA_VALIDATORS;
  const problems: PackProblem[] = [];
  const pack: RulePack = { rules: [], datasets: [], cases: [], calendar: { dates: [] }, overviews: [] };
  const ruleFiles = new Map<string, string>();
  const datasetFiles = new Map<string, string>();
  const overviewFiles = new Map<OverviewDef, string>();
  const casesFiles = new Map<RuleCases, string>();
  const unreadableRuleIds = new Set<unknown>();
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const { path, json } of sorted) {
    switch (packFileRole(path)) {
      case 'dataset':
        if (!checkDataset(json)) problems.push(...schemaProblems(path, checkDataset.errors));
        else if (pack.datasets.some((d) => d.id === (json as DatasetDef).id)) problems.push({ file: path, pointer: '/id', message: `dataset id "${(json as DatasetDef).id}" is used by another dataset file too` });
        else {
          pack.datasets.push(json as DatasetDef);
          datasetFiles.set((json as DatasetDef).id, path);
        }
        break;
      case 'calendar': {
        const dates = (json as { dates?: unknown }).dates;
        if (Array.isArray(dates) && dates.every((d) => typeof d === 'string')) pack.calendar.dates.push(...(dates as string[]));
        else problems.push({ file: path, pointer: '/dates', message: 'a calendar needs "dates": a list of yyyy-mm-dd bank holidays' });
        break;
      }
      case 'rule':
        if (!checkRule(json)) {
          problems.push(...schemaProblems(path, checkRule.errors, json));
          unreadableRuleIds.add((json as { id?: unknown }).id);
          break;
        }
        if (ruleFiles.has((json as RuleDef).id)) {
          problems.push({ file: path, pointer: '/id', message: `rule id "${(json as RuleDef).id}" is also used by ${ruleFiles.get((json as RuleDef).id)}` });
          break;
        }
        ruleFiles.set((json as RuleDef).id, path);
        pack.rules.push(json as RuleDef);
        break;
      case 'cases':
        if (checkCases(json)) {
          pack.cases.push(json as RuleCases);
          casesFiles.set(json as RuleCases, path);
        } else problems.push(...schemaProblems(path, checkCases.errors));
        break;
      case 'overview':
        if (!checkOverview(json)) problems.push(...schemaProblems(path, checkOverview.errors));
        else {
          pack.overviews.push(json as OverviewDef);
          overviewFiles.set(json as OverviewDef, path);
        }
        break;
      case 'other':
        break;
    }
  }
  const datasets = new Map(pack.datasets.map((d) => [d.id, d]));
  for (const rule of pack.rules) problems.push(...ruleProblems(rule, ruleFiles.get(rule.id)!, datasets));
  problems.push(...undeclaredDateProblems(pack.rules, pack.datasets, datasetFiles), ...datedByProblems(pack.datasets, datasetFiles));
  const rules = new Map(pack.rules.map((r) => [r.id, r]));
  for (const o of pack.overviews) problems.push(...overviewProblems(o, overviewFiles.get(o)!, rules, unreadableRuleIds, datasets));
  for (const c of pack.cases) {
    if (!ruleFiles.has(c.rule) && !unreadableRuleIds.has(c.rule)) problems.push({ file: casesFiles.get(c)!, pointer: '/rule', message: `no rule with id "${c.rule}"` });
  }
  if (pack.calendar.dates.length === 0) problems.push({ file: 'calendars/', pointer: '/', message: 'no bank-holiday calendar in the pack' });
  pack.calendar.dates.sort();
  return { pack, problems: locateProblems(problems, files) };
}
