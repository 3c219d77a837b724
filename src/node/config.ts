import { readFileSync } from 'node:fs';
import type { HeaderAliases } from '../datasets/dataset.js';
import { FORBIDDEN_KEYS } from '../rules/parse-pack-file.js';

/** An authority's own settings: extra header names for the datasets. */
export interface ComplyConfig {
  headerAliases?: HeaderAliases;
}


/** Reads a config file; keys that could pollute prototypes are refused. */
export function readConfig(path: string | undefined): ComplyConfig {
  if (!path) return {};
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'), (key, value: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) throw new Error(`the key "${key}" is not allowed`);
      return value;
    });
  } catch (error) {
    throw new Error(`Cannot read config ${path}: ${(error as Error).message}`);
  }
  const aliases = (json as ComplyConfig).headerAliases;
  if (aliases !== undefined && (typeof aliases !== 'object' || aliases === null)) throw new Error(`Config ${path}: "headerAliases" must map dataset ids to { column: [aliases] }`);
  return json as ComplyConfig;
}
