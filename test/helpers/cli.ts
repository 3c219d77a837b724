import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

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

/** A fresh temporary folder for one test's outputs. */
export function tempDir(prefix = 'comply-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
