import type {
  ElementInstanceRow,
  IncidentRow,
  JobRow,
  ProcessDefinitionRow,
  ProcessInstanceRow,
  UserTaskRow,
  VariableRow,
} from '../core/engine-state.js';
import type { EngineRecord } from '../core/records.js';

/**
 * Rows as the API shows them: keys as strings (int64 at the wire), dates as ISO strings,
 * field names as in Camunda 8.8's REST API (`processDefinitionId` is the BPMN process id).
 */

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const str = (key: number | null) => (key === null || key === -1 ? null : String(key));
const TENANT = { tenantId: '<default>' } as const;

/** A deployed process version. */
export function presentDefinition(row: ProcessDefinitionRow) {
  return {
    processDefinitionKey: String(row.key),
    processDefinitionId: row.bpmnProcessId,
    name: row.name,
    version: row.version,
    resourceName: row.resourceName,
    ...TENANT,
  };
}

/** A process instance. */
export function presentProcessInstance(row: ProcessInstanceRow) {
  return {
    processInstanceKey: String(row.key),
    processDefinitionKey: String(row.processDefinitionKey),
    processDefinitionId: row.bpmnProcessId,
    processDefinitionVersion: row.version,
    state: row.state,
    startDate: iso(row.startDate)!,
    endDate: iso(row.endDate),
    parentProcessInstanceKey: str(row.parentProcessInstanceKey),
    parentElementInstanceKey: str(row.parentElementInstanceKey),
    hasIncident: row.incidentCount > 0,
    ...TENANT,
  };
}

/** The search state of an element instance (ACTIVE while in any non-final state). */
export function elementState(
  state: ElementInstanceRow['state'],
): 'ACTIVE' | 'COMPLETED' | 'TERMINATED' {
  return state === 'ELEMENT_COMPLETED'
    ? 'COMPLETED'
    : state === 'ELEMENT_TERMINATED'
      ? 'TERMINATED'
      : 'ACTIVE';
}

/** An element instance. */
export function presentElementInstance(row: ElementInstanceRow) {
  return {
    elementInstanceKey: String(row.key),
    processInstanceKey: String(row.processInstanceKey),
    processDefinitionKey: String(row.processDefinitionKey),
    processDefinitionId: row.bpmnProcessId,
    elementId: row.elementId,
    type: row.elementType,
    state: elementState(row.state),
    lifecycleState: row.state,
    startDate: iso(row.startDate)!,
    endDate: iso(row.endDate),
    hasIncident: row.incidentKey !== null,
    incidentKey: str(row.incidentKey),
    flowScopeKey: str(row.flowScopeKey),
    ...TENANT,
  };
}

/** A variable; `value` is its JSON text, as Camunda returns it. */
export function presentVariable(row: VariableRow) {
  return {
    variableKey: String(row.key),
    name: row.name,
    value: row.value,
    scopeKey: String(row.scopeKey),
    processInstanceKey: String(row.processInstanceKey),
    ...TENANT,
  };
}

/** An incident. */
export function presentIncident(row: IncidentRow) {
  return {
    incidentKey: String(row.key),
    processDefinitionKey: String(row.processDefinitionKey),
    processDefinitionId: row.bpmnProcessId,
    processInstanceKey: String(row.processInstanceKey),
    errorType: row.errorType,
    errorMessage: row.errorMessage,
    elementId: row.elementId,
    elementInstanceKey: String(row.elementInstanceKey),
    creationTime: iso(row.creationTime)!,
    state: row.state,
    jobKey: str(row.jobKey),
    ...TENANT,
  };
}

/** A Camunda user task. */
export function presentUserTask(row: UserTaskRow) {
  return {
    userTaskKey: String(row.key),
    name: row.name,
    state: row.state,
    assignee: row.assignee,
    elementId: row.elementId,
    candidateGroups: row.candidateGroups,
    candidateUsers: row.candidateUsers,
    processDefinitionId: row.bpmnProcessId,
    processDefinitionKey: String(row.processDefinitionKey),
    processDefinitionVersion: row.processDefinitionVersion,
    processInstanceKey: String(row.processInstanceKey),
    elementInstanceKey: String(row.elementInstanceKey),
    creationDate: iso(row.creationDate)!,
    completionDate: iso(row.completionDate),
    dueDate: row.dueDate,
    followUpDate: row.followUpDate,
    formKey: row.formKey,
    externalFormReference: row.externalFormReference,
    priority: row.priority,
    customHeaders: row.customHeaders,
    ...TENANT,
  };
}

/** A job as a worker receives it (gateway's ActivatedJob, keys as strings). */
export function presentJob(row: JobRow & { variables?: Record<string, unknown> }) {
  return {
    key: String(row.key),
    type: row.type,
    processInstanceKey: String(row.processInstanceKey),
    bpmnProcessId: row.bpmnProcessId,
    processDefinitionVersion: row.processDefinitionVersion,
    processDefinitionKey: String(row.processDefinitionKey),
    elementId: row.elementId,
    elementInstanceKey: String(row.elementInstanceKey),
    customHeaders: row.customHeaders,
    worker: row.worker,
    retries: row.retries,
    deadline: row.deadline ?? -1,
    variables: row.variables ?? {},
    ...TENANT,
  };
}

/** A record of the log, keys as strings. */
export function presentRecord(record: EngineRecord) {
  return { ...record, key: String(record.key) };
}
