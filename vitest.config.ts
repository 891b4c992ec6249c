import { defineConfig } from 'vitest/config';

/**
 * One runner for the whole repository. `npm test` runs every Node-only test (unit, integration,
 * data layer on SQLite). Browser tests live in `test/e2e/` and run in `.ci/run` only.
 * Data-layer tests are named `*.db.test.ts`; `.ci/run` runs them again against MariaDB.
 */
export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'var/**', 'dist/**', 'test/e2e/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
