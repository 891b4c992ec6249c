import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blockOf, expectedBlocks } from './testing/docs-blocks.js';

// docs/processes.md shows each model as a diagram and each form as a field table; both are
// generated from the files, and this test keeps them current.
const markdown = readFileSync(new URL('../docs/processes.md', import.meta.url), 'utf8');
const blocks = await expectedBlocks();

describe('docs/processes.md', () => {
  it.each([...blocks.entries()])('shows the current %s', (key, content) => {
    // given the model or form / then the document holds its current rendering
    // (after a change: npx tsx processes/testing/update-docs.ts)
    expect(blockOf(markdown, key)).toBe(content);
  });
});
