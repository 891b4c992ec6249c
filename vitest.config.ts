import { defineConfig } from 'vitest/config';

/**
 * One runner for the whole repository. `npm test` runs every Node-only test (unit, integration,
 * data layer on SQLite). Browser tests live in `test/e2e/` and run in `.ci/run` only.
 * Data-layer tests are named `*.db.test.ts`; `.ci/run` runs them again against MariaDB.
 * Tests that need a MySQL server by nature (loading a dump with the `mysql` client) are named
 * `*.mysql.test.ts` and run only in the MySQL suite (`DATABASE_URL=mysql://...`), so `npm test`
 * needs nothing running.
 */
const onMysql = /^(mysql|mariadb):/.test(process.env.DATABASE_URL ?? '');

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: [
      'node_modules/**',
      'var/**',
      'dist/**',
      'test/e2e/**',
      ...(onMysql ? [] : ['**/*.mysql.test.ts']),
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
