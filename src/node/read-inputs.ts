import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { OnProgress } from '../engine/progress.js';
import type { FileFingerprint } from '../manifest/run-manifest.js';
import { ReadError } from '../read/read-error.js';
import { checkFileSize, type ReadLimits } from '../read/screen-input.js';
import { parseWorkbook } from '../read/workbook-tables.js';
import type { RawTable } from '../read/raw-table.js';
import { fileFingerprint } from './fingerprint.js';

/** An input that could not be read at all: the run stops and says which file and why. */
export class InputError extends Error {}

const READABLE = /\.(xlsx|xlsm|xlsb|xls|csv|txt|ods)$/i;

/** Every readable file under the given files and folders, in a stable order. */
export function listInputFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    const stat = statSync(p, { throwIfNoEntry: false });
    if (!stat) throw new InputError(`No such file or folder: ${p}`);
    if (stat.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        if (name.startsWith('.') || name.startsWith('~$')) continue;
        const child = join(p, name);
        if (statSync(child).isDirectory() || READABLE.test(name)) walk(child);
      }
    } else out.push(p);
  };
  paths.forEach(walk);
  return [...new Set(out)];
}

/** Reads each file into raw tables, with its size and SHA-256; names in findings are the paths as given. */
export function readInputs(
  paths: readonly string[],
  limits: ReadLimits = {},
  onProgress?: OnProgress,
): { tables: RawTable[]; files: string[]; fingerprints: FileFingerprint[] } {
  const files = listInputFiles(paths);
  const tables: RawTable[] = [];
  const fingerprints: FileFingerprint[] = [];
  for (const [done, file] of files.entries()) {
    onProgress?.({ stage: 'read', done, total: files.length, item: file });
    try {
      checkFileSize(statSync(file).size, file, limits);
      const bytes = readFileSync(file);
      fingerprints.push(fileFingerprint(file, bytes));
      tables.push(...parseWorkbook(bytes, file, limits));
    } catch (error) {
      if (error instanceof ReadError) throw new InputError(error.message);
      const code = (error as NodeJS.ErrnoException).code;
      throw new InputError(code ? `Cannot read ${file}: ${code}` : `${file} could not be read as a spreadsheet`);
    }
  }
  return { tables, files, fingerprints };
}
