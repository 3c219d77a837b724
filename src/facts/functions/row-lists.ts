import { OPERATORS } from '../../engine/operators.js';
import { Invalid } from '../../typing/value.js';
import { isEmptyValue, notComputable, type FactValue } from '../fact-value.js';
import { keepRecords, recordSource, type RowRecord } from '../row-record.js';
import type { FactFunction } from './function.js';

const records = (v: FactValue): RowRecord[] => (Array.isArray(v) ? v : []) as RowRecord[];

/** The first unreadable value in this column of the rows, if any: a list narrowed by it would be a guess. */
function unreadableIn(rows: readonly RowRecord[], column: string): Invalid | undefined {
  for (const row of rows) {
    const v = row[column];
    if (v instanceof Invalid) return v;
  }
  return undefined;
}

/** Not evaluable, naming the first row whose column is empty (`why`: what cannot be told), if there is one. */
function emptyIn(rows: readonly RowRecord[], column: string, why: string): Invalid | undefined {
  const at = rows.findIndex((r) => isEmptyValue(r[column]));
  if (at < 0) return undefined;
  const problem = `${column} is empty, so ${why} cannot be told`;
  const source = recordSource(rows, at);
  return source ? new Invalid('', problem, { ...source, column }) : notComputable(problem);
}

/**
 * The rows whose column meets (or, with `wanted` false, does not meet) the operator against the
 * value, with the operator's meaning in conditions (`textIn` compares codes ignoring case and
 * spacing). An empty value cannot be tested but by isEmpty: whether its row is to be kept cannot
 * be told, so the result is not evaluable, never a row silently left out or kept.
 */
function rowsMeeting(wanted: boolean): FactFunction['fn'] {
  return (_env, rows, column, operator, value) => {
    const op = OPERATORS[String(operator)];
    if (!op) throw new Error(`unknown operator "${String(operator)}"`);
    const list = records(rows);
    const name = String(column);
    const unknown = unreadableIn(list, name) ?? (operator === 'isEmpty' ? undefined : emptyIn(list, name, `whether the row meets the rule's test of it (${String(operator)})`));
    if (unknown) return unknown;
    return keepRecords(list, (r) => (op.accepts(r[name]) && op.evaluate(r[name], value) === true) === wanted);
  };
}

/**
 * Lists of rows (a rule's related rows, or the rows of its group) narrowed by a column's value,
 * then counted or turned into a list of dates for the date-list summaries. Columns are text
 * values naming a column of the rows' dataset; operators are those of conditions.
 */
export const ROW_LIST_FUNCTIONS: Record<string, FactFunction> = {
  rowsWhere: {
    description:
      'The rows whose column meets the operator against the value, as in a condition (arguments: rows, column, operator, value). A row whose column is empty makes the result not evaluable, naming the row and column (whether it meets the test cannot be told), unless the operator is isEmpty: to leave such rows out, or keep them, narrow first with isEmpty. An unreadable value in the column makes the result unreadable.',
    example: '{ "call": "rowsWhere", "args": [{ "rows": "episodes" }, { "value": "RNE" }, { "value": "textIn" }, { "param": "placementCodes" }] }',
    args: ['rows', 'column', 'operator', 'any'],
    returns: 'rows',
    fn: rowsMeeting(true),
  },
  rowsWhereNot: {
    description: 'The rows whose column does not meet the operator against the value (arguments as rowsWhere). As in rowsWhere, a row whose column is empty makes the result not evaluable unless the operator is isEmpty.',
    example: '{ "call": "rowsWhereNot", "args": [{ "rows": "episodes" }, { "value": "LS" }, { "value": "textIn" }, { "param": "shortBreakStatuses" }] }',
    args: ['rows', 'column', 'operator', 'any'],
    returns: 'rows',
    fn: rowsMeeting(false),
  },
  rowsOpenOn: {
    description: 'The rows open at the end of the date: started on or before it (start-date column) and not ended by it (end-date column empty or after it) (arguments: rows, start column, end column, date). A row with no start date makes the result unreadable: whether it was open cannot be told.',
    example: '{ "call": "rowsOpenOn", "args": [{ "rows": "episodes" }, { "value": "DECOM" }, { "value": "DEC" }, { "fact": "windowStart" }] }',
    args: ['rows', 'column', 'column', 'date'],
    returns: 'rows',
    fn: (_env, rows, startColumn, endColumn, on) => {
      const list = records(rows);
      const [start, end] = [String(startColumn), String(endColumn)];
      const unreadable = unreadableIn(list, start) ?? unreadableIn(list, end);
      if (unreadable) return unreadable;
      const undated = emptyIn(list, start, 'whether the row was open');
      if (undated) return undated;
      const day = on as number;
      return keepRecords(list, (r) => {
        const from = r[start];
        const to = r[end];
        return (from as number) <= day && (isEmptyValue(to) || (typeof to === 'number' && to > day));
      });
    },
  },
  columnValues: {
    description: 'The values of one column of the rows, in their order (arguments: rows, column): a list of dates for countBetween, earliest, latest and the rest.',
    example: '{ "call": "columnValues", "args": [{ "fact": "placementEpisodes" }, { "value": "DECOM" }] }',
    args: ['rows', 'column'],
    returns: 'any',
    fn: (_env, rows, column) => records(rows).map((r) => r[String(column)] ?? null),
  },
  count: {
    description: 'How many items of a list (rows, or values such as dates) are not empty.',
    example: '{ "call": "count", "args": [{ "fact": "placementEpisodes" }] }',
    args: ['any'],
    returns: 'number',
    fn: (_env, list) => (Array.isArray(list) ? list.filter((v) => !isEmptyValue(v)).length : 0),
  },
};
