/**
 * Writes the demo county a week later into out/demo-week2 (as of 25/01/2017) for the weekly
 * routine: run fixtures/demo as of 2017-01-18 to JSON, then this folder with --baseline.
 * Run: npx tsx scripts/generate-demo-week2.ts   (or npm run demo:weekly, which does it all).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeWeek2 } from './demo/week2.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const closed = writeWeek2(path.join(ROOT, 'fixtures', 'demo'), path.join(ROOT, 'out', 'demo-week2'));
console.log(`out/demo-week2: ${closed.length} drifting case(s) closed since 18/01/2017`);
