/**
 * Serves the built web front end (`dist/web/`, see portal/web/README.md): hashed files under
 * `/app/` gzipped, with a year of caching, and `index.html` for every other browser navigation (the
 * front end routes on the client), with this response's CSP nonce filled in for the styles MUI
 * writes at run time. Paths of the API, the login and the identity provider are never answered
 * with the page. Without a build the portal runs as before (API and login only) until one
 * appears.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import compression from 'compression';
import express, { type Router } from 'express';

const serverPaths = /^\/(api|auth|oidc|einladung|assets|metrics|healthz|readyz)(\/|$)/;

/** The router for the front end in `root`; passes everything on while `root` holds no build. */
export function webAppRoutes(root: string): Router {
  const router = express.Router();
  const indexFile = path.join(root, 'index.html');
  router.use(
    '/app',
    // gzip on the fly: the bundles are text and an applicant is often on a phone network
    compression(),
    express.static(path.join(root, 'app'), { immutable: true, maxAge: '365d', index: false }),
  );
  router.get(/.*/, (req, res, next) => {
    // Only browser navigations (which ask for text/html by name) get the page; `*/*` does not.
    if (serverPaths.test(req.path) || !req.headers.accept?.includes('text/html')) {
      next();
      return;
    }
    // Read per navigation (a small file): after `npm run build:web` under a running portal the
    // page names the new bundles, whose old ones the build has removed.
    let template: string;
    try {
      template = readFileSync(indexFile, 'utf8');
    } catch {
      next(); // no build (yet, or a build is replacing it right now)
      return;
    }
    const nonce = String(res.locals.cspNonce ?? '');
    res
      .type('html')
      .setHeader('Cache-Control', 'no-cache')
      .send(template.replaceAll('__CSP_NONCE__', nonce));
  });
  return router;
}
