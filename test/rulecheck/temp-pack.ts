import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/cli.js';

export const DRIFT = 'drift/cin-open-over-6-months';
export const REG44 = 'reg44/monthly-visit';

type Json = Record<string, any>;

/**
 * A copy of the shipped datasets, calendars and the drift and Reg 44 rules in a temp folder,
 * to break on purpose; rules added to the shipped pack later do not change what it holds.
 */
export function tempPack(): string {
  const dir = mkdtempSync(join(tmpdir(), 'comply-pack-'));
  for (const part of ['datasets', 'calendars', `${DRIFT}.rule.json`, `${DRIFT}.cases.json`, `${REG44}.rule.json`, `${REG44}.cases.json`]) {
    cpSync(join(ROOT, 'rules', part), join(dir, part), { recursive: true });
  }
  return dir;
}

export function editJson(dir: string, file: string, edit: (json: Json) => void): void {
  const path = join(dir, file);
  const json = JSON.parse(readFileSync(path, 'utf8')) as Json;
  edit(json);
  writeFileSync(path, `${JSON.stringify(json, null, 2)}\n`);
}
