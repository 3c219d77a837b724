/** Writes the hostile-input corpus to test/hostile/corpus/. Run: npm run generate:hostile. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostileCorpus } from './hostile/corpus.js';

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'test', 'hostile', 'corpus');
mkdirSync(OUT, { recursive: true });
for (const [name, bytes] of hostileCorpus()) writeFileSync(path.join(OUT, name), bytes);
process.stdout.write(`Wrote ${hostileCorpus().size} files to ${OUT}\n`);
