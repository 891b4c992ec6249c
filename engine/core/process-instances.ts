import type { ElementInstanceRow, ProcessDefinitionRow } from './engine-state.js';
import { runActivation, transition } from './lifecycle.js';
import type { ProcessingContext } from './processing-context.js';
import { setLocalDocument } from './variables.js';

/** Who called a process instance (a call activity in another instance). */
export interface ParentLink {
  readonly processInstanceKey: number;
  readonly elementInstanceKey: number;
}

/**
 * Creates a process instance of a definition: the process element instance with the given
 * variables in its scope, then starts at `startElementId` (default: the none start event).
 */
export function createProcessInstance(
  ctx: ProcessingContext,
  definition: ProcessDefinitionRow,
  variables: Record<string, unknown>,
  options: { startElementId?: string; startAt?: readonly string[]; parent?: ParentLink } = {},
): ElementInstanceRow {
  const key = ctx.nextKey();
  const root: ElementInstanceRow = {
    key,
    processInstanceKey: key,
    processDefinitionKey: definition.key,
    bpmnProcessId: definition.bpmnProcessId,
    version: definition.version,
    elementId: definition.bpmnProcessId,
    elementType: 'PROCESS',
    eventType: 'UNSPECIFIED',
    flowScopeKey: null,
    state: 'ELEMENT_ACTIVATING',
    startDate: ctx.now,
    endDate: null,
    tokens: 0,
    loopCounter: 0,
    loopItems: null,
    jobKey: null,
    userTaskKey: null,
    calledKey: options.parent?.elementInstanceKey ?? null,
    pending: null,
    interrupted: false,
    incidentKey: null,
  };
  ctx.state.elementInstances.put(root);
  ctx.state.processInstances.put({
    key,
    processDefinitionKey: definition.key,
    bpmnProcessId: definition.bpmnProcessId,
    version: definition.version,
    state: 'ACTIVE',
    startDate: ctx.now,
    endDate: null,
    parentProcessInstanceKey: options.parent?.processInstanceKey ?? null,
    parentElementInstanceKey: options.parent?.elementInstanceKey ?? null,
    incidentCount: 0,
  });
  setLocalDocument(ctx, root, variables);
  const activating = transition(ctx, root, 'ELEMENT_ACTIVATING');
  runActivation(ctx, activating, {
    kind: 'activate',
    flowScopeKey: -1,
    elementId: options.startElementId ?? definition.bpmnProcessId,
    startAt: options.startAt,
  });
  return activating;
}
