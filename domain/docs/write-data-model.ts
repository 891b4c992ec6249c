/**
 * Rewrites docs/data-model.md from the models: `npx tsx domain/docs/write-data-model.ts`.
 */
import { writeFile } from 'node:fs/promises';
import { Sequelize } from 'sequelize';
import { initModels } from '../models/domain-models.js';
import { renderDataModel } from './render-data-model.js';

/** Where the rendered document lives, relative to this file. */
export const dataModelDocUrl = new URL('../../docs/data-model.md', import.meta.url);

/** Renders the document from freshly defined models (no database connection is opened). */
export async function renderCurrentDataModel(): Promise<string> {
  const sequelize = new Sequelize({ dialect: 'sqlite', storage: ':memory:', logging: false });
  try {
    return renderDataModel(initModels(sequelize));
  } finally {
    await sequelize.close();
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  await writeFile(dataModelDocUrl, await renderCurrentDataModel());
  console.log(`wrote ${dataModelDocUrl.pathname}`);
}
