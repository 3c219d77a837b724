import type { Node } from 'jsonc-parser';
import { MAX_JSON_DEPTH, tooDeepAt } from './json-depth.js';
import { escapePointer, parseJsonTree, positionAt } from './json-source.js';
import type { PackFile } from './rule-pack.js';
import type { PackProblem } from './validate-pack.js';

/** Keys that would reach an object's prototype if a rule file were ever merged into another object. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

function* forbiddenKeys(node: Node, pointer: string): Generator<{ pointer: string; key: string; offset: number }> {
  if (node.type === 'array') for (const [i, item] of (node.children ?? []).entries()) yield* forbiddenKeys(item, `${pointer}/${i}`);
  if (node.type !== 'object') return;
  for (const member of node.children ?? []) {
    const [keyNode, value] = member.children ?? [];
    const key = String(keyNode?.value);
    const at = `${pointer}/${escapePointer(key)}`;
    if (FORBIDDEN_KEYS.has(key)) yield { pointer: at, key, offset: member.offset };
    if (value) yield* forbiddenKeys(value, at);
  }
}

/** The text as JSON when it is strict JSON with no forbidden key: the common case, without building a syntax tree. */
function strictJson(source: string): { ok: true; value: unknown } | { ok: false } {
  let forbidden = false;
  try {
    const value: unknown = JSON.parse(source, (key, v: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) forbidden = true;
      return v;
    });
    return forbidden ? { ok: false } : { ok: true, value };
  } catch {
    return { ok: false };
  }
}

/**
 * A pack file's text as JSON. A file that is not strict JSON, or that uses a key such as
 * "__proto__" anywhere, is a problem (with line and column) and is left out of the pack.
 */
export function parsePackFile(path: string, text: string): { file?: PackFile; problems: PackProblem[] } {
  const source = text.replace(/^\uFEFF/, '');
  const deep = tooDeepAt(source);
  if (deep !== undefined) return { problems: [{ file: path, pointer: '/', message: `nests more than ${MAX_JSON_DEPTH} levels deep, which no rule needs`, ...positionAt(source, deep) }] };
  const json = strictJson(source);
  if (json.ok) return { file: { path, json: json.value, text: source }, problems: [] };
  const parsed = parseJsonTree(source);
  if ('error' in parsed) return { problems: [{ file: path, pointer: '/', message: `not valid JSON: ${parsed.error}`, ...positionAt(source, parsed.offset) }] };
  const refused = [...forbiddenKeys(parsed.tree, '')].map(({ pointer, key, offset }) => ({
    file: path,
    pointer,
    message: `the key "${key}" is not allowed in rule files (it could change how every object behaves)`,
    ...positionAt(source, offset),
  }));
  if (refused.length) return { problems: refused };
  return { file: { path, json: JSON.parse(source) as unknown, text: source }, problems: [] };
}

/** A pack folder's JSON files (path relative to the folder, text), parsed in the order given: the files, and a problem for each that could not be. */
export function parsePackFiles(entries: Iterable<{ path: string; text: string }>): { files: PackFile[]; problems: PackProblem[] } {
  const files: PackFile[] = [];
  const problems: PackProblem[] = [];
  for (const { path, text } of entries) {
    const parsed = parsePackFile(path, text);
    if (parsed.file) files.push(parsed.file);
    problems.push(...parsed.problems);
  }
  return { files, problems };
}
