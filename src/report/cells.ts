import { dayFromIso } from '../calendar/index.js';

/** Days between 1899-12-30 and 1970-01-01: an ISO date's Excel serial is its day number plus this. */
const EXCEL_EPOCH_OFFSET = 25569;

export function excelSerial(iso: string): number | undefined {
  const day = dayFromIso(iso);
  return day === undefined ? undefined : day + EXCEL_EPOCH_OFFSET;
}

/** The codes of the first characters that make a spreadsheet read a cell as a formula: = + - @ tab, carriage return. */
const FORMULA_STARTS = new Set([...'=+-@\t\r'].map((c) => c.charCodeAt(0)));

/**
 * Text a spreadsheet would run as a formula gets a leading apostrophe; the value stays readable.
 * Only the first character's code is looked at (a report has millions of cells).
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_STARTS.has(text.charCodeAt(0)) ? `'${text}` : text;
}

/** The most characters an Excel cell holds. */
export const EXCEL_CELL_LIMIT = 32767;

/** Text longer than a cell holds is cut, saying so; the JSON report keeps it whole. */
export function fitExcelCell(text: string): string {
  if (text.length <= EXCEL_CELL_LIMIT) return text;
  const note = `... (cut: ${text.length} characters in all)`;
  return `${text.slice(0, EXCEL_CELL_LIMIT - note.length)}${note}`;
}
