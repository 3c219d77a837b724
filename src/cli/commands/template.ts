import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { loadPack } from '../../node/load-pack.js';
import { writeAtomic } from '../../node/write-output.js';
import { printable } from '../../report/printable.js';
import { UsageError } from '../as-of.js';
import { workbookWriter } from '../workbook-writers.js';

/**
 * A template is a workbook, written only where nothing is: the file already there may be the
 * council's list filled in from the last one. Another name is suggested, one that is free.
 */
function assertNewWorkbook(out: string): void {
  if (!/\.xlsx$/i.test(out)) throw new UsageError(`a template is an .xlsx workbook: --out ${out} does not end .xlsx`);
  if (!existsSync(out)) return;
  const stem = out.slice(0, -'.xlsx'.length);
  let n = 2;
  while (existsSync(`${stem}-${n}.xlsx`)) n++;
  throw new UsageError(`${out} is already there: a template is never written over a file; give another name, e.g. --out ${stem}-${n}.xlsx`);
}

/** `comply template <dataset>`: a blank workbook with the headers the tool reads. */
export function registerTemplate(program: Command): void {
  program
    .command('template')
    .description('Write a blank workbook for one of the project’s own logs (e.g. reg44-visits)')
    .argument('<dataset>', 'the template’s dataset id')
    .option('-o, --out <file>', 'where to write it (default: <dataset>.xlsx)')
    .option('-r, --rules <dir>', 'rule pack folder (default: the shipped rules)')
    .action(async (id: string, options: { out?: string; rules?: string }) => {
      const pack = loadPack(options.rules);
      const templates = pack.datasets.filter((d) => d.template);
      const dataset = templates.find((d) => d.id === id);
      if (!dataset?.template) throw new UsageError(`No template called "${id}". Templates: ${templates.map((d) => d.id).join(', ')}`);
      const out = options.out ?? `${id}.xlsx`;
      assertNewWorkbook(out);
      const columns = Object.entries(dataset.columns).map(([header, c]) => ({ header, kind: c.type === 'date' ? ('date' as const) : ('text' as const), width: Math.max(14, header.length + 2) }));
      await writeAtomic(out, (await workbookWriter()).workbookBytes([{ name: dataset.template.sheet, columns, rows: [] }], { landscape: false }));
      process.stderr.write(`Wrote ${printable(out)}: sheet "${dataset.template.sheet}" with ${columns.map((c) => c.header).join(', ')}\n`);
    });
}
