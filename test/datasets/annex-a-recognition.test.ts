// Every sheet of the real-format Annex A sample and of the demo workbook is taken for its own list.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readTables } from '../../src/engine/run-check.js';
import { loadPack } from '../../src/node/load-pack.js';
import { readInputs } from '../../src/node/read-inputs.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const pack = loadPack();
const workbooks = {
  sample: path.join(ROOT, 'test', 'fixtures', 'samples', 'annex-a-2024-jan-sample.xlsx'),
  demo: path.join(ROOT, 'fixtures', 'demo', 'annex-a.xlsx'),
};

describe.each(Object.entries(workbooks))('Annex A %s workbook', async (_name, file) => {
  const { tables } = await readInputs([file]);
  const read = readTables(tables, pack.datasets);

  it('recognises List n as annex-a-list-n, header on row 1, every row read', () => {
    const recognised = read.inputs.map((i) => [i.sheet, i.dataset, i.headerRow]);
    expect(recognised).toEqual(Array.from({ length: 11 }, (_, i) => [`List ${i + 1}`, `annex-a-list-${i + 1}`, 1]));
    for (const [i, input] of read.inputs.entries()) expect(input.rows + input.blankRows, input.sheet).toBe(tables[i]!.rows.length - 1);
  });

  it('maps every header of every list to a column', () => {
    for (const t of read.tables) expect(t.columns.length, t.dataset.id).toBe(Object.keys(t.dataset.columns).length);
  });
});

it('no two Annex A lists share all their required columns', () => {
  const lists = pack.datasets.filter((d) => d.id.startsWith('annex-a-list-'));
  expect(lists).toHaveLength(11);
  for (const a of lists) {
    const required = Object.entries(a.columns).filter(([, c]) => c.required).map(([n]) => n);
    for (const b of lists) if (a !== b) expect(required.every((r) => r in b.columns), `${a.id} in ${b.id}`).toBe(false);
  }
});

describe('older and untidy Annex A headers', async () => {
  const { tables } = await readInputs([workbooks.sample]);
  const variants: Record<string, Record<string, string>> = {
    'List 4': { 'Continuous Assessment Date of Authorisation': 'Continuous Assessment Authorisation Date' },
    'List 5': { 'Date of Initial Child Protection Conference': 'Date of ICPC', 'Was an Initial Child Protection Conference deemed unnecessary?': 'Was an ICPC deemed unnecessary?' },
    'List 7': { 'Date of the Last Statutory Visit': 'Date of Last Statutory Visit', 'Date of latest review conference': 'Date of Latest Review Conference' },
    'List 8': { 'Date of Last Health Assessment': 'Date of Latest Health Assessment', 'Start Date of Most Recent Placement': 'Start Date of Current Placement' },
    'List 9': { 'Allocated Personal Advisor': 'Allocated Personal Adviser', 'Latest Date of Contact': 'Date of Latest Contact' },
  };
  /** Older names where given; otherwise shouting case, doubled spaces, straight quotes and a trailing colon. */
  const untidy = (h: string, older: Record<string, string>) =>
    older[h] ?? `${h.toUpperCase().replace(/ /g, '  ').replace(/[‘’]/g, "'")} :`;

  it.each(Object.keys(variants))('%s is still recognised, with every column', (sheet) => {
    const raw = tables.find((t) => t.sheet === sheet)!;
    const renamed = { ...raw, rows: [raw.rows[0]!.map((h) => untidy(String(h), variants[sheet]!)), ...raw.rows.slice(1)] };
    const read = readTables([renamed], pack.datasets);
    expect(read.inputs[0]!.dataset).toBe(`annex-a-list-${sheet.slice(5)}`);
    expect(read.tables[0]!.columns).toHaveLength(raw.rows[0]!.length);
  });
});
