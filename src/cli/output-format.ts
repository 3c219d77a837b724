import { UsageError } from './as-of.js';

export const FORMATS = ['xlsx', 'csv', 'json', 'text', 'html'] as const;
export type Format = (typeof FORMATS)[number];

/**
 * The format asked for, or the one the --out path implies (.xlsx, .json, .html, .txt, a folder
 * for csv), or text. Any other extension (x.pdf, results.csv) is refused rather than taken for a
 * folder of CSV files.
 */
export function resolveFormat(format: string | undefined, out: string | undefined): Format {
  if (format !== undefined) {
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got "${format}")`);
    if ((format === 'xlsx' || format === 'csv') && !out) throw new UsageError(`--format ${format} needs --out (${format === 'csv' ? 'a folder' : 'a .xlsx file'})`);
    return format as Format;
  }
  if (!out) return 'text';
  if (/\.xlsx$/i.test(out)) return 'xlsx';
  if (/\.json$/i.test(out)) return 'json';
  if (/\.html?$/i.test(out)) return 'html';
  if (/\.(txt|text)$/i.test(out)) return 'text';
  const extension = /\.([a-z][a-z0-9]*)$/i.exec(out)?.[1];
  if (extension) throw new UsageError(`--out ${out}: the tool does not write .${extension} files; the tool writes .xlsx, .json, .html and .txt files, or CSV files into a folder (--format csv --out <folder>)`);
  return 'csv';
}
