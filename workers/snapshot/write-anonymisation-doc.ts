/** Rewrites docs/anonymisation.md: `npx tsx workers/snapshot/write-anonymisation-doc.ts`. */
import { writeFile } from 'node:fs/promises';
import { renderCurrentAnonymisationDoc } from './anonymisation-doc.js';

/** Where the document lives. */
export const anonymisationDocUrl = new URL('../../docs/anonymisation.md', import.meta.url);

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  await writeFile(anonymisationDocUrl, await renderCurrentAnonymisationDoc());
  console.log(`wrote ${anonymisationDocUrl.pathname}`);
}
