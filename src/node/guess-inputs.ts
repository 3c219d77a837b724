import { statSync } from 'node:fs';
import type { DatasetDef, HeaderAliases } from '../datasets/dataset.js';
import { HEADER_SEARCH_ROWS, recogniseTable } from '../datasets/recognise.js';
import type { InputGuess } from '../engine/split-plan.js';
import type { RawCell } from '../read/raw-table.js';
import { csvRows } from '../read/csv-rows.js';
import { isStreamedCsv } from '../read/workbook-tables.js';
import { firstBytes, HEAD_BYTES } from './read-inputs.js';
import { Utf8Chunks } from './utf8-chunks.js';

/** Bytes enough for the rows a header row is looked for in. */
const GUESS_BYTES = 1 << 16;

/** The dataset a CSV file's header names, from its first bytes (taken as UTF-8 if they are). */
function csvDataset(bytes: Uint8Array, datasets: readonly DatasetDef[], aliases: HeaderAliases): string | null {
  const check = new Utf8Chunks();
  check.update(bytes);
  const rows: RawCell[][] = [];
  for (const row of csvRows([bytes], check.validSoFar() ? 'utf-8' : 'windows-1252')) {
    rows.push(row);
    if (rows.length === HEADER_SEARCH_ROWS) break;
  }
  const recognition = recogniseTable(rows, datasets, aliases);
  return recognition.ok ? recognition.match.dataset.id : null;
}

/**
 * Each file's size and, for a plain CSV file, the dataset its header row names, read from its
 * first bytes only; a workbook's datasets (or an unreadable file's) are not guessed. A guess
 * only shares the work out: what each file holds is decided when it is read.
 */
export function guessInputs(files: readonly string[], datasets: readonly DatasetDef[], aliases: HeaderAliases): InputGuess[] {
  return files.map((file) => {
    try {
      const size = statSync(file).size;
      const bytes = firstBytes(file, GUESS_BYTES);
      return { file, size, dataset: isStreamedCsv(file, bytes.subarray(0, HEAD_BYTES)) ? csvDataset(bytes, datasets, aliases) : undefined };
    } catch {
      return { file, size: 0, dataset: undefined };
    }
  });
}
