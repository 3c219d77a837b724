import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { trendHtml } from '../../report/html/trend-html.js';
import { buildTrend, parseWeek, trendTables, TrendError } from '../../report/trend.js';
import { readJsonText } from '../../node/read-inputs.js';
import { assertNotInput, writeAtomic } from '../../node/write-output.js';
import { printable } from '../../report/printable.js';
import { UsageError } from '../as-of.js';
import { workbookWriter } from '../workbook-writers.js';

interface TrendOptions {
  out?: string;
  quiet?: boolean;
}

/** The JSON reports given: files as named, and each folder's .json files. */
function reportFiles(paths: readonly string[]): string[] {
  return paths.flatMap((p) => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      throw new UsageError(`Cannot read ${p}: no such file or folder`);
    }
    if (!stat.isDirectory()) return [p];
    return fs.readdirSync(p).filter((name) => /\.json$/i.test(name)).sort().map((name) => path.join(p, name));
  });
}

function readWeek(file: string) {
  let text: string;
  try {
    text = readJsonText(file);
  } catch (error) {
    throw new TrendError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new TrendError(`${file} is not JSON: give the .json reports of the weekly check`);
  }
  return parseWeek(json, file);
}

/** `comply trend`: the weekly JSON reports drawn over time, for the improvement board. */
export function registerTrend(program: Command): void {
  program
    .command('trend')
    .description('Draw the weekly JSON reports over time: open exceptions per rule, new and resolved, weeks open, drift ages, rule changes')
    .argument('<reports...>', 'the weekly JSON reports: files, or folders of them')
    .requiredOption('-o, --out <file>', 'trend.html (charts) or trend.xlsx (the same figures as tables)')
    .option('-q, --quiet', 'print nothing but errors')
    .action(async (reports: string[], options: TrendOptions) => {
      const out = options.out!;
      if (!/\.(html?|xlsx)$/i.test(out)) throw new UsageError(`--out must end .html or .xlsx (got "${out}")`);
      const files = reportFiles(reports);
      if (!files.length) throw new UsageError(`No .json report in ${reports.join(', ')}`);
      assertNotInput(out, files);
      const trend = buildTrend(files.map(readWeek));
      await writeAtomic(out, /\.xlsx$/i.test(out) ? (await workbookWriter()).workbookBytes(trendTables(trend)) : trendHtml(trend));
      if (!options.quiet) process.stderr.write(`${trend.weeks.length} weekly report(s), ${trend.rules.length} rule(s): written to ${printable(out)}\n`);
    });
}
