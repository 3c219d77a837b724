import type { OnProgress, Progress } from '../engine/progress.js';
import { printable } from '../report/printable.js';

const STAGES: Record<Progress['stage'], string> = { read: 'Reading', recognise: 'Typing', evaluate: 'Checking' };
const WIDTH = 24;

export interface ProgressBarOptions {
  /** Where to draw; nothing is drawn unless it is a terminal. */
  stream: { isTTY?: boolean; write(text: string): unknown };
  quiet?: boolean;
  env?: Record<string, string | undefined>;
  /** Milliseconds since some fixed point. */
  now?: () => number;
  /** Draw only once the run has taken this long, so short runs stay silent. */
  afterMs?: number;
}

/** One line, redrawn in place: stage, bar, count and the item being worked on. */
export function progressLine(p: Progress, columns = 80): string {
  const filled = p.total ? Math.round((WIDTH * p.done) / p.total) : 0;
  const head = `${STAGES[p.stage].padEnd(9)}[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${p.done}/${p.total} `;
  return `${head}${printable(p.item)}`.slice(0, Math.max(columns - 1, head.length));
}

const isCi = (env: Record<string, string | undefined>) => env.CI !== undefined && env.CI !== '' && env.CI !== 'false';

/**
 * A progress bar on stderr for long runs: silent when the stream is not a terminal, in CI and
 * with --quiet. `finish` clears the line.
 */
export function progressBar(options: ProgressBarOptions): { update: OnProgress; finish: () => void } {
  const { stream, env = process.env, now = () => performance.now(), afterMs = 1000 } = options;
  if (!stream.isTTY || options.quiet || isCi(env)) return { update: () => undefined, finish: () => undefined };
  const start = now();
  let drawn = false;
  return {
    update: (p) => {
      if (now() - start < afterMs) return;
      drawn = true;
      stream.write(`\r\x1b[2K${progressLine(p, (stream as { columns?: number }).columns)}`);
    },
    finish: () => {
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
}
