import type { ErrorObject } from 'ajv';
import { escapePointer } from './json-source.js';
import { PARAMETER_UNITS, type ParameterUnit } from './rule.js';
import type { PackProblem } from './validate-pack.js';

type Branch = { required?: string[]; properties?: Record<string, unknown>; const?: unknown; enum?: unknown[]; type?: string | string[]; items?: Branch };

/** An error raised by branch `i` of the oneOf at (path, schemaPath): at the same value or one of its own properties. */
function inBranch(e: ErrorObject, path: string, schemaPath: string, i: number): boolean {
  const branch = `${schemaPath}/${i}/`;
  if (!e.schemaPath.startsWith(branch)) return false;
  if (e.instancePath === path) return true;
  const key = e.instancePath.slice(path.length + 1);
  return e.instancePath.startsWith(`${path}/`) && !key.includes('/') && e.schemaPath.startsWith(`${branch}properties/${key}/`);
}

/** Errors that say a value is not of a branch's shape at all: a required key missing, another type, a value not among those listed. */
const SHAPE_KEYWORDS = new Set(['required', 'type', 'const', 'enum']);

/** A branch whose shape the value does not have at all. */
const rejectsShape = (errors: ErrorObject[], e: ErrorObject, i: number) =>
  errors.some((x) => x.instancePath === e.instancePath && inBranch(x, e.instancePath, e.schemaPath, i) && SHAPE_KEYWORDS.has(x.keyword));

/** A JSON type in words, as one value and as several. */
const TYPE_WORDS: Record<string, [string, string]> = {
  string: ['text', 'texts'],
  number: ['a number', 'numbers'],
  integer: ['a whole number', 'whole numbers'],
  boolean: ['true or false', 'true or false values'],
  null: ['null', 'nulls'],
  array: ['a list', 'lists'],
  object: ['an object', 'objects'],
};

const either = (words: string[]) => (words.length < 3 ? words.join(' or ') : `${words.slice(0, -1).join(', ')}, or ${words.at(-1)}`);

/**
 * One branch of a oneOf as a person reads it: its keys, else the values it allows, else its type
 * (a list's items too). Only a branch that says one of these can refuse a value's shape (see relevant).
 */
function shape(b: Branch): string {
  if (b.required?.length) return `{${b.required.join(', ')}}`;
  if ('const' in b) return JSON.stringify(b.const);
  if (b.enum) return either(b.enum.map((v) => JSON.stringify(v)));
  const types = typeof b.type === 'string' ? [b.type] : (b.type ?? []);
  const items = typeof b.items?.type === 'string' ? [b.items.type] : (b.items?.type ?? []);
  if (types.length === 1 && types[0] === 'array' && items.length) return `a list of ${either(items.map((t) => TYPE_WORDS[t]?.[1] ?? t))}`;
  return either(types.map((t) => TYPE_WORDS[t]?.[0] ?? t));
}

function shapes(e: ErrorObject): string {
  const branches = (Array.isArray(e.schema) ? e.schema : []) as Branch[];
  const data = e.data;
  const found = data && typeof data === 'object' && !Array.isArray(data) ? `has ${Object.keys(data).map((k) => `"${k}"`).join(', ') || 'no keys'}` : `is ${JSON.stringify(data)}`;
  return `must have one of these shapes: ${branches.map(shape).join(' | ')} (it ${found})`;
}

/**
 * Keeps what a person needs from a oneOf failure. Where the value plainly means one branch
 * (no required key of it is missing), only that branch's errors are kept; where it means
 * none, one error lists the shapes allowed. "if/then" wrappers are dropped for the error inside.
 */
