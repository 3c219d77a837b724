import { UsageError } from './as-of.js';

export const FORMATS = ['xlsx', 'csv', 'json', 'text', 'html'] as const;
export type Format = (typeof FORMATS)[number];

/** The extensions each format's file is written under, the first the one to name; csv is a folder. */
const EXTENSIONS: Record<Exclude<Format, 'csv'>, readonly string[]> = { xlsx: ['xlsx'], json: ['json'], html: ['html', 'htm'], text: ['txt', 'text'] };
const FILE_FORMATS = Object.keys(EXTENSIONS) as Exclude<Format, 'csv'>[];

const extensionOf = (out: string) => /\.([a-z][a-z0-9]*)$/i.exec(out)?.[1]?.toLowerCase();

/**
 * Refuses a folder's --out (CSV files, team workbooks) that ends in an extension the tool writes:
 * `--out results.csv` would make a folder the user takes for a file.
 */
export function assertFolder(out: string, writes: string): void {
  const extension = extensionOf(out);
  if (extension === undefined || (extension !== 'csv' && !FILE_FORMATS.some((f) => EXTENSIONS[f].includes(extension)))) return;
  throw new UsageError(`${writes} into a folder: --out ${out} is the name of a .${extension} file; give a folder, e.g. --out ${out.slice(0, -extension.length - 1)}/`);
}

/**
 * The format asked for, or the one the --out path implies (.xlsx, .json, .html, .txt, a folder
 * for csv), or text. Any other extension (x.pdf, results.csv) is refused rather than taken for a
 * folder of CSV files, and so is a --format that --out's extension does not match (JSON in x.xlsx).
 */
export function resolveFormat(format: string | undefined, out: string | undefined): Format {
  if (format !== undefined) {
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got "${format}")`);
    if ((format === 'xlsx' || format === 'csv') && !out) throw new UsageError(`--format ${format} needs --out (${format === 'csv' ? 'a folder' : 'a .xlsx file'})`);
    if (format === 'csv') {
      assertFolder(out!, '--format csv writes CSV files');
      return format;
    }
    const extensions = EXTENSIONS[format as Exclude<Format, 'csv'>];
    if (out !== undefined && !extensions.includes(extensionOf(out) ?? '')) throw new UsageError(`--format ${format} writes a .${extensions[0]} file: --out ${out} does not end .${extensions[0]}`);
    return format as Format;
  }
  if (!out) return 'text';
  const extension = extensionOf(out);
  if (extension === undefined) return 'csv';
  const implied = FILE_FORMATS.find((f) => EXTENSIONS[f].includes(extension));
  if (implied) return implied;
  throw new UsageError(`--out ${out}: the tool does not write .${extension} files; the tool writes .xlsx, .json, .html and .txt files, or CSV files into a folder (--format csv --out <folder>)`);
}
