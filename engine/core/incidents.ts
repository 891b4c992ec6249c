import type { ElementInstanceRow, IncidentErrorType, IncidentRow } from './engine-state.js';
import type { ProcessingContext } from './processing-context.js';

/**
 * Raises an incident on an element instance: the expected way a step fails (Zeebe never
 * throws for these, it records an incident and waits for someone to fix and resolve it).
 */
export function raiseIncident(
  ctx: ProcessingContext,
  instance: ElementInstanceRow,
  errorType: IncidentErrorType,
  errorMessage: string,
  jobKey: number | null = null,
): IncidentRow {
  const key = ctx.nextKey();
  const incident: IncidentRow = {
    key,
    state: 'ACTIVE',
    errorType,
    errorMessage,
    elementInstanceKey: instance.key,
    elementId: instance.elementId,
    processInstanceKey: instance.processInstanceKey,
    processDefinitionKey: instance.processDefinitionKey,
    bpmnProcessId: instance.bpmnProcessId,
    jobKey,
    variableScopeKey: instance.key,
    creationTime: ctx.now,
  };
  ctx.state.incidents.put(incident);
  ctx.state.elementInstances.put({ ...instance, incidentKey: key });
  adjustIncidentCount(ctx, instance.processInstanceKey, +1);
  ctx.write('INCIDENT', 'CREATED', key, incidentValue(incident));
  return incident;
}

/** Marks an incident resolved (the caller retries the failed step). */
export function markResolved(ctx: ProcessingContext, incident: IncidentRow): void {
  ctx.state.incidents.put({ ...incident, state: 'RESOLVED' });
  const instance = ctx.state.elementInstances.get(incident.elementInstanceKey);
  if (instance && instance.incidentKey === incident.key)
    ctx.state.elementInstances.put({ ...instance, incidentKey: null });
  adjustIncidentCount(ctx, incident.processInstanceKey, -1);
  ctx.write('INCIDENT', 'RESOLVED', incident.key, incidentValue(incident));
}

/** Resolves every open incident of an element instance that is being left (terminated). */
export function resolveIncidentsOf(ctx: ProcessingContext, elementInstanceKey: number): void {
  for (const incident of ctx.state.incidents.activeOf(elementInstanceKey))
    markResolved(ctx, incident);
}

function adjustIncidentCount(
  ctx: ProcessingContext,
  processInstanceKey: number,
  delta: number,
): void {
  const processInstance = ctx.state.processInstances.get(processInstanceKey);
  if (processInstance) {
    ctx.state.processInstances.put({
      ...processInstance,
      incidentCount: Math.max(0, processInstance.incidentCount + delta),
    });
  }
}

/** The INCIDENT record value. */
export function incidentValue(incident: IncidentRow): Record<string, unknown> {
  return {
    errorType: incident.errorType,
    errorMessage: incident.errorMessage,
    bpmnProcessId: incident.bpmnProcessId,
    processDefinitionKey: incident.processDefinitionKey,
    processInstanceKey: incident.processInstanceKey,
    elementId: incident.elementId,
    elementInstanceKey: incident.elementInstanceKey,
    jobKey: incident.jobKey ?? -1,
    variableScopeKey: incident.variableScopeKey,
    tenantId: '<default>',
  };
}
