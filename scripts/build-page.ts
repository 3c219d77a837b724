/**
 * Writes dist/comply.html (`npm run build`), or the file named (`npm run build:docs-page` writes
 * docs/comply.html, the copy kept in the repository): the browser page, one self-contained file.
 * The page and its worker are bundled by esbuild from src/browser/, which imports the same core
 * modules as the command line; the shipped rule pack's files and the version are put in as data.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { pageHtml } from '../src/browser/shell.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const PAGE_FILE = path.join(ROOT, 'dist', 'comply.html');

/** The shipped pack's JSON files, paths from inside rules/, in the order the command line reads them. */
function shippedRules(): { path: string; text: string }[] {
  const dir = path.join(ROOT, 'rules');
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((p) => p.endsWith('.json'))
    .map((p) => p.split(path.sep).join('/'))
    .sort()
    .map((p) => ({ path: p, text: readFileSync(path.join(dir, p), 'utf8') }));
}

const shippedRulesModule: Plugin = {
  name: 'shipped-rules',
  setup(b) {
    b.onResolve({ filter: /^comply:shipped-rules$/ }, (args) => ({ path: args.path, namespace: 'shipped-rules' }));
    b.onLoad({ filter: /.*/, namespace: 'shipped-rules' }, () => ({ contents: JSON.stringify(shippedRules()), loader: 'json' }));
  },
};

async function bundle(entry: string, define: Record<string, string>, plugins: Plugin[] = []): Promise<string> {
  const out = await build({
    entryPoints: [path.join(ROOT, 'src', 'browser', entry)],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: ['chrome109', 'edge109', 'firefox115'],
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    define,
    plugins,
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

/** The page's HTML: the worker bundled first, then the page with the worker's code in it. */
export async function pageSource(): Promise<string> {
  const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const worker = await bundle('worker.ts', { COMPLY_VERSION: JSON.stringify(version) }, [shippedRulesModule]);
  return pageHtml(await bundle('page.ts', { WORKER_SOURCE: JSON.stringify(worker) }));
}

/** Writes the page to `file` (default dist/comply.html). */
export async function buildPage(file = PAGE_FILE): Promise<void> {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, await pageSource());
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = path.resolve(process.argv[2] ?? PAGE_FILE);
  await buildPage(file);
  process.stdout.write(`Wrote ${path.relative(process.cwd(), file)}\n`);
}
