/**
 * Security headers (helmet) with a strict Content Security Policy: scripts, styles, images and
 * connections only from the portal's own origin, no inline script, no framing, forms post only to
 * the portal and the identity provider it uses. Style elements are allowed only with the
 * response's nonce (`res.locals.cspNonce`): the web front end's MUI/emotion writes its styles
 * into `<style nonce>` elements at run time (docs/security.md).
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/** A fresh nonce per response, shared by the CSP header and the page that uses it. */
export const cspNonce: RequestHandler = (_req, res, next) => {
  res.locals.cspNonce = randomBytes(16).toString('base64');
  next();
};

const styleNonce = (_req: IncomingMessage, res: ServerResponse) =>
  `'nonce-${(res as ServerResponse & { locals?: { cspNonce?: string } }).locals?.cspNonce ?? ''}'`;

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
        styleSrc: ["'self'", styleNonce],
        imgSrc: ["'self'", 'data:'],
        // The process modeler's stylesheet (bpmn-js) embeds its icon font as a data: URL; a
        // font cannot run code, so data: fonts are allowed.
        fontSrc: ["'self'", 'data:'],
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
