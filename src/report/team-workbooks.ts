import type { CheckResult } from '../engine/run-check.js';
import { allRecords, countBy, teamOf } from './counts.js';
import { distinctFileNames } from './file-name.js';
import { teamTables } from './tabular.js';
import { workbookBytes } from './xlsx.js';

/** One workbook per team (and one for exceptions with no team), each by a safe file name of its own. */
export function teamWorkbooks(result: CheckResult): Map<string, Uint8Array> {
  const teams = countBy(allRecords(result), teamOf).map(([team]) => team);
  const names = distinctFileNames(teams, 'xlsx');
  return new Map(teams.map((team) => [names.get(team)!, workbookBytes(teamTables(result, team))]));
}
