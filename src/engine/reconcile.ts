import type { Finding } from '../findings/finding.js';
import type { TableSource } from '../typing/typed-table.js';
import type { InputSummary, SheetRead } from './run-check.js';

/** Rows read, split into rows some rule judged and rows reported in a finding instead. */
export interface RowTotals {
  /** Non-blank rows below the header row (every non-blank row of a sheet not recognised). */
  read: number;
  /** Rows of a recognised dataset that at least one rule that ran read (its own or a related dataset). */
  evaluated: number;
  /** Rows no rule read, each covered by a finding: a sheet not recognised, a dataset no rule in this run reads, a row not read (a CSV row with more cells than its header) or a log row with no record date. */
  reported: number;
  /** Rows below the header with nothing in them: not data, counted so nothing vanishes unseen. */
  blank: number;
}

/** A sheet's file and sheet name, as one key. */
const sheetKey = (source: TableSource): string => `${source.file}\u0000${source.sheet ?? ''}`;

/**
 * Says for every input how many of its rows were evaluated and how many were only reported,
 * so that read = evaluated + reported; a recognised sheet no rule read gets a finding saying so.
 * `undated`: the log rows each sheet had with no record date, left out with a finding each.
 */
export function reconcileInputs(
  sheets: readonly SheetRead[],
  usedDatasets: ReadonlySet<string>,
  undated: readonly { source: TableSource; count: number }[],
): { inputs: InputSummary[]; totals: RowTotals; findings: Finding[] } {
  const findings: Finding[] = [];
  const used = (input: { dataset: string | null }) => input.dataset !== null && usedDatasets.has(input.dataset);
  const leftOut = new Map(undated.map((u) => [sheetKey(u.source), u.count]));
  const inputs = sheets.map(({ notRead, ...sheet }): InputSummary => {
    const evaluated = used(sheet) ? sheet.rows - notRead - (leftOut.get(sheetKey(sheet)) ?? 0) : 0;
    return { ...sheet, evaluated, reported: sheet.rows - evaluated };
  });
  for (const input of inputs) {
    if (input.dataset !== null && !used(input) && input.rows > 0) {
      const where = input.sheet === undefined ? { file: input.file } : { file: input.file, sheet: input.sheet };
      findings.push({ ...where, kind: 'input-not-used', level: 'info', dataset: input.dataset, message: `No rule in this run reads ${input.dataset}: its ${input.rows} rows were not judged` });
    }
  }
  return { inputs, totals: rowTotalsOf(inputs), findings };
}

/** Rows read, evaluated, reported and blank, summed over the inputs. */
export function rowTotalsOf(inputs: readonly InputSummary[]): RowTotals {
  const totals: RowTotals = { read: 0, evaluated: 0, reported: 0, blank: 0 };
  for (const input of inputs) {
    totals.read += input.rows;
    totals.evaluated += input.evaluated;
    totals.reported += input.reported;
    totals.blank += input.blankRows;
  }
  return totals;
}
