import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

const here = new URL('./', import.meta.url);
const docs = new URL('../../docs/kfw-import.md', import.meta.url);

/** Every stable code the importer can put in a row report or a whole-file rejection. */
async function codesInSource(): Promise<string[]> {
  const files = (await readdir(here)).filter(
    (file) => file.endsWith('.ts') && !file.endsWith('.test.ts'),
  );
  const codes = new Set<string>();
  for (const file of files) {
    const source = await readFile(new URL(file, here), 'utf8');
    const patterns = [
      /problem\(\s*'([A-Z][A-Z0-9_]+)'/g,
      /readonly code = '(KFW_[A-Z0-9_]+)'/g,
      /code: '([A-Z][A-Z0-9_]+)'/g,
      /'([A-Z][A-Z_]*_(?:UNKNOWN|INVALID))'/g,
      /add\(\s*[^,]+,\s*'([A-Z][A-Z0-9_]+)'/g,
    ];
    for (const pattern of patterns) {
      for (const match of source.matchAll(pattern)) codes.add(match[1]!);
    }
  }
  // Codes of the job outcome and of programming errors are for operators, not for KfW.
  for (const internal of [
    'KFW_IMPORT_RUN_FAILED',
    'KFW_IMPORT_RUN_NOT_FOUND',
    'KFW_IMPORT_INPUT_INVALID',
    'KFW_IMPORT_TRANSIENT',
    'KFW_IMPORT_WAIT_TIMEOUT',
  ]) {
    codes.delete(internal);
  }
  return [...codes].sort();
}

describe('docs/kfw-import.md', () => {
  it('names every code the importer reports to KfW', async () => {
    // given the codes in the importer's source and the format documentation
    const [codes, text] = await Promise.all([codesInSource(), readFile(docs, 'utf8')]);
    // then each code appears in the documentation
    expect(codes).toEqual(
      expect.arrayContaining(['REQUIRED', 'DE_MINIMIS_INVALID', 'DATE_ORDER', 'KFW_SHEET_MISSING']),
    );
    expect(codes.filter((code) => !text.includes(`\`${code}\``))).toEqual([]);
  });
});
