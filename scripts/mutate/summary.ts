/**
 * `npm run mutate -- --summary [folder]`: the mutation scores in Stryker's JSON reports
 * (reports/mutation/*.json, or the folder named), per folder of src/, per file, and for all the
 * folders measured together, as Stryker computes them (mutation-testing-metrics, Stryker's own):
 * detected (killed or timed out) over detected and undetected (survived or not covered);
 * mutants that did not compile, errors at run time and ignored mutants do not count.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { calculateMetrics, type Metrics } from 'mutation-testing-metrics';

type FileResults = Parameters<typeof calculateMetrics>[0];

/** Folders of src/ that are not mutated: the command's and the page's shell, tested end to end (docs/testing.md). */
export const NOT_MUTATED = ['browser', 'cli'];

const row = (name: string, m: Metrics): string[] =>
  [name, ...[m.totalValid, m.totalDetected, m.survived, m.noCoverage].map(String), Number.isNaN(m.mutationScore) ? '-' : `${m.mutationScore.toFixed(1)}%`];

/** The table, and the folders of src/ with no report; where the report folder is not there (reports/ is not committed), how to make one. */
export function mutationSummary(reportDir: string, srcFolders: readonly string[]): string {
  if (!existsSync(reportDir)) return `No mutation reports yet: there is no folder ${reportDir}. npm run mutate -- engine tests src/engine and writes its report there; npm run mutate tests the folders changed since main.\n`;
  const files: FileResults = {};
  for (const name of readdirSync(reportDir).filter((n) => n.endsWith('.json')).sort()) {
    Object.assign(files, (JSON.parse(readFileSync(join(reportDir, name), 'utf8')) as { files: FileResults }).files);
  }
  const byFolder = new Map<string, FileResults>();
  for (const [path, result] of Object.entries(files)) {
    const folder = path.split('/')[1]!;
    byFolder.set(folder, { ...byFolder.get(folder), [path]: result });
  }
  const rows = [['folder / file', 'mutants', 'killed (incl. timeouts)', 'survived', 'no coverage', 'score']];
  for (const folder of [...byFolder.keys()].sort()) {
    const result = calculateMetrics(byFolder.get(folder)!);
    rows.push(row(`src/${folder}`, result.metrics));
    for (const file of Object.keys(byFolder.get(folder)!).sort()) rows.push(row(`  ${file.split('/').slice(2).join('/')}`, calculateMetrics({ [file]: files[file]! }).metrics));
  }
  rows.push(row('all measured', calculateMetrics(files).metrics));
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const lines = rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '));
  const missing = srcFolders.filter((f) => !byFolder.has(f) && !NOT_MUTATED.includes(f));
  lines.push('', missing.length ? `no report: ${missing.map((f) => `src/${f}`).join(', ')}` : 'every folder of src/ that is mutated has a report');
  lines.push(`not mutated (the command's and the page's shell): ${NOT_MUTATED.map((f) => `src/${f}`).join(', ')}`);
  return `${lines.join('\n')}\n`;
}
