/**
 * Process administration: `GET /api/processes` (definitions, optionally only the newest version
 * of each), one definition, its BPMN XML, `POST /api/processes` (deploy a version with a note),
 * instances filtered by process, version, state and incident, one instance with element states,
 * variables and incidents, retrying an incident, cancelling an instance. Process owners do
 * everything; admins may read.
 */
import { z } from 'zod';
import { defineRoute, type AnyRoute } from '../../http/route-definition.js';
import type { ProcessService } from './service.js';

const engineKey = z.string().regex(/^\d{1,19}$/, 'Schlüssel der Engine (Ziffern)');
const readers = ['process-owner', 'admin'] as const;
const owners = ['process-owner'] as const;
const page = {
  from: z.coerce.number().int().min(0).max(100_000).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
};
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

const noteSchema = z
  .object({ note: z.string(), deployedBy: z.string(), deployedAt: z.string() })
  .nullable();
const definitionSchema = z.object({
  processDefinitionKey: z.string(),
  processDefinitionId: z.string(),
  name: z.string(),
  version: z.number(),
  resourceName: z.string(),
  note: noteSchema,
});
const instanceSchema = z.object({
  processInstanceKey: z.string(),
  processDefinitionKey: z.string(),
  processDefinitionId: z.string(),
  processDefinitionVersion: z.number(),
  state: z.enum(['ACTIVE', 'COMPLETED', 'TERMINATED']),
  startDate: z.string(),
  endDate: z.string().nullable(),
  hasIncident: z.boolean(),
});

/** The routes of this feature. */
export function processRoutes(processes: ProcessService): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/processes',
      summary: 'Prozessdefinitionen und Versionen (mit Versionsnotiz)',
      description: '`latest=true` liefert je Prozess nur die neueste Version.',
      tags: ['Prozesse'],
      access: { roles: readers },
      query: z.object({
        processId: z.string().max(255).optional(),
        latest: flag.default(false),
        ...page,
      }),
      response: z.object({ items: z.array(definitionSchema), total: z.number() }),
      handle: ({ query }) =>
        processes.definitions(
          { processId: query.processId, latestOnly: query.latest },
          { from: query.from, limit: query.limit },
        ),
    }),
    defineRoute({
      method: 'post',
      path: '/api/processes',
      summary: 'Neue Prozessversion deployen (BPMN-XML mit Versionsnotiz)',
      description:
        'Das Modell wird zuerst mit bpmnlint und Camundas Regeln für 8.8 geprüft; Fehler und ' +
        'Ablehnungen der Engine kommen als Problem mit `errors[].path = /elements/<Element-ID>`.',
      tags: ['Prozesse'],
      access: { roles: owners },
      body: z.object({
        xml: z.string().min(1).max(900_000),
        note: z.string().trim().min(1).max(2000),
      }),
      successStatus: 201,
      response: z.object({
        definition: definitionSchema,
        warnings: z.array(
          z.object({ elementId: z.string().nullable(), rule: z.string(), message: z.string() }),
        ),
      }),
      handle: ({ principal, body, requestId }) => processes.deploy(principal!, body, requestId),
    }),
    defineRoute({
      method: 'get',
      path: '/api/processes/:processDefinitionKey',
      summary: 'Eine Prozessversion mit Notiz',
      tags: ['Prozesse'],
      access: { roles: readers },
      params: z.object({ processDefinitionKey: engineKey }),
      response: definitionSchema,
      handle: ({ params }) => processes.definition(params.processDefinitionKey),
    }),
    defineRoute({
      method: 'get',
      path: '/api/processes/:processDefinitionKey/xml',
      summary: 'Das BPMN-XML einer Prozessversion',
      tags: ['Prozesse'],
      access: { roles: readers },
      params: z.object({ processDefinitionKey: engineKey }),
      handle: ({ params }) => processes.xml(params.processDefinitionKey),
      present: (xml) => ({ text: { contentType: 'application/xml', content: xml } }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/process-instances',
      summary: 'Prozessinstanzen nach Prozess, Version, Zustand und Vorfall',
      tags: ['Prozesse'],
      access: { roles: readers },
      query: z.object({
        processId: z.string().max(255).optional(),
        version: z.coerce.number().int().min(1).optional(),
        state: z.enum(['ACTIVE', 'COMPLETED', 'TERMINATED']).optional(),
        hasIncident: flag.optional(),
        ...page,
      }),
      response: z.object({ items: z.array(instanceSchema), total: z.number() }),
      handle: ({ query }) =>
        processes.instances(
          {
            processDefinitionId: query.processId,
            processDefinitionVersion: query.version,
            state: query.state,
            hasIncident: query.hasIncident,
          },
          { from: query.from, limit: query.limit },
        ),
    }),
    defineRoute({
      method: 'get',
      path: '/api/process-instances/:processInstanceKey',
      summary: 'Eine Prozessinstanz mit Elementzuständen, Variablen und Vorfällen',
      tags: ['Prozesse'],
      access: { roles: readers },
      params: z.object({ processInstanceKey: engineKey }),
      handle: ({ params }) => processes.instance(params.processInstanceKey),
    }),
    defineRoute({
      method: 'post',
      path: '/api/process-instances/:processInstanceKey/incidents/:incidentKey/retry',
      summary: 'Vorfall wiederholen (Job-Retries setzen, Vorfall auflösen)',
      tags: ['Prozesse'],
      access: { roles: owners },
      params: z.object({ processInstanceKey: engineKey, incidentKey: engineKey }),
      body: z.object({ retries: z.number().int().min(1).max(10).default(1) }),
      successStatus: 204,
      handle: ({ principal, params, body, requestId }) =>
        processes.retryIncident(
          principal!,
          params.processInstanceKey,
          params.incidentKey,
          body.retries,
          requestId,
        ),
      present: () => ({ status: 204 }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/process-instances/:processInstanceKey/cancellation',
      summary: 'Prozessinstanz abbrechen',
      tags: ['Prozesse'],
      access: { roles: owners },
      params: z.object({ processInstanceKey: engineKey }),
      successStatus: 204,
      handle: ({ principal, params, requestId }) =>
        processes.cancel(principal!, params.processInstanceKey, requestId),
      present: () => ({ status: 204 }),
    }),
  ];
}
