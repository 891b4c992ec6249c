/**
 * Vite build of the portal's web front end: `portal/web/` -> `dist/web/` (served by the portal
 * server at `/`). Hashed files go to `dist/web/app/` so they never collide with the server's own
 * `/assets/` (the identity pages' stylesheet). The modeler and the officer/admin features are
 * loaded with `import()`, so Rolldown puts them into their own chunks.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig(({ command }) => ({
  root,
  // A build is always a production build, also when started from a test runner that sets
  // NODE_ENV=test (React would otherwise ship its development build).
  define: command === 'build' ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
  ...(command === 'build' ? { oxc: { jsx: { development: false } } } : {}),
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/web/', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'app',
    sourcemap: false,
    chunkSizeWarningLimit: 3000,
  },
  server: {
    // `vite` in development proxies the API and the login to a running `now start`.
    proxy: Object.fromEntries(
      ['/api', '/auth', '/oidc', '/einladung', '/assets'].map((p) => [p, 'http://127.0.0.1:3000']),
    ),
  },
}));
