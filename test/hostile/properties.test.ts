// Property-based tests (fast-check): random sheets and malformed cells never crash a run and
// always reconcile; dates round-trip through every form the tool reads; same input, same output.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFromYmd, isoFromDay, ymdFromDay } from '../../src/calendar/index.js';
import { parseDateCell } from '../helpers/dates.js';
import { runCheck } from '../../src/engine/run-check.js';
import { loadPack } from '../../src/node/load-pack.js';
import type { RawCell, RawTable } from '../../src/read/raw-table.js';
import { ReadError } from '../../src/read/read-error.js';
import { parseWorkbook } from '../../src/read/workbook-tables.js';
import { jsonReport } from '../../src/report/json.js';
import { checkTables } from '../../src/report/tabular.js';
import { workbookBytes } from '../../src/report/xlsx.js';
import { corpus } from '../helpers/corpus.js';

const pack = loadPack();
const AS_OF = dayFromYmd(2017, 1, 18);
const RUNS = { numRuns: 40, seed: 20170118 };

/** The headers of every shipped dataset, plus names that must never matter. */
const headers = [...new Set(pack.datasets.flatMap((d) => Object.keys(d.columns)))];
const hostileHeaders = ['__proto__', 'constructor', 'prototype', 'toString', '', ' ', 'Child Unique ID '];

/** A header row with every required column of some dataset, so most random sheets are judged by rules. */
const recognisableHeader = fc
  .tuple(fc.constantFrom(...pack.datasets), fc.shuffledSubarray([...headers, ...hostileHeaders], { maxLength: 8 }))
  .chain(([dataset, extra]) => {
    const required = Object.entries(dataset.columns).filter(([, c]) => c.required).map(([name]) => name);
    const columns = [...new Set([...required, ...extra])];
    return fc.shuffledSubarray(columns, { minLength: columns.length, maxLength: columns.length });
  });

const dateText = fc
  .tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1890, max: 2030 }), fc.constantFrom('/', '-', '.'))
  .map(([d, m, y, sep]) => `${d}${sep}${m}${sep}${y}`);

/** Anything a cell in a council's extract might hold, well-formed or not. */
const cell: fc.Arbitrary<RawCell> = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 30 }),
  fc.constantFrom('N/A', '-', '#N/A', 'TBC', '31/02/2017', '2016-13-01', '=1+1', '00123'),
  dateText,
  fc.integer({ min: -10, max: 3_000_000 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constantFrom({ error: '#N/A' }, { error: '#REF!' }, { error: '#VALUE!' }),
);

const sheet: fc.Arbitrary<RawTable> = fc
  .record({
    titleRows: fc.array(fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }), { maxLength: 3 }),
    header: fc.oneof(fc.shuffledSubarray([...headers, ...hostileHeaders], { minLength: 1, maxLength: 18 }), recognisableHeader),
    rows: fc.array(fc.array(cell, { maxLength: 20 }), { maxLength: 25 }),
    csv: fc.boolean(),
  })
  .map(({ titleRows, header, rows, csv }) => {
    const table: RawTable = { file: csv ? 'extract.csv' : 'extract.xlsx', firstRow: 1, rows: [...titleRows, header, ...rows] };
    if (!csv) table.sheet = 'Sheet1';
    return table;
  });

const sheets = fc.array(sheet, { minLength: 1, maxLength: 4 }).map((tables) => tables.map((t, i) => ({ ...t, file: `${i}-${t.file}` })));

describe('random sheets and malformed cells', () => {
  it('never crash a run, and every row of a rule\'s dataset is considered once', () => {
    fc.assert(
      fc.property(sheets, (raws) => {
        const result = runCheck(pack, raws, { asOf: AS_OF });
        // Each row of a rule's dataset is considered once (a rule judging groups or lists aside):
        // the rows are counted by the reading (less those it could not read, each a finding), the
        // considered rows by the rule.
        for (const rule of result.rules.filter((r) => r.ran)) {
          const def = pack.rules.find((d) => d.id === rule.ruleId)!;
          if (def.groupBy || def.each) continue;
          const rows = result.inputs.filter((i) => i.dataset === def.dataset).reduce((n, i) => n + i.evaluated, 0);
          expect(rule.counts.considered, rule.ruleId).toBe(rows);
        }
        expect(Object.keys(Object.prototype)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('the same input always gives the same output, to the byte', () => {
    fc.assert(
      fc.property(sheets, (raws) => {
        const first = runCheck(pack, raws, { asOf: AS_OF });
        const second = runCheck(pack, structuredClone(raws), { asOf: AS_OF });
        expect(jsonReport(second)).toBe(jsonReport(first));
        expect(Buffer.compare(workbookBytes(checkTables(second)), workbookBytes(checkTables(first)))).toBe(0);
      }),
      { ...RUNS, numRuns: 10 },
    );
  });
});

describe('damaged files', () => {
  const good = new Uint8Array(readFileSync(corpus('title-rows.xlsx')));
  it('a workbook with random bytes overwritten is read or refused with a ReadError, never anything else', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: good.length - 1 }), fc.nat({ max: 255 })), { minLength: 1, maxLength: 20 }), fc.nat({ max: good.length }), (edits, cut) => {
        const bytes = good.slice(0, Math.max(cut, 4));
        for (const [at, value] of edits) if (at < bytes.length) bytes[at] = value;
        try {
          runCheck(pack, parseWorkbook(bytes, 'damaged.xlsx'), { asOf: AS_OF });
        } catch (error) {
          expect(error).toBeInstanceOf(ReadError);
        }
      }),
      RUNS,
    );
  });
});

describe('date parsing', () => {
  const day = fc.integer({ min: dayFromYmd(1900, 3, 1), max: dayFromYmd(9999, 12, 31) });
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');

  it('round-trips every form the tool reads: dd/mm/yyyy, d/m/yyyy, - and . separators, ISO, date-times, Excel serials', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 86399 }), (d, seconds) => {
        const { y, m, d: dd } = ymdFromDay(d);
        const time = `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}`;
        const forms: unknown[] = [
          `${pad(dd)}/${pad(m)}/${pad(y, 4)}`,
          `${dd}/${m}/${pad(y, 4)}`,
          `${pad(dd)}-${pad(m)}-${pad(y, 4)}`,
          `${pad(dd)}.${pad(m)}.${pad(y, 4)}`,
          isoFromDay(d),
          `${isoFromDay(d)}T${time}:00Z`,
          `${pad(dd)}/${pad(m)}/${pad(y, 4)} ${time}`,
          d + 25569,
          d + 25569 + seconds / 86400,
        ];
        for (const form of forms) expect(parseDateCell(form), String(form)).toEqual({ ok: true, day: d });
      }),
      { ...RUNS, numRuns: 300 },
    );
  });

  it('never reads a day or month that does not exist', () => {
    fc.assert(
      fc.property(dateText, (text) => {
        const parsed = parseDateCell(text);
        if (!parsed.ok) return;
        const [dd, m, y] = text.split(/[/.-]/).map(Number);
        expect(ymdFromDay(parsed.day)).toEqual({ y, m, d: dd });
      }),
      { ...RUNS, numRuns: 300 },
    );
  });
});
