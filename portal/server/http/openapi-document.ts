/**
 * The OpenAPI 3.1 description, generated from the route definitions (JSON Schema 2020-12 from
 * the zod schemas), so every mounted route is described and no description outlives its route.
 */
import { z } from 'zod';
import { statusOfCode } from './problem-details.js';
import type { AnyRoute } from './route-definition.js';

type JsonSchema = Record<string, unknown>;

const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  return rest as JsonSchema;
};

/** `/api/cases/:caseId` -> `/api/cases/{caseId}`. */
export const openApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

const problemSchema: JsonSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'code'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    code: { type: 'string', enum: Object.keys(statusOfCode) },
    detail: { type: 'string' },
    instance: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['path', 'message'],
        properties: { path: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

function parameters(route: AnyRoute): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const [location, schema] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    if (!schema) continue;
    const json = toSchema(schema, 'input') as {
      properties?: Record<string, JsonSchema>;
      required?: string[];
    };
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      out.push({
        name,
        in: location,
        required: location === 'path' || (json.required ?? []).includes(name),
        schema: property,
      });
    }
  }
  return out;
}

function problem(description: string) {
  return {
    description,
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  };
}

/** The OpenAPI 3.1 document of `routes`. */
export function openApiDocument(
  routes: AnyRoute[],
  info: { title: string; version: string; serverUrl: string },
): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    const path = openApiPath(route.path);
    const status = String(route.successStatus ?? 200);
    const authenticated = !('public' in route.access);
    const roles = 'roles' in route.access ? route.access.roles : undefined;
    const operation: JsonSchema = {
      operationId: `${route.method}${path.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_m, c?: string) => (c ? c.toUpperCase() : ''))}`,
      summary: route.summary,
      description: [
        route.description,
        roles
          ? `Rollen: ${roles === 'any' ? 'jede angemeldete Person' : roles.join(', ')}`
          : 'Öffentlich',
      ]
        .filter(Boolean)
        .join('\n\n'),
      tags: route.tags,
      parameters: parameters(route),
      responses: {
        [status]: route.response
          ? {
              description: 'Erfolg',
              content: { 'application/json': { schema: toSchema(route.response, 'output') } },
            }
          : { description: 'Erfolg' },
        ...(route.params || route.query || route.body ? { 400: problem('Ungültige Anfrage') } : {}),
        ...(authenticated
          ? { 401: problem('Nicht angemeldet'), 403: problem('Keine Berechtigung') }
          : {}),
        ...(route.params ? { 404: problem('Nicht gefunden') } : {}),
        429: problem('Zu viele Anfragen'),
      },
      ...(authenticated ? { security: [{ bearer: [] }, { session: [] }] } : { security: [] }),
    };
    if (route.multipartFile) {
      operation.requestBody = {
        required: true,
        content: {
          'multipart/form-data': {
            schema: {
              type: 'object',
              properties: { [route.multipartFile]: { type: 'string', format: 'binary' } },
              required: [route.multipartFile],
            },
          },
        },
      };
    } else if (route.body) {
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: toSchema(route.body, 'input') } },
      };
    }
    (paths[path] ??= {})[route.method] = operation;
  }
  return {
    openapi: '3.1.0',
    info: { title: info.title, version: info.version },
    servers: [{ url: info.serverUrl }],
    paths,
    components: {
      schemas: { Problem: problemSchema },
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        session: { type: 'apiKey', in: 'cookie', name: 'now_session' },
      },
    },
  };
}
