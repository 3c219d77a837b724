import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';
import { main } from '../../src/cli/run.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `comply` command (from source) as a user would, in the project folder. */
export function comply(...args: string[]): CliRun {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true' },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/**
 * Runs `comply` in this process, capturing what it writes: the same code path as the command
 * without the cost of starting Node for each run. Exit codes are what the command would return.
 */
export async function complyHere(...args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const capture = (sink: (text: string) => void) => (chunk: string | Uint8Array) => {
    sink(typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk));
    return true;
  };
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(capture((t) => (stdout += t)));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(capture((t) => (stderr += t)));
  try {
    const status = await main(['node', 'comply', ...args]);
    return { status, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/** A fresh temporary folder for one test's outputs. */
export function tempDir(prefix = 'comply-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
