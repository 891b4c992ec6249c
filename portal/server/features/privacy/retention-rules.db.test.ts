import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../domain/testing/test-database.js';
import { renderRetentionTable, withRetentionTable } from './retention-doc.js';
import { retentionRules } from './retention-rules.js';

describe('retention rules', () => {
  it('name every table of the domain models once, and only those', async () => {
    const t = await openTestDatabase();
    try {
      const tables = Object.values(t.db.models).map((model) => model.getTableName() as string);
      expect(retentionRules.map((r) => r.table).sort()).toEqual([...new Set(tables)].sort());
    } finally {
      await t.close();
    }
  });

  it('clear columns only where they anonymise, and only columns the model has', async () => {
    const t = await openTestDatabase();
    try {
      for (const rule of retentionRules) {
        expect(rule.clears !== undefined).toBe(rule.erasure === 'anonymise');
        const model = Object.values(t.db.models).find((m) => m.getTableName() === rule.table)!;
        for (const column of rule.clears ?? [])
          expect(Object.keys(model.getAttributes())).toContain(column);
      }
    } finally {
      await t.close();
    }
  });

  it('are what docs/data-protection.md shows (npx tsx portal/server/features/privacy/write-retention-doc.ts)', async () => {
    const doc = await readFile(
      new URL('../../../../docs/data-protection.md', import.meta.url),
      'utf8',
    );
    expect(doc).toContain(renderRetentionTable());
    expect(withRetentionTable(doc)).toBe(doc);
  });
});