function relevant(errors: ErrorObject[]): ErrorObject[] {
  const dropped = new Set<ErrorObject>();
  for (const e of errors) {
    if (e.keyword === 'if') dropped.add(e);
    if (e.keyword !== 'oneOf' || e.params.passingSchemas) continue;
    const count = Array.isArray(e.schema) ? e.schema.length : 0;
    const meant = Array.from({ length: count }, (_, i) => i).filter((i) => !rejectsShape(errors, e, i));
    for (let i = 0; i < count; i++) if (!meant.includes(i)) for (const x of errors) if (inBranch(x, e.instancePath, e.schemaPath, i)) dropped.add(x);
    if (meant.length) dropped.add(e);
  }
  return errors.filter((e) => !dropped.has(e));
}

/** The parameter a value error is of, and its unit where the unit is one the schema lists. */
function parameterOf(e: ErrorObject, json: unknown): { name: string; unit?: ParameterUnit } | undefined {
  // Parameter names are plain words (the schema's "name"), so the pointer holds them as they are.
  const name = /^\/parameters\/([A-Za-z][A-Za-z0-9_]*)\/value$/.exec(e.instancePath)?.[1];
  if (name === undefined) return undefined;
  const parameters = (json as { parameters?: Record<string, { unit?: unknown }> } | undefined)?.parameters;
  const unit = parameters && Object.hasOwn(parameters, name) ? parameters[name]?.unit : undefined;
  return { name, unit: PARAMETER_UNITS.find((u) => u === unit) };
}

/** A parameter whose value is text (or a list of texts) but whose unit takes a number, or a number whose unit is "text": the unit is what is wrong. */
function unitMismatch(e: ErrorObject, json: unknown): string | undefined {
  const unit = parameterOf(e, json)?.unit;
  if (unit === 'text') {
    if (e.keyword !== 'oneOf' || typeof e.data !== 'number') return undefined;
    const numberUnits = PARAMETER_UNITS.filter((u) => u !== 'text').map((u) => `"${u}"`);
    return `the unit "text" takes text or a list of texts, but the value is the number ${e.data}: a number has one of the units ${numberUnits.join(', ')} (a code is written as text: "${e.data}")`;
  }
  const isText = typeof e.data === 'string' || (Array.isArray(e.data) && e.data.length > 0 && e.data.every((v) => typeof v === 'string'));
  if (e.keyword !== 'type' || !isText || unit === undefined) return undefined;
  const needs = unit === 'count' ? 'a number' : `a whole number of ${unit}`;
  return `the unit "${unit}" takes ${needs}, but the value is ${typeof e.data === 'string' ? 'text' : 'a list of texts'}: a code or text parameter has the unit "text" (for a ${unit === 'count' ? 'count' : 'length of time'}, write the value as a number)`;
}

function problem(file: string, e: ErrorObject, json: unknown): PackProblem {
  const pointer = e.instancePath || '/';
  const unitMessage = unitMismatch(e, json);
  if (unitMessage) return { file, pointer: pointer.replace(/value$/, 'unit'), message: unitMessage };
  switch (e.keyword) {
    case 'oneOf':
      return { file, pointer, message: e.params.passingSchemas ? (e.message ?? 'is ambiguous') : shapes(e) };
    case 'additionalProperties': {
      const key = String(e.params.additionalProperty);
      const allowed = Object.keys((e.parentSchema as Branch | undefined)?.properties ?? {});
      return { file, pointer: `${e.instancePath}/${escapePointer(key)}`, message: `unknown property "${key}"${allowed.length ? ` (allowed: ${allowed.join(', ')})` : ''}` };
    }
    case 'enum':
      return { file, pointer, message: `must be one of: ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')} (it is ${JSON.stringify(e.data)})` };
    default:
      return { file, pointer, message: e.message ?? 'is invalid' };
  }
}

/** ajv's errors for one file (whose JSON is given) as problems a rule author can act on: every one, none repeated. */
export function schemaProblems(file: string, errors: ErrorObject[] | null | undefined, json?: unknown): PackProblem[] {
  const seen = new Set<string>();
  return relevant(errors ?? [])
    .map((e) => problem(file, e, json))
    .filter((p) => {
      const key = `${p.pointer}\u0000${p.message}`;
      return !seen.has(key) && (seen.add(key), true);
    });
}
