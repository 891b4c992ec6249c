import { readFile } from 'node:fs/promises';
import { Sequelize } from 'sequelize';
import { afterAll, describe, expect, it } from 'vitest';
import { initModels, listColumns } from '../../domain/index.js';
import { renderCurrentAnonymisationDoc } from './anonymisation-doc.js';
import { anonymisationDocUrl } from './write-anonymisation-doc.js';

const sequelize = new Sequelize({ dialect: 'sqlite', storage: ':memory:', logging: false });
afterAll(() => sequelize.close());

describe('docs/anonymisation.md', () => {
  it('is what the classification says (run `npx tsx workers/snapshot/write-anonymisation-doc.ts` after a change)', async () => {
    const committed = await readFile(anonymisationDocUrl, 'utf8');
    expect(committed).toBe(await renderCurrentAnonymisationDoc());
  });

  it('lists every column of every model with its class and rule', async () => {
    const committed = await readFile(anonymisationDocUrl, 'utf8');
    const missing = listColumns(initModels(sequelize)).filter(
      (c) =>
        !committed.includes(`| \`${c.column}\` | ${c.privacy?.class} |`) ||
        !committed.includes(`### \`${c.table}\``),
    );
    expect(missing.map((c) => `${c.table}.${c.column}`)).toEqual([]);
    expect(committed).not.toContain('**unclassified**');
  });

  it('explains k-anonymity, private points, hashing and the engine state', async () => {
    const committed = await readFile(anonymisationDocUrl, 'utf8');
    for (const heading of [
      '## k-anonymity',
      '## Charging sessions at private or single-user points',
      '## Why a hash is not anonymisation',
      '## Outside the snapshot',
    ]) {
      expect(committed).toContain(heading);
    }
    expect(committed).toContain('process variables carry ids and decisions only');
  });
});
