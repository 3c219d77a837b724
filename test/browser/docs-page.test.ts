// docs/comply.html is the page as `npm run build` makes it from the code and rules here, so that
// a quality champion can take the file from the repository without building it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { pageSource } from '../../scripts/build-page.js';
import { ROOT } from '../helpers/cli.js';

it('docs/comply.html is up to date (npm run build:docs-page rebuilds it)', async () => {
  expect(readFileSync(path.join(ROOT, 'docs', 'comply.html'), 'utf8') === (await pageSource()), 'docs/comply.html is out of date: run npm run build:docs-page').toBe(true);
});
