import { csvFileName, csvPieces } from '../report/csv.js';
import { pieceText } from '../report/json.js';
import type { FilledLater } from '../report/rendered.js';
import type { OutTable } from '../report/tabular.js';
import { printableLines } from '../report/printable.js';
import { writeAtomic, writeFolder } from '../node/write-output.js';
import type { Format } from './output-format.js';
import { workbookWriter } from './workbook-writers.js';

/** A report in each format, made only when asked for. */
export interface Renderings {
  tables: () => OutTable[];
  /** In pieces (some written by the threads that checked them): a million exceptions make more text than one string holds. */
  json: () => Iterable<string | FilledLater>;
  text: () => string;
  html: () => string;
}

/**
 * Writes the report in the format asked for: to --out (never over one of the inputs), or for
 * text, json and html to stdout without it, text with its control characters escaped.
 */
export async function writeReport(format: Format, out: string | undefined, render: Renderings, inputs: readonly string[]): Promise<void> {
  if (format === 'xlsx') await writeAtomic(out!, (await workbookWriter()).workbookBytes(render.tables()));
  else if (format === 'csv') await writeFolder(out!, new Map(render.tables().map((t) => [csvFileName(t), csvPieces(t)])), inputs);
  else {
    const text = format === 'json' ? render.json() : format === 'text' ? printableLines(render.text()) : render[format]();
    if (out) await writeAtomic(out, text);
    else for (const piece of typeof text === 'string' ? [text] : text) process.stdout.write(pieceText(piece));
  }
}
