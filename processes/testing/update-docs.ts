/**
 * Rewrites the generated blocks of `docs/processes.md` from the models and forms.
 *
 * @example
 *   npx tsx processes/testing/update-docs.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { expectedBlocks, withBlocks } from './docs-blocks.js';

const file = new URL('../../docs/processes.md', import.meta.url);
writeFileSync(file, withBlocks(readFileSync(file, 'utf8'), await expectedBlocks()));
