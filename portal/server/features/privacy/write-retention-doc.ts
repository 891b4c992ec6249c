/** Rewrites the retention table in `docs/data-protection.md` from `retention-rules.ts`. */
import { readFile, writeFile } from 'node:fs/promises';
import { withRetentionTable } from './retention-doc.js';

const file = new URL('../../../../docs/data-protection.md', import.meta.url);
await writeFile(file, withRetentionTable(await readFile(file, 'utf8')));
