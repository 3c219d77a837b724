import type { BankHolidayList } from '../calendar/index.js';
import type { DatasetDef } from '../datasets/dataset.js';
import type { OverviewDef } from './overview.js';
import type { RuleCases, RuleDef } from './rule.js';

/** A file of the pack as read, before validation: where it came from and its parsed JSON. */
export interface PackFile {
  /** Path relative to the pack folder, with forward slashes. */
  path: string;
  json: unknown;
  /** The file's text, so that problems can give a line and column. */
  text?: string;
}

/** Everything a check needs besides the extracts: rules, datasets, cases and the working-day calendar. */
export interface RulePack {
  rules: RuleDef[];
  datasets: DatasetDef[];
  cases: RuleCases[];
  calendar: BankHolidayList;
  /** One-row-per-subject tables drawn from rules' facts. */
  overviews: OverviewDef[];
}

/** Rule files end .rule.json, their cases .cases.json; datasets, calendars and overviews have folders of their own. */
export function packFileRole(path: string): 'rule' | 'cases' | 'dataset' | 'calendar' | 'overview' | 'other' {
  if (path.endsWith('.rule.json')) return 'rule';
  if (path.endsWith('.cases.json')) return 'cases';
  if (/(^|\/)datasets\/[^/]+\.json$/.test(path)) return 'dataset';
  if (/(^|\/)calendars\/[^/]+\.json$/.test(path)) return 'calendar';
  if (/(^|\/)overviews\/[^/]+\.json$/.test(path)) return 'overview';
  return 'other';
}
