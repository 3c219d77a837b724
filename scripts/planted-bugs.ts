/**
 * npm run mutate:planted
 *
 * Plants each of issue 29's bugs (scripts/mutate/planted-bugs.ts) in turn, runs the tests named
 * for it, and puts the file back as it was. Exits 1 if any bug leaves its tests green.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { PLANTED_BUGS } from './mutate/planted-bugs.js';

let missed = 0;
for (const bug of PLANTED_BUGS) {
  const original = readFileSync(bug.file, 'utf8');
  writeFileSync(bug.file, original.replace(bug.from, bug.to));
  try {
    const run = spawnSync('npx', ['vitest', 'run', ...bug.tests], { encoding: 'utf8' });
    const caught = run.status !== 0;
    if (!caught) missed++;
    console.log(`${caught ? 'caught' : 'MISSED'}  ${bug.file}: ${bug.harm}`);
  } finally {
    writeFileSync(bug.file, original);
  }
}
console.log(`${PLANTED_BUGS.length - missed} of ${PLANTED_BUGS.length} planted bugs make a test fail`);
process.exit(missed ? 1 : 0);
