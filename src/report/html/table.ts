import { dayFromIso } from '../../calendar/index.js';
import { ukDate } from '../../engine/format.js';
import type { ShownKind, ShownValue } from '../../engine/outcome.js';
import type { OutColumn, OutTable } from '../tabular.js';
import { escapeHtml } from './escape.js';

function cell(value: ShownValue, column: OutColumn | undefined): string {
  const kind: ShownKind = column?.kind ?? 'text';
  const trace = column?.trace ? ' trace' : '';
  if (value === null) return trace ? '<td class="trace"></td>' : '<td></td>';
  const day = kind === 'date' && typeof value === 'string' ? dayFromIso(value) : undefined;
  const shown = day === undefined ? String(value) : ukDate(day);
  const sortKey = kind === 'number' || day !== undefined ? ` data-v="${escapeHtml(String(value))}"` : '';
  const classes = `${kind === 'number' ? 'num' : day !== undefined ? 'date' : ''}${trace}`.trim();
  return `<td${sortKey}${classes ? ` class="${classes}"` : ''}>${escapeHtml(shown)}</td>`;
}

/** A safe element id for a table. */
export const tableId = (name: string): string => `t-${name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase()}`;

/** Columns this wide or wider (in characters, as in the workbook) hold prose: they get room to read on screen. */
const WIDE = 48;

/** Columns this wide or wider hold names (a team, a setting): they get room for a few words a line. */
const NAMES = 30;

function columnClass(c: OutColumn): string {
  if (c.trace) return ' class="trace"';
  if (c.writeIn) return ' class="write-in"';
  if ((c.width ?? 0) >= WIDE) return ' class="wide"';
  return (c.width ?? 0) >= NAMES ? ' class="names"' : '';
}

export interface HtmlTableOptions {
  id?: string;
  /** A box that hides the rows not containing the typed text. */
  filterable?: boolean;
  /** Show only this many rows until "Show all" is clicked (filtering and sorting still see every row). */
  limit?: number;
}

/**
 * A table as HTML: its header cells sort the rows when clicked (numbers and dates by value), and
 * a list (`filterable`) gets a box that hides the rows not containing the typed text. A long
 * list (`limit`) shows its first rows, with the rest a click away.
 */
export function htmlTable(table: OutTable, options: HtmlTableOptions = {}): string {
  const id = options.id ?? tableId(table.name);
  const total = table.rows.length;
  const limit = options.limit !== undefined && total > options.limit ? options.limit : undefined;
  const head = table.columns
    .map((c) => `<th data-kind="${c.kind}" scope="col"${columnClass(c)}><button type="button">${escapeHtml(c.header)}</button></th>`)
    .join('');
  const body = Array.from(table.rows, (row, r) => `<tr${limit !== undefined && r >= limit ? ' hidden' : ''}>${row.map((v, i) => cell(v, table.columns[i])).join('')}</tr>`).join('\n');
  const filter = options.filterable
    ? `<p class="controls"><label>Filter <input type="search" data-filter="${id}" placeholder="type to filter rows"></label> <output data-count="${id}">${total} of ${total} rows</output></p>`
    : '';
  const more = limit === undefined
    ? ''
    : `<p class="more" data-more="${id}"><span>The first ${limit} of ${total} rows are shown (show all to see or print the rest; the workbook lists every one).</span> <button type="button" data-show-all="${id}">Show all ${total} rows</button></p>`;
  const limited = limit === undefined ? '' : ` data-limit="${limit}"`;
  return `${filter}<div class="scroll"><table class="sortable" id="${id}"${limited}><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>${more}`;
}
