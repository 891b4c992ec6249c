import type { Engine } from '../../index.js';
import type { ModelNames } from './model-names.js';

/**
 * Engine search items as Camunda 8.8's REST API answers them: only the fields of its schemas,
 * optional fields left out rather than null, dates as ISO 8601 UTC instants, keys as strings.
 */

type Items<K extends keyof Engine['search']> = Engine['search'][K] extends (...args: never[]) => {
  items: (infer T)[];
}
  ? T
  : never;
export type DefinitionItem = Items<'processDefinitions'>;
export type ProcessInstanceItem = Items<'processInstances'>;
export type ElementInstanceItem = Items<'elementInstances'>;
export type VariableItem = Items<'variables'>;
export type IncidentItem = Items<'incidents'>;
export type UserTaskItem = Items<'userTasks'>;

/** Camunda's default: variable values longer than this are truncated in searches. */
export const VARIABLE_TRUNCATION = 8191;
const TENANT = '<default>';
const KEY = /^-?\d+$/;

/** Drops undefined and null fields (Camunda leaves them out). */
function defined<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && v !== null),
  ) as T;
}

/** An ISO date-time with any offset, as a UTC instant (`...Z`), or undefined. */
function instant(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** `ProcessDefinitionResult`. */
export function presentDefinition(item: DefinitionItem) {
  return defined({
    processDefinitionKey: item.processDefinitionKey,
    processDefinitionId: item.processDefinitionId,
    name: item.name ?? undefined,
    resourceName: item.resourceName,
    version: item.version,
    tenantId: TENANT,
  });
}

/** `ProcessInstanceResult`. */
export function presentProcessInstance(item: ProcessInstanceItem, names: ModelNames) {
  return defined({
    processInstanceKey: item.processInstanceKey,
    processDefinitionKey: item.processDefinitionKey,
    processDefinitionId: item.processDefinitionId,
    processDefinitionName: names.processName ?? item.processDefinitionId,
    processDefinitionVersion: item.processDefinitionVersion,
    state: item.state,
    startDate: instant(item.startDate),
    endDate: instant(item.endDate),
    hasIncident: item.hasIncident,
    parentProcessInstanceKey: item.parentProcessInstanceKey ?? undefined,
    parentElementInstanceKey: item.parentElementInstanceKey ?? undefined,
    tenantId: TENANT,
  });
}

const ELEMENT_TYPES = new Set([
  'UNSPECIFIED',
  'PROCESS',
  'SUB_PROCESS',
  'EVENT_SUB_PROCESS',
  'AD_HOC_SUB_PROCESS',
  'AD_HOC_SUB_PROCESS_INNER_INSTANCE',
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
  'SEQUENCE_FLOW',
  'MULTI_INSTANCE_BODY',
  'CALL_ACTIVITY',
  'BUSINESS_RULE_TASK',
  'SCRIPT_TASK',
  'SEND_TASK',
  'UNKNOWN',
]);

/** `ElementInstanceResult`. */
export function presentElementInstance(item: ElementInstanceItem, names: ModelNames) {
  return defined({
    elementInstanceKey: item.elementInstanceKey,
    processInstanceKey: item.processInstanceKey,
    processDefinitionKey: item.processDefinitionKey,
    processDefinitionId: item.processDefinitionId,
    elementId: item.elementId,
    elementName: names.elementName(item.elementId) ?? item.elementId,
    type: ELEMENT_TYPES.has(item.type) ? item.type : 'UNKNOWN',
    state: item.state,
    startDate: instant(item.startDate),
    endDate: instant(item.endDate),
    hasIncident: item.hasIncident,
    incidentKey: item.incidentKey ?? undefined,
    tenantId: TENANT,
  });
}

/** `VariableSearchResult`: the value is JSON text, cut to VARIABLE_TRUNCATION when asked. */
export function presentVariable(item: VariableItem, truncate: boolean) {
  const isTruncated = truncate && item.value.length > VARIABLE_TRUNCATION;
  return {
    variableKey: item.variableKey,
    name: item.name,
    value: isTruncated ? item.value.slice(0, VARIABLE_TRUNCATION) : item.value,
    isTruncated,
    scopeKey: item.scopeKey,
    processInstanceKey: item.processInstanceKey,
    tenantId: TENANT,
  };
}

/** `IncidentResult`. */
export function presentIncident(item: IncidentItem) {
  return defined({
    incidentKey: item.incidentKey,
    processDefinitionKey: item.processDefinitionKey,
    processDefinitionId: item.processDefinitionId,
    processInstanceKey: item.processInstanceKey,
    errorType: item.errorType,
    errorMessage: item.errorMessage,
    elementId: item.elementId,
    elementInstanceKey: item.elementInstanceKey,
    creationTime: instant(item.creationTime),
    state: item.state,
    jobKey: item.jobKey ?? undefined,
    tenantId: TENANT,
  });
}

/** `UserTaskResult`. */
export function presentUserTask(item: UserTaskItem, names: ModelNames) {
  const headers = Object.entries(item.customHeaders ?? {}).filter(([, v]) => typeof v === 'string');
  return defined({
    userTaskKey: item.userTaskKey,
    name: item.name ?? names.elementName(item.elementId) ?? item.elementId,
    state: item.state,
    assignee: item.assignee ?? undefined,
    elementId: item.elementId,
    elementInstanceKey: item.elementInstanceKey,
    candidateGroups: item.candidateGroups ?? [],
    candidateUsers: item.candidateUsers ?? [],
    processDefinitionId: item.processDefinitionId,
    processDefinitionKey: item.processDefinitionKey,
    processDefinitionVersion: item.processDefinitionVersion,
    processName: names.processName,
    processInstanceKey: item.processInstanceKey,
    creationDate: instant(item.creationDate),
    completionDate: instant(item.completionDate),
    dueDate: instant(item.dueDate),
    followUpDate: instant(item.followUpDate),
    externalFormReference: item.externalFormReference ?? undefined,
    // Camunda's formKey is the key of a deployed Camunda form; other form references are not keys
    formKey: item.formKey && KEY.test(item.formKey) ? item.formKey : undefined,
    priority: item.priority ?? 50,
    customHeaders: Object.fromEntries(headers),
    tenantId: TENANT,
  });
}
