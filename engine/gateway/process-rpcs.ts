import { status, type UntypedServiceImplementation } from '@grpc/grpc-js';
import type { CreateInstanceInput, GatewayEngine } from './gateway-engine.js';
import { GatewayRequestError, TransientRpcError, UnsupportedRpcError } from './gateway-errors.js';
import { createdInstanceMessage, deploymentMessage, topologyMessage } from './protocol-messages.js';
import {
  checkNameLength,
  checkTenant,
  DEFAULT_TENANT,
  MAX_TIMER_MS,
  parseInt64,
  parseKey,
  parseVariables,
} from './request-fields.js';
import { unaryRpc, type RpcGuard } from './rpc-call.js';

/** What the process, message and resource RPCs need. */
export interface ProcessRpcDeps {
  engine: GatewayEngine;
  guard: RpcGuard;
  /** Host and port the topology reports. */
  advertised: () => { host: string; port: number };
  version: string;
  /** Time-out of CreateProcessInstanceWithResult when the request gives none (0). */
  defaultRequestTimeoutMs: number;
  /** Aborted when the server closes: waiting create-with-result calls end. */
  closing: AbortSignal;
}

interface CreateRequest {
  processDefinitionKey: string;
  bpmnProcessId: string;
  version: number;
  variables: string;
  startInstructions: { elementId: string }[];
  tenantId: string;
}

function createInput(request: CreateRequest, prefix = ''): CreateInstanceInput {
  checkTenant(`${prefix}tenantId`, request.tenantId);
  if (request.startInstructions.length > 0) {
    throw new UnsupportedRpcError(
      `'${prefix}startInstructions' (starting at a chosen element) are not supported by the embedded engine yet`,
    );
  }
  const byKey = request.processDefinitionKey !== '0' && request.processDefinitionKey !== '';
  if (!byKey && request.bpmnProcessId === '') {
    throw new GatewayRequestError(
      'INVALID_ARGUMENT',
      `${prefix}bpmnProcessId`,
      `Expected either '${prefix}bpmnProcessId' or '${prefix}processDefinitionKey' to be set`,
    );
  }
  const variables = parseVariables(`${prefix}variables`, request.variables);
  if (byKey) {
    return {
      processDefinitionKey: parseKey(`${prefix}processDefinitionKey`, request.processDefinitionKey),
      variables,
    };
  }
  // Zeebe: version -1 (and 0, the proto default) means the latest version.
  return {
    bpmnProcessId: request.bpmnProcessId,
    ...(request.version > 0 ? { version: request.version } : {}),
    variables,
  };
}

/** Waits for `work` at most `timeoutMs` and never past the server's shutdown. */
async function bounded<T>(work: Promise<T>, timeoutMs: number, closing: AbortSignal): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let onClosing: (() => void) | undefined;
  const limit = new Promise<never>((_, reject) => {
    // Neither is a business error: the instance was created and runs on. Zeebe answers the same way.
    timer = setTimeout(
      () =>
        reject(
          new TransientRpcError(
            status.DEADLINE_EXCEEDED,
            `The process instance did not complete within ${timeoutMs} ms`,
          ),
        ),
      timeoutMs,
    );
    onClosing = () =>
      reject(new TransientRpcError(status.UNAVAILABLE, 'The gateway is shutting down'));
    if (closing.aborted) onClosing();
    closing.addEventListener('abort', onClosing, { once: true });
  });
  try {
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
    if (onClosing) closing.removeEventListener('abort', onClosing);
  }
}

function unsupported(guard: RpcGuard, rpc: string, reason: string) {
  return unaryRpc(guard, async () => {
    throw new UnsupportedRpcError(`${rpc} is not supported by the embedded engine: ${reason}`);
  });
}

