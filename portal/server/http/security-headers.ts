/**
 * Security headers (helmet) with a strict Content Security Policy: scripts, styles, images and
 * connections only from the portal's own origin, no inline script, no framing, forms post only to
 * the portal and the identity provider it uses.
 */
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/** Helmet for the portal. `formActions` lists extra origins forms may post to (the issuer). */
export function securityHeaders(options: {
  https: boolean;
  formActions: string[];
}): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'", ...options.formActions],
        ...(options.https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: options.https
      ? { maxAge: 31_536_000, includeSubDomains: true }
      : false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'same-origin' },
  });
}
