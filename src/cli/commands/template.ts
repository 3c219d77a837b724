import type { Command } from 'commander';
import { loadPack } from '../../node/load-pack.js';
import { assertNotInput, writeAtomic } from '../../node/write-output.js';
import { printable } from '../../report/printable.js';
import { UsageError } from '../as-of.js';
import { workbookWriter } from '../workbook-writers.js';

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
      assertNotInput(out, []);
      const columns = Object.entries(dataset.columns).map(([header, c]) => ({ header, kind: c.type === 'date' ? ('date' as const) : ('text' as const), width: Math.max(14, header.length + 2) }));
      await writeAtomic(out, (await workbookWriter()).workbookBytes([{ name: dataset.template.sheet, columns, rows: [] }], { landscape: false }));
      process.stderr.write(`Wrote ${printable(out)}: sheet "${dataset.template.sheet}" with ${columns.map((c) => c.header).join(', ')}\n`);
    });
}
