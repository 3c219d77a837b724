// Keep the README true: every command README.md shows (each line of its ```sh blocks, and each
// `npx comply ...` written inline in its prose) and every `npx comply` step of docs/ci-example.yml
// is run here as a user would run it, on the demo data. Placeholder paths are mapped: extracts/...
// to fixtures/demo (or the file of that name in it), a rules folder that is not there (../main/rules,
// "$RUNNER_TEMP/base/rules") to a copy of the shipped rules, and every other relative path (reports/,
// teams/, drift.xlsx, ...) to a temporary folder, which is the working folder. A baseline the README
// takes as given (last week's report) is made first, by a check as of the date in its name. Each
// command must exit 0 and write what it says: a file of the type its --out names, or a folder holding
// every file the README names after the command. The list is read from the README's text, never
// written here, so a README edit that adds a command that does not work fails this test.
// Not run here: `npm ci`, `npm run demo` and `npm test` (the first block): CI runs them itself
// (.ci/run), and `npm test` is this suite.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const NOT_RUN_HERE = new Set(['npm ci', 'npm run demo', 'npm test']);
const DEMO = join(ROOT, 'fixtures/demo');
/** `comply` as a user's `npx comply` runs it: the project's CLI, here from source. */
const COMPLY = [process.execPath, '--import', 'tsx', join(ROOT, 'src/cli/main.ts')];

/** A command as the README shows it, and the prose right after its block (up to the next blank line), which says what it writes. */
interface Shown {
  where: string;
  line: string;
  after: string;
}

