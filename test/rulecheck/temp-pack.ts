import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { ProblemsFound } from '../../src/cli/problems-found.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
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

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command in this process, capturing what it prints; the status is the one main() would give. */
export async function complyHere(...args: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((s) => out.push(String(s)) > 0);
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((s) => err.push(String(s)) > 0);
  let status = 0;
  try {
    await buildProgram().parseAsync(['node', 'comply', ...args]);
  } catch (error) {
    status = error instanceof ProblemsFound ? 1 : 2;
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
  return { status, stdout: out.join(''), stderr: err.join('') };
}

/** Runs the real CLI in a child process, as a user would, from the project folder (slow: use sparingly). */
export function comply(...args: string[]): Run {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
