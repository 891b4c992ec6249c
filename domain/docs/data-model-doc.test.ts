import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { dataModelDocUrl, renderCurrentDataModel } from './write-data-model.js';

describe('docs/data-model.md', () => {
  it('is what the models say (run `npx tsx domain/docs/write-data-model.ts` after changing a model)', async () => {
    // given the document in the repository and the one the models render
    const committed = await readFile(dataModelDocUrl, 'utf8');
    const rendered = await renderCurrentDataModel();
    // then they are the same
    expect(committed).toBe(rendered);
  });

  it('lists a class for every column', async () => {
    expect(await renderCurrentDataModel()).not.toContain('**unclassified**');
  });
});
