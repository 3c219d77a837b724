import type { DatasetDef, HeaderAliases } from './dataset.js';
import { normaliseHeader } from './normalise-header.js';

/** A sheet's header row matched to a dataset: which column index holds each canonical column. */
export interface HeaderMatch {
  dataset: DatasetDef;
  /** Index into the table's rows of the header row. */
  headerIndex: number;
  columnIndex: Record<string, number>;
  /** Headers that appear more than once: the first is used. */
  duplicateHeaders: string[];
}

/** Why a table matched no dataset, closest first. */
export interface NearMiss {
  dataset: DatasetDef;
  headerIndex: number;
  missing: string[];
  matched: number;
}

export type Recognition = { ok: true; match: HeaderMatch } | { ok: false; closest: NearMiss[] };

/** How many rows from the top may hold title text above the header row. */
export const HEADER_SEARCH_ROWS = 20;

type AliasIndex = Map<string, string>;

function aliasIndex(dataset: DatasetDef, extra: HeaderAliases): AliasIndex {
  const index: AliasIndex = new Map();
  const local = extra[dataset.id] ?? {};
  for (const [name, def] of Object.entries(dataset.columns)) {
    for (const text of [name, ...(def.aliases ?? []), ...(local[name] ?? [])]) {
      const key = normaliseHeader(text);
      if (!index.has(key)) index.set(key, name);
    }
  }
  return index;
}

/** Matches a row's headers, already normalised, to a dataset's columns. */
function matchRow(headers: readonly string[], dataset: DatasetDef, index: AliasIndex, headerIndex: number) {
  const columnIndex: Record<string, number> = Object.create(null) as Record<string, number>;
  const duplicateHeaders: string[] = [];
  headers.forEach((header, i) => {
    const name = index.get(header);
    if (name === undefined) return;
    if (name in columnIndex) duplicateHeaders.push(name);
    else columnIndex[name] = i;
  });
  const required = Object.entries(dataset.columns).filter(([, def]) => def.required);
  const missing = required.filter(([name]) => !(name in columnIndex)).map(([name]) => name);
  const matched = Object.keys(columnIndex).length;
  return { dataset, headerIndex, columnIndex, duplicateHeaders, missing, matched };
}

/**
 * Finds the header row (within the first rows, below any title rows) and the dataset it
 * belongs to. The dataset whose required columns are all present and which matches most
 * columns wins; the file or sheet name plays no part.
 */
export function recogniseTable(
  rows: readonly (readonly unknown[])[],
  datasets: readonly DatasetDef[],
  extraAliases: HeaderAliases = {},
): Recognition {
  const indexes = datasets.map((d) => aliasIndex(d, extraAliases));
  let best: ReturnType<typeof matchRow> | undefined;
  const misses: ReturnType<typeof matchRow>[] = [];
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const headers = (rows[r] ?? []).map(normaliseHeader);
    datasets.forEach((dataset, d) => {
      const m = matchRow(headers, dataset, indexes[d]!, r);
      if (m.missing.length === 0 && m.matched > 0) {
        if (!best || m.matched > best.matched) best = m;
      } else if (m.matched > 0) misses.push(m);
    });
  }
  if (best) {
    const { dataset, headerIndex, columnIndex, duplicateHeaders } = best;
    return { ok: true, match: { dataset, headerIndex, columnIndex, duplicateHeaders } };
  }
  const closest = new Map<string, NearMiss>();
  for (const m of misses.sort((a, b) => a.missing.length - b.missing.length || b.matched - a.matched)) {
    if (!closest.has(m.dataset.id)) closest.set(m.dataset.id, m);
  }
  return { ok: false, closest: [...closest.values()].slice(0, 3) };
}
