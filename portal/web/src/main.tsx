/**
 * Entry of the portal's web front end. Emotion (MUI's styling) writes `<style>` elements at run
 * time; the CSP allows them only with the nonce the server put into `<meta property="csp-nonce">`
 * for this response (see docs/security.md), so the cache is created with that nonce.
 */
import createCache from '@emotion/cache';
import { CacheProvider } from '@emotion/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.js';
import { cspNonce } from './app/csp-nonce.js';
import { initI18n } from './i18n/i18n.js';

const cache = createCache({ key: 'now', nonce: cspNonce });

await initI18n();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <CacheProvider value={cache}>
      <App />
    </CacheProvider>
  </StrictMode>,
);
