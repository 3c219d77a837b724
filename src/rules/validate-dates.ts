import { isRowDate, type DatasetDef } from '../datasets/dataset.js';
import { addToGroup } from '../engine/add-to-group.js';
import { columnsReadBy, EVERY_COLUMN } from './columns-read.js';
import { escapePointer } from './json-source.js';
import { didYouMean } from './nearest-name.js';
import type { RuleDef } from './rule.js';
import type { PackProblem } from './validate-pack.js';

/**
 * A date column a rule reads must say what its date is (`dateIs`): without it, a date after the
 * as-of date could not be read as the data stood on that day. One problem per dataset column,
 * naming the rules that read it, pointing at the column in the dataset's file.
 */
export function undeclaredDateProblems(rules: readonly RuleDef[], datasets: readonly DatasetDef[], fileOf: ReadonlyMap<string, string>): PackProblem[] {
  const readers = new Map<DatasetDef, Map<string, string[]>>();
  for (const rule of rules) {
    for (const [id, columns] of columnsReadBy([rule], [], datasets)) {
      const dataset = datasets.find((d) => d.id === id);
      if (!dataset) continue;
      const names = columns === EVERY_COLUMN ? Object.keys(dataset.columns) : [...columns];
      for (const column of names) {
        const def = dataset.columns[column];
        if (def?.type !== 'date' || def.dateIs !== undefined) continue;
        const byColumn = readers.get(dataset) ?? new Map<string, string[]>();
        addToGroup(byColumn, column, rule.id);
        readers.set(dataset, byColumn);
      }
    }
  }
  const problems: PackProblem[] = [];
  for (const [dataset, byColumn] of readers) {
    for (const [column, ruleIds] of byColumn) {
      problems.push({
        file: fileOf.get(dataset.id) ?? `datasets/${dataset.id}.json`,
        pointer: `/columns/${escapePointer(column)}`,
        message: `dataset "${dataset.id}": date column "${column}" is read by ${ruleIds.join(', ')} but does not say what its date is: add "dateIs" (start, record, event, completion or end), which says what a date after the as-of date means`,
      });
    }
  }
  return problems;
}

/**
 * A column dated by a date (`datedBy`) is emptied while that date is after the as-of date, so the
 * date must be a column of the same dataset that can be after it and yet the row be there: an
 * event, completion or end (a row whose start or record is after it is left out whole). One
 * problem per such column, pointing at its `datedBy`.
 */
export function datedByProblems(datasets: readonly DatasetDef[], fileOf: ReadonlyMap<string, string>): PackProblem[] {
  const problems: PackProblem[] = [];
  for (const dataset of datasets) {
    for (const [column, def] of Object.entries(dataset.columns)) {
      const by = def.datedBy;
      if (by === undefined) continue;
      const date = Object.hasOwn(dataset.columns, by) ? dataset.columns[by] : undefined;
      const names = `"datedBy" names the date column (dateIs event, completion or end) of the event whose outcome "${column}" records`;
      let why: string | undefined;
      if (!date) why = `which it does not have${didYouMean(by, Object.keys(dataset.columns))}`;
      else if (date.type !== 'date') why = `which is not a date column; ${names}`;
      else if (date.dateIs === undefined) why = `which does not say what its date is (no dateIs); ${names}`;
      else if (isRowDate(date.dateIs)) why = `whose dateIs is ${date.dateIs} (a row dated after the as-of date by it is left out whole); ${names}`;
      if (why === undefined) continue;
      problems.push({
        file: fileOf.get(dataset.id) ?? `datasets/${dataset.id}.json`,
        pointer: `/columns/${escapePointer(column)}/datedBy`,
        message: `dataset "${dataset.id}": column "${column}" is dated by "${by}", ${why}`,
      });
    }
  }
  return problems;
}
