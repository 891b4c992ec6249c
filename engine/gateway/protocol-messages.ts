import type { ActivatedJob, CreatedInstance, DeploymentResult } from './gateway-engine.js';
import { DEFAULT_TENANT } from './request-fields.js';

/**
 * Presenters: engine values to gateway protocol messages. Int64 values travel as decimal
 * strings (proto-loader `longs: String`); variables and headers as JSON documents.
 */

/** `ActivatedJob` message. */
export function activatedJobMessage(job: ActivatedJob): Record<string, unknown> {
  return {
    key: job.key,
    type: job.type,
    processInstanceKey: job.processInstanceKey,
    bpmnProcessId: job.bpmnProcessId,
    processDefinitionVersion: job.processDefinitionVersion,
    processDefinitionKey: job.processDefinitionKey,
    elementId: job.elementId,
    elementInstanceKey: job.elementInstanceKey,
    customHeaders: JSON.stringify(job.customHeaders),
    worker: job.worker,
    retries: job.retries,
    deadline: String(job.deadline),
    variables: JSON.stringify(job.variables),
    tenantId: DEFAULT_TENANT,
  };
}

/** `CreateProcessInstanceResponse` message. */
export function createdInstanceMessage(instance: CreatedInstance): Record<string, unknown> {
  return {
    processDefinitionKey: instance.processDefinitionKey,
    bpmnProcessId: instance.bpmnProcessId,
    version: instance.version,
    processInstanceKey: instance.processInstanceKey,
    tenantId: DEFAULT_TENANT,
  };
}

/** `DeployResourceResponse` message. */
export function deploymentMessage(result: DeploymentResult): Record<string, unknown> {
  return {
    key: result.key,
    deployments: result.processes.map((process) => ({
      process: {
        bpmnProcessId: process.bpmnProcessId,
        version: process.version,
        processDefinitionKey: process.processDefinitionKey,
        resourceName: process.resourceName,
        tenantId: DEFAULT_TENANT,
      },
    })),
    tenantId: DEFAULT_TENANT,
  };
}

/** `TopologyResponse` message: one broker leading one healthy partition. */
export function topologyMessage(
  host: string,
  port: number,
  version: string,
): Record<string, unknown> {
  return {
    brokers: [
      {
        nodeId: 0,
        host,
        port,
        partitions: [{ partitionId: 1, role: 'LEADER', health: 'HEALTHY' }],
        version,
      },
    ],
    clusterSize: 1,
    partitionsCount: 1,
    replicationFactor: 1,
    gatewayVersion: version,
  };
}
