/** `/api/openapi.json` (generated from the route definitions) and the viewer at `/api/docs`. */
import { defineRoute, type AnyRoute } from '../../http/route-definition.js';
import { openApiDocument } from '../../http/openapi-document.js';
import { viewerCss, viewerHtml, viewerJs } from './viewer-page.js';

const text = (contentType: string, content: string) => () => ({ text: { contentType, content } });

/**
 * The documentation routes. `allRoutes` is called on request, so the description always lists
 * every mounted route, these included.
 */
export function apiDocsRoutes(deps: {
  allRoutes: () => AnyRoute[];
  serverUrl: () => string;
  version: string;
}): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/openapi.json',
      summary: 'Diese API-Beschreibung (OpenAPI 3.1)',
      tags: ['Dokumentation'],
      access: { public: true },
      handle: () =>
        openApiDocument(deps.allRoutes(), {
          title: 'Förderportal Ladeinfrastruktur – Portal-API',
          version: deps.version,
          serverUrl: deps.serverUrl(),
        }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/docs',
      summary: 'Lesbare Darstellung der API-Beschreibung',
      tags: ['Dokumentation'],
      access: { public: true },
      handle: () => undefined,
      present: text('text/html; charset=utf-8', viewerHtml),
    }),
    defineRoute({
      method: 'get',
      path: '/api/docs/viewer.js',
      summary: 'Skript der API-Darstellung',
      tags: ['Dokumentation'],
      access: { public: true },
      handle: () => undefined,
      present: text('text/javascript; charset=utf-8', viewerJs),
    }),
    defineRoute({
      method: 'get',
      path: '/api/docs/viewer.css',
      summary: 'Stil der API-Darstellung',
      tags: ['Dokumentation'],
      access: { public: true },
      handle: () => undefined,
      present: text('text/css; charset=utf-8', viewerCss),
    }),
  ];
}
