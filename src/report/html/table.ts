import { dayFromIso } from '../../calendar/index.js';
import { ukDate } from '../../engine/format.js';
import type { ShownKind, ShownValue } from '../../engine/outcome.js';
import type { OutTable } from '../tabular.js';
import { escapeHtml } from './escape.js';

function cell(value: ShownValue, kind: ShownKind): string {
  if (value === null) return '<td></td>';
  const day = kind === 'date' && typeof value === 'string' ? dayFromIso(value) : undefined;
  const shown = day === undefined ? String(value) : ukDate(day);
  const sortKey = kind === 'number' || day !== undefined ? ` data-v="${escapeHtml(String(value))}"` : '';
  return `<td${sortKey}${kind === 'number' ? ' class="num"' : ''}>${escapeHtml(shown)}</td>`;
}

/** A safe element id for a table. */
export const tableId = (name: string): string => `t-${name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase()}`;

/**
 * A table as HTML: its header cells sort the rows when clicked (numbers and dates by value), and
 * a list (`filterable`) gets a box that hides the rows not containing the typed text.
 */
export function htmlTable(table: OutTable, options: { id?: string; filterable?: boolean } = {}): string {
  const id = options.id ?? tableId(table.name);
  const head = table.columns.map((c) => `<th data-kind="${c.kind}" scope="col"><button type="button">${escapeHtml(c.header)}</button></th>`).join('');
  const body = table.rows.map((row) => `<tr>${row.map((v, i) => cell(v, table.columns[i]?.kind ?? 'text')).join('')}</tr>`).join('\n');
  const filter = options.filterable
    ? `<p class="controls"><label>Filter <input type="search" data-filter="${id}" placeholder="type to filter rows"></label> <output data-count="${id}">${table.rows.length} of ${table.rows.length} rows</output></p>`
    : '';
  return `${filter}<div class="scroll"><table class="sortable" id="${id}"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}
