import { statSync } from 'node:fs';
import type { DatasetDef, HeaderAliases } from '../datasets/dataset.js';
import { HEADER_SEARCH_ROWS, recogniseTable } from '../datasets/recognise.js';
import type { InputGuess } from '../engine/split-plan.js';
import { csvHead, isStreamedCsv } from '../read/csv-table.js';
import { firstBytes, HEAD_BYTES } from './read-inputs.js';

/** Bytes enough for the rows a header row is looked for in. */
export const GUESS_BYTES = 1 << 16;

/** The dataset a CSV file's header names, from its first bytes (read as the whole file is: see csvHead). */
function csvDataset(bytes: Uint8Array, datasets: readonly DatasetDef[], aliases: HeaderAliases): string | null {
  const recognition = recogniseTable(csvHead(bytes, HEADER_SEARCH_ROWS), datasets, aliases);
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
