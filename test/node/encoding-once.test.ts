// A CSV file's text encoding is decided once, by one function of the core: the command line's
// streamed read, the whole-file read `comply diff` makes, the look at its first bytes that guesses
// its dataset, and the browser page all take the same bytes as the same text, with the same finding.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../src/calendar/index.js';
import { checkInPage } from '../../src/browser/check.js';
import { guessInputs } from '../../src/node/guess-inputs.js';
import { loadPack } from '../../src/node/load-pack.js';
import { readInputs, streamInputs } from '../../src/node/read-inputs.js';
import type { RawCell } from '../../src/read/raw-table.js';
import { csvHead } from '../../src/read/csv-table.js';
import { parseWorkbook } from '../../src/read/workbook-tables.js';
import { complyHere, tempDir } from '../helpers/cli.js';

const pack = loadPack();
const utf8 = (text: string) => new TextEncoder().encode(text);
const ascii = utf8;
/** Past the first 64 KB (what the dataset guess reads, and the command line's first chunk): in its second chunk, or further on. */
const OFFSETS = [100_000, 300_000];

/** A supervision log: `first` (its first rows' bytes), ASCII rows to `offset` bytes, then `later` (bytes), then a last row. */
function log(first: Uint8Array, offset: number, later: Uint8Array): Uint8Array {
  const head = [...ascii('Worker ID,Supervision Date,Supervisor\r\n'), ...first];
  const rows: number[] = [];
  for (let i = 0; head.length + rows.length < offset; i++) rows.push(...ascii(`W${1000 + (i % 900)},${String((i % 28) + 1).padStart(2, '0')}/01/2016,Ann Smith\r\n`));
  return Uint8Array.from([...head, ...rows, ...later, ...ascii('W1999,02/02/2016,Last\r\n')]);
}

const CASES: [string, (offset: number) => Uint8Array, RawCell[], { level: string; message: RegExp }][] = [
  [
    'UTF-8 in its first 64 KB and a few damaged bytes later (Windows-1252 ones, more of them than UTF-8 characters)',
    (offset) => log(utf8('W0001,01/01/2016,Zo\u00eb \u0152uvre\r\n'), offset, Uint8Array.from([...ascii('W0002,01/02/2016,Ren'), 0xe9, 0xe9, ...ascii(' O'), 0x92, ...ascii('Brien\r\n')])),
    ['W0001', '01/01/2016', 'Zo\u00eb \u0152uvre'],
    { level: 'warning', message: /^UTF-8 text with 3 damaged character\(s\)/ },
  ],
  [
    'Windows-1252 whose first chunk is plain ASCII',
    (offset) => log(ascii('W0001,01/01/2016,Plain\r\n'), offset, Uint8Array.from([...ascii('W0002,01/02/2016,Zo'), 0xeb, ...ascii(' O'), 0x92, ...ascii('Brien\r\n')])),
    ['W0001', '01/01/2016', 'Plain'],
    { level: 'info', message: /^Not UTF-8, so read as Windows-1252/ },
  ],
];

const encodingFindings = (findings: readonly { kind: string; level: string; message: string }[]) =>
  findings.filter((f) => f.kind === 'suspicious-value').map(({ level, message }) => ({ level, message }));

describe('one decision on how a CSV file is read, on every path', () => {
  for (const [name, make, firstRow, finding] of CASES) {
    it.each(OFFSETS)(`${name} (the rest from byte %i)`, async (offset) => {
      const dir = tempDir('encoding-');
      const file = join(dir, 'supervision.csv');
      const bytes = make(offset);
      writeFileSync(file, bytes);

      const streamed = (await streamInputs([file])).tables[0]!;
      const cliRows = [...streamed.rows];
      const wholeRead = (await readInputs([file])).tables[0]!;
      const pageRows = parseWorkbook(bytes, file)[0]!.rows;
      expect(cliRows[1]).toEqual(firstRow);
      expect(wholeRead.rows).toEqual(cliRows);
      expect(pageRows).toEqual(cliRows);

      const findings = encodingFindings(streamed.readFindings!());
      expect(findings).toEqual([{ level: finding.level, message: expect.stringMatching(finding.message) }]);
      expect(encodingFindings(wholeRead.readFindings!())).toEqual(findings);
      const page = checkInPage({ files: [{ path: file, bytes }], skipped: [], asOf: dayFromIso('2017-01-18')!, pack, version: 'test' });
      expect(encodingFindings(page.check.findings)).toEqual(findings);
      const cli = await complyHere('check', '--data', file, '--as-of', '2017-01-18', '--format', 'json');
      expect(encodingFindings((JSON.parse(cli.stdout) as { findings: { kind: string; level: string; message: string }[] }).findings)).toEqual(findings);

      const head = csvHead(bytes.subarray(0, 1 << 16), 20);
      expect(head).toEqual(cliRows.slice(0, 20));
      expect(guessInputs([file], pack.datasets, {})[0]!.dataset).toBe('supervision');
    });
  }
});
