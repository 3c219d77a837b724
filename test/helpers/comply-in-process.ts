// Runs the `comply` command in this process (no start-up cost per run), capturing what it writes to stderr.
import { vi } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';

export async function comply(...args: string[]): Promise<{ stderr: string }> {
  let stderr = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    await buildProgram().parseAsync(['node', 'comply', ...args]);
  } finally {
    spy.mockRestore();
  }
  return { stderr };
}