/** Handlers of Topology, deployments, process instances, messages, signals, variables and incidents. */
export function processRpcs(deps: ProcessRpcDeps): UntypedServiceImplementation {
  const { engine, guard } = deps;

  const deploy = async (resources: { name: string; content: Buffer }[]) => {
    if (resources.length === 0) {
      throw new GatewayRequestError(
        'INVALID_ARGUMENT',
        'resources',
        "Expected at least one resource in 'resources'",
      );
    }
    return deploymentMessage(await engine.deployResources(resources));
  };

  return {
    Topology: unaryRpc(guard, async () => {
      const { host, port } = deps.advertised();
      return topologyMessage(host, port, deps.version);
    }),

    DeployResource: unaryRpc(
      guard,
      async (request: { resources: { name: string; content: Buffer }[]; tenantId: string }) => {
        checkTenant('tenantId', request.tenantId);
        return deploy(request.resources);
      },
    ),

    DeployProcess: unaryRpc(
      guard,
      async (request: { processes: { name: string; definition: Buffer }[] }) =>
        deploy(
          request.processes.map((process) => ({ name: process.name, content: process.definition })),
        ),
    ),

    CreateProcessInstance: unaryRpc(guard, async (request: CreateRequest) => {
      const created = await engine.createProcessInstance(createInput(request));
      return createdInstanceMessage(created);
    }),

    CreateProcessInstanceWithResult: unaryRpc(
      guard,
      async (request: {
        request: CreateRequest | null;
        requestTimeout: string;
        fetchVariables: string[];
      }) => {
        if (!request.request) {
          throw new GatewayRequestError(
            'INVALID_ARGUMENT',
            'request',
            "Expected 'request' to be set",
          );
        }
        const input = {
          ...createInput(request.request, 'request.'),
          fetchVariables: request.fetchVariables,
        };
        const requested = parseInt64('requestTimeout', request.requestTimeout);
        const timeoutMs = Math.min(
          requested > 0 ? requested : deps.defaultRequestTimeoutMs,
          MAX_TIMER_MS,
        );
        const running = engine.createProcessInstanceWithResult(input);
        // Nobody may be waiting any more when it settles (time-out, shutdown).
        running.then(
          () => undefined,
          () => undefined,
        );
        const result = await bounded(running, timeoutMs, deps.closing);
        return { ...createdInstanceMessage(result), variables: JSON.stringify(result.variables) };
      },
    ),

    CancelProcessInstance: unaryRpc(guard, async (request: { processInstanceKey: string }) => {
      await engine.cancelProcessInstance(
        parseKey('processInstanceKey', request.processInstanceKey),
      );
      return {};
    }),

    SetVariables: unaryRpc(
      guard,
      async (request: { elementInstanceKey: string; variables: string; local: boolean }) => {
        const variables = parseVariables('variables', request.variables);
        const { key } = await engine.setVariables({
          elementInstanceKey: parseKey('elementInstanceKey', request.elementInstanceKey),
          variables,
          local: request.local,
        });
        return { key };
      },
    ),

    ResolveIncident: unaryRpc(guard, async (request: { incidentKey: string }) => {
      await engine.resolveIncident(parseKey('incidentKey', request.incidentKey));
      return {};
    }),

    PublishMessage: unaryRpc(
      guard,
      async (request: {
        name: string;
        correlationKey: string;
        timeToLive: string;
        messageId: string;
        variables: string;
        tenantId: string;
      }) => {
        checkTenant('tenantId', request.tenantId);
        if (request.name === '') {
          throw new GatewayRequestError(
            'INVALID_ARGUMENT',
            'name',
            "Expected 'name' of the message to be set",
          );
        }
        checkNameLength('name', request.name);
        checkNameLength('correlationKey', request.correlationKey);
        checkNameLength('messageId', request.messageId);
        const variables = parseVariables('variables', request.variables);
        const { key } = await engine.publishMessage({
          name: request.name,
          correlationKey: request.correlationKey,
          timeToLive: Math.max(0, parseInt64('timeToLive', request.timeToLive)),
          // Zeebe: an empty message id means none (no deduplication).
          ...(request.messageId !== '' ? { messageId: request.messageId } : {}),
          variables,
        });
        return { key, tenantId: DEFAULT_TENANT };
      },
    ),

    BroadcastSignal: engine.broadcastSignal
      ? unaryRpc(
          guard,
          async (request: { signalName: string; variables: string; tenantId: string }) => {
            checkTenant('tenantId', request.tenantId);
            checkNameLength('signalName', request.signalName);
            const { key } = await engine.broadcastSignal!({
              signalName: request.signalName,
              variables: parseVariables('variables', request.variables),
            });
            return { key, tenantId: DEFAULT_TENANT };
          },
        )
      : unsupported(guard, 'BroadcastSignal', 'signal events are not supported yet'),

    DeleteResource: engine.deleteResource
      ? unaryRpc(guard, async (request: { resourceKey: string }) => {
          await engine.deleteResource!({
            resourceKey: parseKey('resourceKey', request.resourceKey),
          });
          return {};
        })
      : unsupported(guard, 'DeleteResource', 'deleting deployed resources is not supported yet'),

    EvaluateDecision: unsupported(guard, 'EvaluateDecision', 'DMN decisions are not supported yet'),
    ModifyProcessInstance: unsupported(
      guard,
      'ModifyProcessInstance',
      'process instance modification is not supported yet',
    ),
    MigrateProcessInstance: unsupported(
      guard,
      'MigrateProcessInstance',
      'process instance migration is not supported yet',
    ),
  };
}