/** Each command line of the README's ```sh blocks (comments dropped, continued lines joined) and each `npx comply ...` in its prose. */
function readmeCommands(readme: string): Shown[] {
  const shown: Shown[] = [];
  for (const block of readme.matchAll(/^([ \t]*)```sh[ \t]*\n([\s\S]*?)^[ \t]*```[ \t]*$/gm)) {
    const after = readme.slice(block.index + block[0].length).replace(/^\s*\n/, '').split(/\n[ \t]*\n/)[0]!;
    for (const raw of block[2]!.replace(/\\\n/g, ' ').split('\n')) {
      const line = raw.replace(/(^|\s)#.*$/, '').trim();
      if (line) shown.push({ where: 'README.md', line, after });
    }
  }
  for (const inline of readme.matchAll(/`(npx comply [^`]+)`/g)) shown.push({ where: 'README.md', line: inline[1]!, after: '' });
  return shown;
}

/** Each `run:` step of a GitHub Actions workflow that runs `npx comply` (a folded `>-` step joined into one line). */
function workflowCommands(yaml: string): Shown[] {
  const shown: Shown[] = [];
  for (const step of yaml.matchAll(/^([ \t]*)(?:- )?run: (?:>-\n((?:\1[ \t]+.*\n)+)|(.*)$)/gm)) {
    const line = (step[2] ?? step[3] ?? '').split('\n').map((l) => l.trim()).join(' ').trim();
    if (line.startsWith('npx comply ')) shown.push({ where: 'docs/ci-example.yml', line, after: '' });
  }
  return shown;
}

/** A command line's words, quotes taken off and $VARIABLES filled in. */
function words(command: string, vars: Record<string, string>): string[] {
  return [...command.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => (m[1] ?? m[2] ?? m[3]!).replace(/\$(\w+)/g, (_, name: string) => vars[name] ?? ''));
}

/** A placeholder path as the test runs it (see the top of this file); other words unchanged. */
function mapped(word: string, work: string): string {
  if (/^extracts(\/|$)/.test(word)) {
    const named = word.replace(/^extracts\/?/, '').replace(/\/$/, '');
    return named && existsSync(join(DEMO, named)) ? join(DEMO, named) : DEMO;
  }
  if (word.startsWith('fixtures/')) return join(ROOT, word);
  if (/(^|\/)rules\/?$/.test(word) && !existsSync(resolve(work, word))) return join(work, 'base-rules');
  return word;
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command in a folder, without a shell; at most two at a time (the machine is shared). */
let running = 0;
const waiting: (() => void)[] = [];
async function run(argv: string[], cwd: string): Promise<Run> {
  if (running >= 2) await new Promise<void>((go) => waiting.push(go));
  running++;
  try {
    return await new Promise((done) => {
      const child = spawn(argv[0]!, argv.slice(1), { cwd, env: { ...process.env, CI: 'true' } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (status) => done({ status, stdout, stderr }));
    });
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** `npx comply ...` runs the project's CLI from source; `npm run ...` the project's script. */
function argvOf(command: string[]): { argv: string[]; comply: string[] | undefined } {
  if (command[0] === 'npx' && command[1] === 'comply') return { argv: [...COMPLY, ...command.slice(2)], comply: command.slice(2) };
  if (command[0] === 'npm') return { argv: command, comply: undefined };
  throw new Error(`The README shows a command this test does not know how to run: ${command.join(' ')}`);
}

const optionValue = (args: readonly string[], name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};

/** What the README says a run wrote is there: a file of the type --out names, or a folder holding every file named in the prose after the command. */
function expectWritten(out: string, after: string): void {
  expect(existsSync(out), `${out} was not written`).toBe(true);
  const type = extname(out).toLowerCase();
  if (statSync(out).isDirectory()) {
    const files = readdirSync(out);
    expect(files.length, `${out} is empty`).toBeGreaterThan(0);
    for (const named of after.matchAll(/`([\w.-]+\.(?:xlsx|csv|json|html))`/g)) expect(files, `${out} should hold ${named[1]}`).toContain(named[1]);
    return;
  }
  const bytes = readFileSync(out);
  if (type === '.xlsx') expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  else if (type === '.json') expect(() => JSON.parse(bytes.toString('utf8'))).not.toThrow();
  else if (type === '.html') expect(bytes.toString('utf8')).toMatch(/^<!doctype html>/i);
  else expect(bytes.length).toBeGreaterThan(0);
}

const shown = [
  ...readmeCommands(readFileSync(join(ROOT, 'README.md'), 'utf8')),
  ...workflowCommands(readFileSync(join(ROOT, 'docs/ci-example.yml'), 'utf8')),
].filter((s, i, all) => all.findIndex((t) => t.line === s.line) === i);

/** One working folder for every command (their outputs have different names), with the base rules a diff is given. */
const work = mkdtempSync(join(tmpdir(), 'comply-readme-'));
symlinkSync(join(ROOT, 'node_modules'), join(work, 'node_modules'));
cpSync(join(ROOT, 'rules'), join(work, 'base-rules'), { recursive: true });

/** Last week's report, made once (by a check as of the date in its name) for every command that takes it as its baseline. */
const baselines = new Map<string, Promise<Run>>();
function baselineMade(baseline: string): Promise<Run> {
  const asOf = /\d{4}-\d{2}-\d{2}/.exec(baseline)?.[0];
  if (!asOf) throw new Error(`A baseline the README takes as given is made as of the date in its name; this one has none: ${baseline}`);
  if (!baselines.has(baseline)) baselines.set(baseline, run([...COMPLY, 'check', '--data', DEMO, '--as-of', asOf, '--out', baseline], work));
  return baselines.get(baseline)!;
}

describe('the commands the README shows', () => {
  it('are found: the README shows check, drift, template, validate, test and diff', () => {
    const commands = shown.map((s) => s.line);
    for (const sub of ['check', 'drift', 'template', 'validate', 'test', 'diff']) expect(commands.some((c) => c.startsWith(`npx comply ${sub}`)), sub).toBe(true);
    expect(commands).toContain('npm ci && npm run demo');
  });

  it('give every check, drift and diff an --as-of date (else the demo data reads as years old)', () => {
    for (const { line } of shown) if (/^npx comply (check|drift|diff) /.test(line)) expect(line, line).toMatch(/ --as-of \d{4}-\d{2}-\d{2}\b/);
  });

  describe.concurrent('each runs on the demo data and writes what the README says', () => {
    for (const { where, line, after } of shown) {
      const parts = line.split(/\s*&&\s*/).filter((part) => !NOT_RUN_HERE.has(part));
      if (parts.length === 0) continue;
      it(`${where}: ${line}`, { timeout: 240_000 }, async () => {
        for (const part of parts) {
          const { argv, comply } = argvOf(words(part, { RUNNER_TEMP: work }).map((w) => mapped(w, work)));
          const baseline = comply && optionValue(comply, '--baseline');
          if (baseline) {
            const made = await baselineMade(baseline);
            expect(made.status, made.stderr).toBe(0);
          }
          const result = await run(argv, comply ? work : ROOT);
          expect(result.status, `${part}\n${result.stderr}`).toBe(0);
          const out = comply && optionValue(comply, '--out');
          if (out) expectWritten(resolve(work, out), after);
          else if (comply) expect(result.stdout.length, `${part} printed nothing`).toBeGreaterThan(0);
        }
      });
    }
  });
});
