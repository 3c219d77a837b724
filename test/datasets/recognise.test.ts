// Finding a sheet's header row and its dataset, on small sheets shaped as councils send them:
// title rows above the header, untidy header text, a header repeated, local names, and sheets
// that match nothing (with the closest datasets named, and what each is missing).
import { describe, expect, it } from 'vitest';
import type { DatasetDef } from '../../src/datasets/dataset.js';
import { normaliseHeader } from '../../src/datasets/normalise-header.js';
import { HEADER_SEARCH_ROWS, recogniseTable } from '../../src/datasets/recognise.js';

const dataset = (id: string, columns: Record<string, { required?: boolean; aliases?: string[] }>): DatasetDef =>
  ({ id, title: id, columns: Object.fromEntries(Object.entries(columns).map(([n, c]) => [n, { type: 'text', ...c }])) }) as unknown as DatasetDef;

const visits = dataset('visits', { 'Child ID': { required: true, aliases: ['Child Unique ID'] }, 'Visit Date': { required: true }, Worker: {} });
const reviews = dataset('reviews', { 'Child ID': { required: true }, 'Review Date': { required: true } });
const staff = dataset('staff', { 'Worker ID': { required: true }, Name: { required: true }, Team: {} });
const DATASETS = [reviews, visits, staff];

describe('header text as compared', () => {
  it.each([
    ['Child’s  Category of Need ', "child's category of need"],
    ['“Legal” Status', '"legal" status'],
    ['Date of ICPC –  held', 'date of icpc - held'],
    ['Worker\u00a0Name:', 'worker name'],
    ['  CIN Start Date *', 'cin start date'],
    ['ＣＩＮ Ｓｔａｒｔ', 'cin start'],
    ['Review `Date‘', "review 'date'"],
    ['"Supervision Date', 'supervision date'],
    ['Worker ID"', 'worker id'],
    ['"Legal" Status', '"legal" status'],
    ['“Child Unique ID”', 'child unique id'],
    ['‘CIN Start Date’', 'cin start date'],
    ['"Allocated Team"', 'allocated team'],
    ["'Allocated Worker'", 'allocated worker'],
    ['“ CIN Closure Date ”:', 'cin closure date'],
    ['Date Child Was Last Seen.', 'date child was last seen'],
    ['“Date Child Was Last Seen.”', 'date child was last seen'],
    ['“Date Child Was Last Seen”.', 'date child was last seen'],
    ["Child's Category of Need", "child's category of need"],
    ['CIN Start Date’', 'cin start date'],
    ['Primary Need Code\u200b', 'primary need code'],
    ['\ufeffChild\u2060 Unique ID', 'child unique id'],
    ["'Child Unique ID", 'child unique id'],
    ["Parents' Names", "parents' names"],
    ["'Child’s Legal Status'", "child's legal status"],
    [null, ''],
    [undefined, ''],
    [42, '42'],
  ])('%j reads as %j', (text, expected) => {
    expect(normaliseHeader(text)).toBe(expected);
  });
});

