// What every run guarantees, whatever the input: outputs written whole or not at all, inputs
// never overwritten, formula-like text neutralised, no one's details on stderr, no network.
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { mkdirSync, readdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FAKE_PERSON } from '../../scripts/hostile/corpus.js';
import { complyHere, ROOT, tempDir } from '../helpers/cli.js';
import { AS_OF, checkJson, CORPUS, corpus } from '../helpers/corpus.js';
import { openWorkbook } from '../helpers/workbook.js';
import { loadPack } from '../../src/node/load-pack.js';

const DEMO = join(ROOT, 'fixtures', 'demo');
const corpusFiles = readdirSync(CORPUS).sort();
const pack = loadPack();

describe('outputs are written whole or not at all', () => {
  it('a run that fails on a bad input leaves the previous output as it was, and no temporary file', async () => {
    const dir = tempDir();
    const out = join(dir, 'report.json');
    writeFileSync(out, 'last week');
    const run = await complyHere('check', '--data', corpus('truncated.xlsx'), '--as-of', AS_OF, '--out', out);
    expect(run.status).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('last week');
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('a write that fails is reported plainly and leaves nothing half-written', async () => {
    const dir = tempDir();
    const out = join(dir, 'report.json');
    mkdirSync(join(out, 'in-the-way'), { recursive: true });
    const run = await complyHere('check', '--data', corpus('title-rows.xlsx'), '--as-of', AS_OF, '--out', out);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^comply: Cannot write .*report\.json: E[A-Z]+; nothing was written\n$/);
    expect(readdirSync(dir)).toEqual(['report.json']);
    expect(readdirSync(out)).toEqual(['in-the-way']);
  });

  it('refuses to write over one of its inputs', async () => {
    const dir = tempDir();
    const input = join(dir, 'list6.xlsx');
    copyFileSync(corpus('title-rows.xlsx'), input);
    const before = readFileSync(input);
    const run = await complyHere('check', '--data', dir, '--as-of', AS_OF, '--out', input);
    expect(run).toMatchObject({ status: 2, stderr: `comply: Refusing to write over an input file: ${input}\n` });
    expect(readFileSync(input).equals(before)).toBe(true);
  });
});

describe('text a spreadsheet would run as a formula is neutralised, and stays readable', () => {
  it('in CSV output', async () => {
    const dir = tempDir();
    const run = await complyHere('check', '--data', corpus('formula-injection.csv'), '--as-of', AS_OF, '--format', 'csv', '--out', dir);
    expect(run.status).toBe(0);
    const sheet = readdirSync(dir).find((f) => f.startsWith('drift'))!;
    const text = readFileSync(join(dir, sheet), 'utf8');
    expect(text).toContain(`"'=HYPERLINK(""http://example.invalid"")"`);
    expect(text).toContain("'+cmd");
    expect(text).toContain("'@SUM(A1)");
    const fields = text.split(/\r\n/).flatMap((line) => line.split(','));
    expect(fields.filter((f) => /^"?[=+\-@\t\r]/.test(f))).toEqual([]);
  });

  it('in xlsx output: text cells, no formulas', async () => {
    const out = join(tempDir(), 'report.xlsx');
    expect((await complyHere('check', '--data', corpus('formula-injection.csv'), '--as-of', AS_OF, '--out', out)).status).toBe(0);
    const wb = openWorkbook(out);
    const sheet = wb.names.find((n) => n.startsWith('Drift'))!;
    const [header, row] = wb.rows(sheet) as unknown[][];
    const at = (name: string) => row![header!.indexOf(name)];
    expect(at('Subject')).toBe(`'=HYPERLINK("http://example.invalid")`);
    expect(at('Team')).toBe("'+cmd");
    expect(at('Worker')).toBe("'@SUM(A1)");
    for (const name of wb.names) {
      const cells = (wb.workbook.Sheets[name]!['!data'] ?? []) as ({ f?: string } | undefined)[][];
      expect(cells.flat().filter((c) => c?.f)).toEqual([]);
    }
  });

  it('cells longer than Excel holds are cut, saying so, and the workbook still opens', async () => {
    const out = join(tempDir(), 'report.xlsx');
    expect((await complyHere('check', '--data', corpus('long-cell.csv'), '--as-of', AS_OF, '--out', out)).status).toBe(0);
    const [header, ...rows] = openWorkbook(out).rows('Findings') as unknown[][];
    const values = rows.map((r) => String(r[header!.indexOf('Value')] ?? ''));
    const long = values.find((v) => v.startsWith('xxx'))!;
    expect(long.length).toBe(32767);
    expect(long.endsWith('... (cut: 100000 characters in all)')).toBe(true);
  });
});

describe('no names, addresses or dates of birth on stderr', () => {
  it.each(corpusFiles)('%s', async (name) => {
    const out = join(tempDir(), 'report.json');
    const written = await complyHere('check', '--data', corpus(name), '--as-of', AS_OF, '--out', out);
    const printed = await complyHere('check', '--data', corpus(name), '--as-of', AS_OF);
    for (const stream of [written.stderr, printed.stderr, printed.stdout]) {
      expect(stream).not.toContain('Tobias');
      expect(stream).not.toContain('Nowhere Lane');
    }
  });

  it('the fake person is in the corpus, so the test above can fail', () => {
    expect(readFileSync(corpus('mixed-dates.csv'), 'utf8')).toContain(FAKE_PERSON);
  });
});

describe('no network connection', () => {
  const attempts: string[] = [];
  const refuse = (what: string) => () => {
    attempts.push(what);
    throw new Error(`network use: ${what}`);
  };
  beforeAll(() => {
    vi.spyOn(net.Socket.prototype, 'connect').mockImplementation(refuse('socket'));
    for (const [module, fns] of [[net, ['connect', 'createConnection']], [tls, ['connect']], [http, ['request', 'get']], [https, ['request', 'get']], [dns, ['lookup', 'resolve']]] as const) {
      for (const fn of fns) vi.spyOn(module as unknown as Record<string, () => unknown>, fn).mockImplementation(refuse(`${fn}`));
    }
    vi.stubGlobal('fetch', refuse('fetch'));
  });
  afterAll(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('a full check of the demo county writes every format without touching the network', async () => {
    const dir = tempDir();
    for (const out of ['report.xlsx', 'report.json', 'csv']) {
      const run = await complyHere('check', '--data', DEMO, '--as-of', AS_OF, '--out', join(dir, out));
      expect(run.status, run.stderr).toBe(0);
    }
    expect(attempts).toEqual([]);
  });

  it('the guard does catch a connection', async () => {
    expect(() => new net.Socket().connect(9, '127.0.0.1')).toThrow('network use: socket');
    expect(() => http.get('http://127.0.0.1:9/')).toThrow('network use');
    attempts.length = 0;
  });
});

// The counts themselves are checked against numbers known by construction in test/engine/known-counts.test.ts.
describe('every row read is judged by a rule or covered by a finding', () => {
  const readable = corpusFiles.filter((f) => !['not-a-spreadsheet.xlsx', 'minutes.pdf.csv', 'truncated.xlsx', 'not-a-workbook.xlsx', 'password-protected.xlsx', 'zip-bomb.xlsx', 'empty.csv', 'utf16-no-bom.csv', 'nul-byte.csv'].includes(f));
  it.each([...readable.map((f) => [f, [corpus(f)]] as const), ['the demo county', [DEMO]] as const, ['the whole corpus at once', readable.map(corpus)] as const])('%s', async (_, data) => {
    const report = await checkJson(...data);
    for (const input of report.summary.inputs) {
      const ofSheet = report.findings.filter((f) => f.file === input.file && f.sheet === input.sheet);
      const covering = ofSheet.filter((f) => f.kind === 'unknown-dataset' || f.kind === 'input-not-used');
      const ran = new Set(report.summary.rules.filter((r) => r.ran).map((r) => r.ruleId));
      const reads = pack.rules.filter((d) => ran.has(d.id) && [d.dataset, ...Object.values(d.related ?? {}).map((r) => r.dataset)].includes(input.dataset!));
      // Rows below the header not read where they stand (a CSV row wider than its header) are each named instead.
      const notRead = ofSheet.filter((f) => f.kind === 'row-not-read' && f.row! > input.headerRow!).length;
      expect(covering, `${input.file} ${input.sheet ?? ''}`).toHaveLength(reads.length || input.reported === 0 ? 0 : 1);
      expect(input.evaluated, `${input.file} ${input.sheet ?? ''}: rows evaluated`).toBe(reads.length ? input.rows - notRead : 0);
    }
  });

  it('a run of only the drift rules reports the rows no drift rule reads', async () => {
    const run = await complyHere('drift', '--data', DEMO, '--as-of', AS_OF, '--format', 'json');
    const report = JSON.parse(run.stdout) as Awaited<ReturnType<typeof checkJson>>;
    expect(report.summary.rows.reported).toBeGreaterThan(0);
    expect(report.summary.rows.read).toBe(report.summary.rows.evaluated + report.summary.rows.reported);
    expect(report.findings.filter((f) => f.kind === 'input-not-used').length).toBeGreaterThan(0);
  });
});
