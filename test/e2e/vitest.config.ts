import { defineConfig } from 'vitest/config';

/**
 * The browser suite (`npm run test:e2e`, run by `.ci/run`): each file starts `now start` on fresh
 * data and drives Debian's Chromium through playwright-core. The global setup builds the web
 * front end when it is missing or stale. Files run one after another: each starts a whole
 * platform and a browser, and the machines have two cores.
 */
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/e2e/support/global-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