describe('a sheet whose header matches a dataset', () => {
  it('is recognised below title rows, each column at its index, the first of a repeated header used', () => {
    const rows = [['Visits log, January'], [], ['Worker', 'child unique id ', 'VISIT DATE', 'Visit Date'], ['Ann', 'A', '01/01/2017']];
    const result = recogniseTable(rows, DATASETS);
    expect(result).toEqual({ ok: true, match: { dataset: visits, headerIndex: 2, columnIndex: { Worker: 0, 'Child ID': 1, 'Visit Date': 2 }, duplicateHeaders: ['Visit Date'] } });
  });

  it('the dataset matching most columns wins, whatever order the datasets come in', () => {
    const rows = [['Child ID', 'Visit Date', 'Review Date', 'Worker']];
    for (const order of [DATASETS, [...DATASETS].reverse()]) {
      const result = recogniseTable(rows, order);
      expect(result.ok && result.match.dataset.id).toBe('visits');
    }
  });

  it('a header repeated further down does not replace the first', () => {
    const header = ['Child ID', 'Visit Date'];
    const result = recogniseTable([header, ['A', '01/01/2017'], ['B', '02/01/2017'], header, ['C', '03/01/2017']], DATASETS);
    expect(result.ok && result.match.headerIndex).toBe(0);
  });

  it('a later row matching more columns is the header', () => {
    const result = recogniseTable([['Child ID', 'Visit Date'], ['Child ID', 'Visit Date', 'Worker']], DATASETS);
    expect(result.ok && [result.match.headerIndex, result.match.columnIndex]).toEqual([1, { 'Child ID': 0, 'Visit Date': 1, Worker: 2 }]);
  });

  it("a council's own header names, given for a dataset, are recognised for that dataset only", () => {
    const rows = [['Ref', 'Seen On']];
    expect(recogniseTable(rows, DATASETS).ok).toBe(false);
    const result = recogniseTable(rows, DATASETS, { visits: { 'Child ID': ['ref'], 'Visit Date': ['Seen on'] } });
    expect(result.ok && [result.match.dataset.id, result.match.columnIndex]).toEqual(['visits', { 'Child ID': 0, 'Visit Date': 1 }]);
    expect(recogniseTable(rows, DATASETS, { reviews: { 'Child ID': ['ref'] } }).ok).toBe(false);
  });

  it('a header text shared by two columns belongs to the first that names it', () => {
    const shared = dataset('shared', { 'Child ID': { required: true, aliases: ['ID'] }, ID: {}, 'Visit Date': { required: true } });
    const result = recogniseTable([['ID', 'Visit Date']], [shared]);
    expect(result.ok && result.match.columnIndex).toEqual({ 'Child ID': 0, 'Visit Date': 1 });
  });

  it('a missing row (a gap in the sheet) is passed over', () => {
    const rows: (readonly unknown[])[] = [];
    rows[1] = ['Child ID', 'Visit Date'];
    const result = recogniseTable(rows, DATASETS);
    expect(result.ok && result.match.headerIndex).toBe(1);
  });

  it(`the header is looked for in the first ${HEADER_SEARCH_ROWS} rows only`, () => {
    const titles = (n: number) => Array.from({ length: n }, () => ['title']);
    expect(recogniseTable([...titles(HEADER_SEARCH_ROWS - 1), ['Child ID', 'Visit Date']], DATASETS).ok).toBe(true);
    expect(recogniseTable([...titles(HEADER_SEARCH_ROWS), ['Child ID', 'Visit Date']], DATASETS).ok).toBe(false);
  });
});

describe('a sheet that matches no dataset', () => {
  it('names the closest datasets, fewest columns missing first, with what each lacks', () => {
    const result = recogniseTable([['Notes'], ['Child ID', 'Worker', 'Team']], DATASETS);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.closest.map((c) => [c.dataset.id, c.headerIndex, c.missing, c.matched])).toEqual([
        ['visits', 1, ['Visit Date'], 2],
        ['reviews', 1, ['Review Date'], 1],
        ['staff', 1, ['Worker ID', 'Name'], 1],
      ]);
    }
  });

  it('at most three, each dataset once at its closest row', () => {
    const four = [...DATASETS, dataset('other', { 'Child ID': { required: true }, Extra: { required: true } })];
    const result = recogniseTable([['Child ID'], ['Child ID', 'Worker', 'Team']], four);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.closest.map((c) => [c.dataset.id, c.headerIndex, c.matched])).toEqual([['visits', 1, 2], ['reviews', 0, 1], ['other', 0, 1]]);
    }
  });

  it('a sheet sharing no header with any dataset has no closest dataset; nor has an empty sheet', () => {
    expect(recogniseTable([['Home', 'Visits'], ['X', 1]], DATASETS)).toEqual({ ok: false, closest: [] });
    expect(recogniseTable([], DATASETS)).toEqual({ ok: false, closest: [] });
    const optional = dataset('optional', { Notes: {} });
    expect(recogniseTable([['Home', 'Visits']], [optional])).toEqual({ ok: false, closest: [] });
  });
});
