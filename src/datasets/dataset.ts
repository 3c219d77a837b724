/** How a dataset's columns are typed when read. */
export type ColumnType = 'id' | 'text' | 'date' | 'number';

export interface ColumnDef {
  type: ColumnType;
  /** A sheet without this column is not this dataset. */
  required?: boolean;
  /** Other header texts that mean this column (older layouts, other systems). */
  aliases?: string[];
  description?: string;
  /** What a date column's date is, and so what a date after the as-of date means (see DateIs). */
  dateIs?: DateIs;
  /**
   * The date column (an event, completion or end) whose event this column's value is the outcome
   * of, e.g. an inspection's judgement: while that date is after the as-of date, it is empty too.
   */
  datedBy?: string;
}

/**
 * What a date is, for the data as it stood on the as-of date. A start or a log row's record
 * dated after it: the row is not there yet. An event, a completion or an end dated after it:
 * not yet happened, so the cell is empty.
 */
export type DateIs = 'start' | 'record' | 'event' | 'completion' | 'end';

/** Dates before which a row is not there: a start, or the record a log row is. */
export const isRowDate = (dateIs: DateIs | undefined): boolean => dateIs === 'start' || dateIs === 'record';

/** The dataset's columns whose date a row is not there before. */
export const rowDateColumns = (dataset: DatasetDef): string[] =>
  Object.entries(dataset.columns)
    .filter(([, c]) => c.type === 'date' && isRowDate(c.dateIs))
    .map(([name]) => name);

/** A dataset the checker recognises by its header row (JSON in rules/datasets/). */
export interface DatasetDef {
  id: string;
  title: string;
  description?: string;
  columns: Record<string, ColumnDef>;
  /** The column that identifies a row's subject: a row without it is a finding. */
  idColumn?: string;
  /** The id appears once per subject: a repeat is a finding (both rows are still judged). */
  uniqueId?: boolean;
  /** The service the rows belong to (e.g. Children's homes): a rule with no team counts its exceptions under it. */
  service?: string;
  /** `comply template <id>` writes a blank workbook with these headers. */
  template?: { sheet: string };
}

/** Authority-specific header names: dataset id -> canonical column -> extra aliases. */
export type HeaderAliases = Record<string, Record<string, string[]>>;
