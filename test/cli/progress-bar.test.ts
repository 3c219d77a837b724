import { describe, expect, it } from 'vitest';
import { progressBar, progressLine } from '../../src/cli/progress-bar.js';

function terminal(isTTY: boolean) {
  const written: string[] = [];
  return { stream: { isTTY, columns: 80, write: (t: string) => written.push(t) }, written };
}

const step = { stage: 'evaluate' as const, done: 1, total: 2, item: 'drift.cin-open-over-6-months' };

describe('progress bar', () => {
  it('draws the stage, a bar, the count and the item on one line', () => {
    expect(progressLine(step)).toBe('Checking [############------------] 1/2 drift.cin-open-over-6-months');
  });

  it('draws on a terminal once the run has gone on a while, and clears its line at the end', () => {
    const { stream, written } = terminal(true);
    let now = 0;
    const bar = progressBar({ stream, env: {}, now: () => now });
    bar.update(step);
    expect(written).toEqual([]);
    now = 2000;
    bar.update(step);
    bar.finish();
    expect(written).toEqual([`\r\x1b[2K${progressLine(step, 80)}`, '\r\x1b[2K']);
  });

  it('stays silent when stderr is not a terminal, in CI, and with --quiet', () => {
    for (const [isTTY, env, quiet] of [[false, {}, false], [true, { CI: 'true' }, false], [true, {}, true]] as const) {
      const { stream, written } = terminal(isTTY);
      const bar = progressBar({ stream, env, quiet, now: () => 5000, afterMs: 0 });
      bar.update(step);
      bar.finish();
      expect(written).toEqual([]);
    }
  });
});
