// The validators are compiled from the shipped schemas ahead of time: a schema edit must come
// with them compiled again, or this fails (and says how).
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { validatorsSource, VALIDATORS_FILE } from '../../scripts/build-validators.js';

it('src/rules/schema-validators.ts is compiled from the schemas as they are (else run npm run build:validators)', () => {
  expect(readFileSync(VALIDATORS_FILE, 'utf8') === validatorsSource(), 'out of date: run npm run build:validators').toBe(true);
});
