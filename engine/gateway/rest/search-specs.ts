import type { SearchSpec } from './search-request.js';

/**
 * The filters and sort fields each search serves, by Camunda 8.8's names. Everything listed
 * reaches an indexed column or an EXISTS over one; a Camunda filter not listed is answered with
 * a NOT_SUPPORTED problem naming it (see docs/engine-rest.md).
 */

const tenantId = { kind: 'tenant' } as const;
const key = { kind: 'key' } as const;
const text = { kind: 'string' } as const;
const date = { kind: 'date' } as const;
const int = { kind: 'int' } as const;
const bool = { kind: 'boolean' } as const;
const INSTANCE_STATES = ['ACTIVE', 'COMPLETED', 'TERMINATED'] as const;

/** `POST /v2/process-definitions/search`. */
export const PROCESS_DEFINITION_SEARCH: SearchSpec = {
  filters: {
    processDefinitionKey: key,
    processDefinitionId: text,
    name: text,
    version: int,
    resourceName: text,
    isLatestVersion: bool,
    tenantId,
  },
  sort: {
    processDefinitionKey: 'processDefinitionKey',
    processDefinitionId: 'processDefinitionId',
    name: 'name',
    version: 'version',
    resourceName: 'resourceName',
    tenantId: null,
  },
};

/** `POST /v2/process-instances/search`. */
export const PROCESS_INSTANCE_SEARCH: SearchSpec = {
  filters: {
    processInstanceKey: key,
    processDefinitionKey: key,
    processDefinitionId: text,
    processDefinitionVersion: int,
    state: { kind: 'enum', values: INSTANCE_STATES },
    parentProcessInstanceKey: key,
    hasIncident: bool,
    startDate: date,
    endDate: date,
    tenantId,
  },
  sort: {
    processInstanceKey: 'processInstanceKey',
    processDefinitionId: 'processDefinitionId',
    processDefinitionKey: 'processDefinitionKey',
    state: 'state',
    startDate: 'startDate',
    endDate: 'endDate',
    tenantId: null,
  },
};

const ELEMENT_TYPES = [
  'PROCESS',
  'SUB_PROCESS',
  'EVENT_SUB_PROCESS',
  'START_EVENT',
  'INTERMEDIATE_CATCH_EVENT',
  'INTERMEDIATE_THROW_EVENT',
  'BOUNDARY_EVENT',
  'END_EVENT',
  'SERVICE_TASK',
  'RECEIVE_TASK',
  'USER_TASK',
  'MANUAL_TASK',
  'TASK',
  'EXCLUSIVE_GATEWAY',
  'INCLUSIVE_GATEWAY',
  'PARALLEL_GATEWAY',
  'EVENT_BASED_GATEWAY',
  'MULTI_INSTANCE_BODY',
  'CALL_ACTIVITY',
  'BUSINESS_RULE_TASK',
  'SCRIPT_TASK',
  'SEND_TASK',
] as const;

/** `POST /v2/element-instances/search`. */
export const ELEMENT_INSTANCE_SEARCH: SearchSpec = {
  filters: {
    elementInstanceKey: key,
    processInstanceKey: key,
    processDefinitionKey: key,
    processDefinitionId: text,
    elementId: text,
    type: { kind: 'enum', values: ELEMENT_TYPES },
    state: { kind: 'enum', values: INSTANCE_STATES },
    hasIncident: bool,
    tenantId,
  },
  sort: {
    elementInstanceKey: 'elementInstanceKey',
    processInstanceKey: 'processInstanceKey',
    elementId: 'elementId',
    startDate: 'startDate',
    endDate: 'endDate',
    type: 'type',
    state: 'state',
    tenantId: null,
  },
};

const VARIABLE_SORT = {
  variableKey: 'variableKey',
  name: 'name',
  value: 'value',
  scopeKey: 'scopeKey',
  processInstanceKey: 'processInstanceKey',
  tenantId: null,
} as const;

/** `POST /v2/variables/search`. */
export const VARIABLE_SEARCH: SearchSpec = {
  filters: {
    variableKey: key,
    processInstanceKey: key,
    scopeKey: key,
    name: text,
    value: text,
    tenantId,
  },
  sort: VARIABLE_SORT,
};

/** `POST /v2/user-tasks/{userTaskKey}/variables/search` (the scopes come from the task). */
export const USER_TASK_VARIABLE_SEARCH: SearchSpec = {
  filters: { name: text },
  sort: VARIABLE_SORT,
};

/** `POST /v2/incidents/search`. */
export const INCIDENT_SEARCH: SearchSpec = {
  filters: {
    incidentKey: key,
    processInstanceKey: key,
    processDefinitionKey: key,
    processDefinitionId: text,
    elementId: text,
    elementInstanceKey: key,
    errorType: text,
    state: { kind: 'enum', values: ['ACTIVE', 'MIGRATED', 'RESOLVED', 'PENDING'] },
    jobKey: key,
    tenantId,
  },
  sort: {
    incidentKey: 'incidentKey',
    processInstanceKey: 'processInstanceKey',
    errorType: 'errorType',
    creationTime: 'creationTime',
    state: 'state',
    tenantId: null,
  },
};

/** Camunda 8.8's user task states; the engine's tasks are CREATED, COMPLETED or CANCELED. */
const USER_TASK_STATES = [
  'CREATING',
  'CREATED',
  'ASSIGNING',
  'UPDATING',
  'COMPLETING',
  'COMPLETED',
  'CANCELING',
  'CANCELED',
  'FAILED',
] as const;

/** `POST /v2/user-tasks/search`. */
export const USER_TASK_SEARCH: SearchSpec = {
  filters: {
    userTaskKey: key,
    state: { kind: 'enum', values: USER_TASK_STATES },
    assignee: text,
    candidateGroup: text,
    candidateUser: text,
    processDefinitionKey: key,
    processDefinitionId: text,
    elementId: text,
    processInstanceKey: key,
    elementInstanceKey: key,
    creationDate: date,
    dueDate: date,
    followUpDate: date,
    processInstanceVariables: { kind: 'variables' },
    localVariables: { kind: 'variables' },
    tenantId,
  },
  sort: {
    creationDate: 'creationDate',
    completionDate: 'completionDate',
    dueDate: 'dueDate',
    followUpDate: 'followUpDate',
    priority: 'priority',
    name: 'name',
  },
};
