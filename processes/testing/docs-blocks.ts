import { FORM_IDS } from '../../domain/contract.js';
import { readFormFile } from '../../forms/form-schemas.js';
import { fieldTable } from '../../forms/testing/render-field-table.js';
import { parseAllModels } from './read-model.js';
import { renderMermaid } from './render-mermaid.js';

/**
 * The generated parts of `docs/processes.md`: one Mermaid diagram per model and one field table
 * per form, each between `<!-- BEGIN generated: <key> -->` and `<!-- END generated: <key> -->`.
 * The docs test compares them with the models and forms, so the documentation cannot drift.
 */
export async function expectedBlocks(): Promise<Map<string, string>> {
  const blocks = new Map<string, string>();
  for (const model of await parseAllModels()) {
    const id = model.file.replace(/\.bpmn$/, '');
    blocks.set(`diagram ${id}`, ['```mermaid', renderMermaid(model.definitions), '```'].join('\n'));
  }
  for (const formId of FORM_IDS) {
    blocks.set(`form ${formId}`, fieldTable(readFormFile(formId, 'schema')));
  }
  return blocks;
}

const pattern = (key: string): RegExp =>
  new RegExp(`<!-- BEGIN generated: ${key} -->\\n([\\s\\S]*?)<!-- END generated: ${key} -->`);

/** The content of one generated block, or undefined when the document lacks it. */
export function blockOf(markdown: string, key: string): string | undefined {
  return pattern(key).exec(markdown)?.[1]?.replace(/\n$/, '');
}

/** The document with every generated block replaced by its expected content. */
export function withBlocks(markdown: string, blocks: Map<string, string>): string {
  let result = markdown;
  for (const [key, content] of blocks) {
    result = result.replace(
      pattern(key),
      () => `<!-- BEGIN generated: ${key} -->\n${content}\n<!-- END generated: ${key} -->`,
    );
  }
  return result;
}
