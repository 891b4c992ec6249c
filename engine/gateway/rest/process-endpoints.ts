import { GATEWAY_VERSION } from '../grpc-server.js';
import {
  createProcessInstanceRequest,
  defaultTenant,
  operationRequest,
  parseBody,
} from './command-requests.js';
import { invalidField, RestProblem } from './problem-details.js';
import { presentDefinition, presentProcessInstance } from './rest-presenters.js';
import { noContent, ok, pathKey, type RestContext, type Route } from './route.js';
import { parseSearch, searchResponse } from './search-request.js';
import { PROCESS_DEFINITION_SEARCH, PROCESS_INSTANCE_SEARCH } from './search-specs.js';

/** Camunda's default wait of a create-with-result when the request names none (ms). */
const DEFAULT_AWAIT_TIMEOUT = 10_000;

/** Topology, deployments, process definitions and process instances. */
export const processEndpoints: Route[] = [
  {
    method: 'GET',
    path: '/v2/topology',
    body: 'none',
    handle: (_request, { address }) =>
      ok({
        brokers: [
          {
            nodeId: 0,
            host: address.host,
            port: address.port,
            partitions: [{ partitionId: 1, role: 'leader', health: 'healthy' }],
            version: GATEWAY_VERSION,
          },
        ],
        clusterSize: 1,
        partitionsCount: 1,
        replicationFactor: 1,
        gatewayVersion: GATEWAY_VERSION,
        lastCompletedChangeId: '-1',
      }),
  },
  {
    method: 'POST',
    path: '/v2/deployments',
    body: 'multipart',
    async handle({ form }, { engine }) {
      const files = form?.getAll('resources') ?? [];
      if (files.length === 0)
        throw invalidField(
          'resources',
          'expected one or more files in the multipart field "resources"',
        );
      const tenant = form?.get('tenantId');
      defaultTenant(typeof tenant === 'string' ? tenant : undefined);
      const resources = await Promise.all(
        files.map(async (file, i) => {
          if (typeof file === 'string')
            throw invalidField(
              `resources[${i}]`,
              'expected a file part with a file name, got a text field',
            );
          return { name: file.name, content: await file.text() };
        }),
      );
      const result = await engine.deployResources(resources);
      return ok({
        deploymentKey: result.key,
        tenantId: '<default>',
        deployments: result.processes.map((process) => ({
          processDefinition: {
            processDefinitionId: process.bpmnProcessId,
            processDefinitionVersion: process.version,
            resourceName: process.resourceName,
            tenantId: '<default>',
            processDefinitionKey: process.processDefinitionKey,
          },
        })),
      });
    },
  },
  {
    method: 'POST',
    path: '/v2/process-definitions/search',
    body: 'json',
    handle: ({ body }, { engine }) =>
      ok(
        searchResponse(
          parseSearch(body, PROCESS_DEFINITION_SEARCH),
          (query) => engine.search.processDefinitions(query),
          presentDefinition,
        ),
      ),
  },
  {
    method: 'GET',
    path: '/v2/process-definitions/{processDefinitionKey}',
    body: 'none',
    handle: (request, { engine }) =>
      ok(presentDefinition(engine.getProcessDefinition(pathKey(request, 'processDefinitionKey')))),
  },
  {
    method: 'GET',
    path: '/v2/process-definitions/{processDefinitionKey}/xml',
    body: 'none',
    handle(request, { engine }) {
      const key = pathKey(request, 'processDefinitionKey');
      const xml = engine.search.processDefinitionXml(key);
      if (xml === undefined)
        throw new RestProblem('NOT_FOUND', `Process definition with key '${key}' not found`);
      return { status: 200, text: { contentType: 'text/xml; charset=utf-8', content: xml } };
    },
  },
  {
    method: 'POST',
    path: '/v2/process-instances',
    body: 'json',
    async handle({ body, signal: gone }, { engine }) {
      const request = parseBody(createProcessInstanceRequest, body);
      defaultTenant(request.tenantId);
      const instruction = {
        ...(request.processDefinitionId !== undefined
          ? { bpmnProcessId: request.processDefinitionId }
          : { processDefinitionKey: request.processDefinitionKey! }),
        ...(request.processDefinitionVersion !== undefined && request.processDefinitionVersion > 0
          ? { version: request.processDefinitionVersion }
          : {}),
        variables: request.variables ?? {},
      };
      if (!request.awaitCompletion) {
        const created = await engine.createProcessInstance(instruction);
        return ok(createdInstance(created, {}));
      }
      const timeout = request.requestTimeout || DEFAULT_AWAIT_TIMEOUT;
      const deadline = AbortSignal.timeout(timeout);
      // stop waiting when the client goes away, too
      const signal = AbortSignal.any([deadline, gone]);
      try {
        const done = await engine.createProcessInstanceWithResult(
          {
            ...instruction,
            ...(request.fetchVariables ? { fetchVariables: request.fetchVariables } : {}),
          },
          signal,
        );
        return ok(createdInstance(done, done.variables));
      } catch (error) {
        if (deadline.aborted)
          throw new RestProblem(
            'DEADLINE_EXCEEDED',
            `The process instance did not complete within the request timeout of ${timeout} ms`,
          );
        throw error;
      }
    },
  },
  {
    method: 'POST',
    path: '/v2/process-instances/search',
    body: 'json',
    handle: ({ body }, context) => searchInstances(body, context),
  },
  {
    method: 'GET',
    path: '/v2/process-instances/{processInstanceKey}',
    body: 'none',
    async handle(request, { engine, names }) {
      const item = engine.getProcessInstance(pathKey(request, 'processInstanceKey'));
      return ok(
        presentProcessInstance(
          item,
          await names.names(item.processDefinitionKey, item.processDefinitionId),
        ),
      );
    },
  },
  {
    method: 'POST',
    path: '/v2/process-instances/{processInstanceKey}/cancellation',
    body: 'json',
    async handle(request, { engine }) {
      parseBody(operationRequest, request.body);
      await engine.cancelProcessInstance(pathKey(request, 'processInstanceKey'));
      return noContent;
    },
  },
];

async function searchInstances(body: unknown, { engine, names }: RestContext) {
  const search = parseSearch(body, PROCESS_INSTANCE_SEARCH);
  const rows = searchResponse(
    search,
    (query) => engine.search.processInstances(query),
    (row) => row,
  );
  const items = await Promise.all(
    rows.items.map(async (row) =>
      presentProcessInstance(
        row,
        await names.names(row.processDefinitionKey, row.processDefinitionId),
      ),
    ),
  );
  return ok({ items, page: rows.page });
}

function createdInstance(
  created: {
    processInstanceKey: string;
    processDefinitionKey: string;
    bpmnProcessId: string;
    version: number;
  },
  variables: Record<string, unknown>,
) {
  return {
    processInstanceKey: created.processInstanceKey,
    processDefinitionKey: created.processDefinitionKey,
    processDefinitionId: created.bpmnProcessId,
    processDefinitionVersion: created.version,
    tenantId: '<default>',
    variables,
  };
}
