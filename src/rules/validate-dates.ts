import type { DatasetDef } from '../datasets/dataset.js';
import { addToGroup } from '../engine/add-to-group.js';
import { columnsReadBy, EVERY_COLUMN } from './columns-read.js';
import { escapePointer } from './json-source.js';
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
