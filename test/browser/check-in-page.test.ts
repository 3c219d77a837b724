// The page's check (src/browser/check.ts, as its worker runs it) against the command line's on the
// same files: the same JSON report, byte for byte, on the demo county and on the hostile corpus.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkInPage } from '../../src/browser/check.js';
import { choose, chosenTwice, CHOSEN_TWICE, inputsToRead } from '../../src/browser/inputs.js';
import { NOT_A_SPREADSHEET } from '../../src/read/input-files.js';
import { dayFromIso } from '../../src/calendar/index.js';
import { VERSION } from '../../src/cli/version.js';
import { loadPack } from '../../src/node/load-pack.js';
import { jsonReport } from '../../src/report/json.js';
import { complyHere, ROOT } from '../helpers/cli.js';
import { AS_OF } from '../helpers/corpus.js';
import { complyIn, folderBytes } from './same-answers.js';

const pack = loadPack();
const asOf = dayFromIso(AS_OF)!;
const FIXTURES = path.join(ROOT, 'fixtures');
const HOSTILE = path.join(ROOT, 'test', 'hostile');

describe('which files a picked folder gives', () => {
  it('walks as the command line does: by name in each folder, a subfolder where its name falls; hidden and lock files unseen; other types skipped', () => {
    const given = ['d/b.csv', 'd/a/z.xlsx', 'd/.hidden/x.csv', 'd/~$lock.xlsx', 'd/notes.docx', 'd/A.csv', 'd/a.csv'].map((p) => ({ path: p, inFolder: true }));
    expect(inputsToRead(given)).toEqual({ files: ['d/A.csv', 'd/a/z.xlsx', 'd/a.csv', 'd/b.csv'], skipped: [{ file: 'd/notes.docx', why: NOT_A_SPREADSHEET }] });
  });

  it('reads a file given alone whatever its type, once', () => {
    expect(inputsToRead([{ path: 'notes.docx', inFolder: false }, { path: 'notes.docx', inFolder: false }])).toEqual({ files: ['notes.docx'], skipped: [] });
  });

  it('says when two different files are chosen under one name (the one chosen last is read), never when the same file is chosen again', () => {
    const chosen = new Map<string, { size: number }>();
    const replaced = new Set<string>();
    const same = (a: { size: number }, b: { size: number }) => a.size === b.size;
    choose(chosen, replaced, 'list6.csv', { size: 10 }, same);
    choose(chosen, replaced, 'list6.csv', { size: 10 }, same);
    choose(chosen, replaced, 'd/b.csv', { size: 1 }, same);
    expect(replaced).toEqual(new Set());
    choose(chosen, replaced, 'list6.csv', { size: 12 }, same);
    expect(chosen.get('list6.csv')).toEqual({ size: 12 });
    expect(chosenTwice(replaced)).toEqual([{ file: 'list6.csv', why: CHOSEN_TWICE }]);
    const page = checkInPage({ files: [], skipped: chosenTwice(replaced), asOf, pack, version: VERSION });
    expect(page.check.findings).toContainEqual({ file: 'list6.csv', kind: 'unreadable-file', level: 'warning', message: CHOSEN_TWICE });
  });
});

describe('the same answers as the command line', () => {
  it('on the demo county: the check and the drift list', async () => {
    const { files, skipped } = folderBytes(path.join(FIXTURES, 'demo'));
    const page = checkInPage({ files, skipped, asOf, pack, version: VERSION });
    expect(page.unread).toEqual([]);
    const cli = await complyIn(FIXTURES, 'check', '--data', 'demo', '--as-of', AS_OF, '--format', 'json');
    expect(cli.status).toBe(0);
    expect(jsonReport(page.check)).toBe(cli.stdout);
    const drift = await complyIn(FIXTURES, 'drift', '--data', 'demo', '--as-of', AS_OF, '--format', 'json');
    expect(jsonReport(page.drift())).toBe(drift.stdout);
  });

  it('on the hostile corpus: each unreadable file named as the command line names it, the rest checked alike', async () => {
    const { files, skipped } = folderBytes(path.join(HOSTILE, 'corpus'));
    const page = checkInPage({ files, skipped, asOf, pack, version: VERSION });
    const refused: { file: string; stderr: string }[] = [];
    for (const { path: file } of files) {
      const run = await complyHere('check', '--data', path.join(HOSTILE, file), '--as-of', AS_OF, '--format', 'json');
      if (run.status === 2) refused.push({ file, stderr: run.stderr.replace(`${HOSTILE}${path.sep}`, '') });
    }
    expect(refused.length).toBeGreaterThanOrEqual(7);
    expect(page.unread.map((m) => `comply: ${m}\n`)).toEqual(refused.map((r) => r.stderr));
    // Each is a finding in every download too, so that the report itself says what was not checked.
    const unreadFindings = page.check.findings.filter((f) => f.kind === 'unreadable-file' && refused.some((r) => r.file === f.file));
    expect(unreadFindings).toEqual(page.unread.map((m, i) => ({ file: refused[i]!.file, kind: 'unreadable-file', level: 'warning', message: `Not checked: ${m}` })));
    expect(jsonReport(page.check)).toContain(JSON.stringify(`Not checked: ${page.unread[0]}`));
    const read = files.filter((f) => !refused.some((r) => r.file === f.path));
    const cli = await complyIn(HOSTILE, 'check', '--data', ...read.map((f) => f.path), '--as-of', AS_OF, '--format', 'json');
    expect(cli.status).toBe(0);
    expect(jsonReport(checkInPage({ files: read, skipped, asOf, pack, version: VERSION }).check)).toBe(cli.stdout);
  });
});
