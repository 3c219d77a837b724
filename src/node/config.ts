import type { HeaderAliases } from '../datasets/dataset.js';
import { MAX_JSON_DEPTH, tooDeepAt } from '../rules/json-depth.js';
import { parseJsonTree, positionAt } from '../rules/json-source.js';
import { FORBIDDEN_KEYS } from '../rules/parse-pack-file.js';
import { readJsonText, unreadableBecause } from './read-inputs.js';

/** An authority's own settings: extra header names for the datasets. */
export interface ComplyConfig {
  headerAliases?: HeaderAliases;
}

/**
 * The config's text as JSON. What is wrong is said by line and column, never by quoting the
 * text: a config pointed at a data file by mistake would otherwise print a person's name.
 */
function configJson(text: string): unknown {
  const deep = tooDeepAt(text);
  if (deep !== undefined) {
    const { line, column } = positionAt(text, deep);
    throw new Error(`it nests more than ${MAX_JSON_DEPTH} levels deep (at line ${line}, column ${column}): a config is a few levels of { } and [ ]`);
  }
  try {
    return JSON.parse(text, (key, value: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) throw new Error(`the key "${key}" is not allowed`);
      return value;
    });
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    const parsed = parseJsonTree(text);
    const { line, column } = positionAt(text, 'error' in parsed ? parsed.offset : 0);
    throw new Error(`it is not valid JSON (line ${line}, column ${column}${'error' in parsed ? `: ${parsed.error}` : ''}); a config is a JSON file such as { "headerAliases": { ... } }`);
  }
}

/** Reads a config file (a byte order mark, as Notepad writes, is allowed); keys that could pollute prototypes are refused. */
export function readConfig(path: string | undefined): ComplyConfig {
  if (!path) return {};
  let json: unknown;
  try {
    json = configJson(readJsonText(path));
  } catch (error) {
    throw new Error(`Cannot read config ${path}: ${unreadableBecause(error)}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error(`Config ${path} must be a JSON object such as { "headerAliases": { ... } }`);
  const aliases = (json as ComplyConfig).headerAliases;
  if (aliases !== undefined && (typeof aliases !== 'object' || aliases === null)) throw new Error(`Config ${path}: "headerAliases" must map dataset ids to { column: [aliases] }`);
  return json as ComplyConfig;
}
