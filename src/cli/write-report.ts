import { csvFileName, csvText } from '../report/csv.js';
import type { OutTable } from '../report/tabular.js';
import { workbookBytes } from '../report/xlsx.js';
import { writeAtomic, writeFolder } from '../node/write-output.js';
import type { Format } from './output-format.js';

/** A report in each format, made only when asked for. */
export interface Renderings {
  tables: () => OutTable[];
  json: () => string;
  text: () => string;
  html: () => string;
}

/** Writes the report in the format asked for: to --out, or for text, json and html to stdout without it. */
export function writeReport(format: Format, out: string | undefined, render: Renderings): void {
  if (format === 'xlsx') writeAtomic(out!, workbookBytes(render.tables()));
  else if (format === 'csv') writeFolder(out!, new Map(render.tables().map((t) => [csvFileName(t), csvText(t)])));
  else {
    const text = render[format]();
    if (out) writeAtomic(out, text);
    else process.stdout.write(text);
  }
}
