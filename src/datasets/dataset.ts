/** How a dataset's columns are typed when read. */
export type ColumnType = 'id' | 'text' | 'date' | 'number';

export interface ColumnDef {
  type: ColumnType;
  /** A sheet without this column is not this dataset. */
  required?: boolean;
  /** Other header texts that mean this column (older layouts, other systems). */
  aliases?: string[];
  description?: string;
}

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
