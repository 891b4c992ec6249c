import type { ExecutableElement } from '../model/executable-model.js';
import { flowOf } from '../model/executable-model.js';
import type { ElementInstanceRow, ElementState } from './engine-state.js';
import type { ActivationStep } from './elements/element-behavior.js';
import {
  closeEventSubscriptions,
  listensForMessages,
  openEventSubscriptions,
} from './event-subscriptions.js';
import { raiseIncident, resolveIncidentsOf } from './incidents.js';
import { isJoin, joinComplete, releaseInclusiveJoin } from './joins.js';
import { updateInstance } from './update-instance.js';
import {
  processInstanceValue,
  type LifecycleStep,
  type ProcessingContext,
} from './processing-context.js';
import {
  evaluateMappings,
  propagateDocument,
  setLocalDocument,
  setLocalVariable,
  visibleVariables,
} from './variables.js';

/**
 * The one element-instance lifecycle every element kind shares, as Zeebe's PROCESS_INSTANCE
 * intents: ELEMENT_ACTIVATING -> ELEMENT_ACTIVATED -> ELEMENT_COMPLETING -> ELEMENT_COMPLETED,
 * or -> ELEMENT_TERMINATING -> ELEMENT_TERMINATED. Element behaviours plug into it.
 *
 * Scopes count `tokens`: children not yet finished, queued activations and arrivals waiting
 * at joins. A scope completes when its count reaches zero, and a terminating scope finishes
 * terminating then.
 */

/** Runs queued lifecycle steps until none is left. */
export function drainSteps(ctx: ProcessingContext): void {
  for (let step = ctx.steps.shift(); step; step = ctx.steps.shift()) runStep(ctx, step);
}

function runStep(ctx: ProcessingContext, step: LifecycleStep): void {
  if (step.kind === 'activate') activateStep(ctx, step);
  else if (step.kind === 'complete') completeStep(ctx, step.key);
  else terminateStep(ctx, step.key);
}

/** Writes a PROCESS_INSTANCE lifecycle record and moves the instance to that state. */
export function transition(
  ctx: ProcessingContext,
  instance: ElementInstanceRow,
  state: ElementState,
): ElementInstanceRow {
  const ended = state === 'ELEMENT_COMPLETED' || state === 'ELEMENT_TERMINATED';
  const next = { ...ctx.instance(instance.key), state, endDate: ended ? ctx.now : null };
  ctx.state.elementInstances.put(next);
  const parent =
    next.elementType === 'PROCESS' ? ctx.state.processInstances.get(next.key) : undefined;
  ctx.write(
    'PROCESS_INSTANCE',
    state,
    next.key,
    processInstanceValue(
      next,
      parent
        ? { process: parent.parentProcessInstanceKey, element: parent.parentElementInstanceKey }
        : undefined,
    ),
  );
  return next;
}

/** Takes a sequence flow from a completed element and queues the target's activation. */
export function takeFlow(
  ctx: ProcessingContext,
  from: ElementInstanceRow,
  flowId: string,
  extra: Partial<ActivationStep> = {},
): void {
  const flow = flowOf(ctx.processOf(from), flowId);
  const scopeKey = from.flowScopeKey ?? -1;
  ctx.write('PROCESS_INSTANCE', 'SEQUENCE_FLOW_TAKEN', ctx.nextKey(), {
    ...processInstanceValue({
      ...from,
      elementId: flow.id,
      elementType: 'SEQUENCE_FLOW',
      eventType: 'UNSPECIFIED',
    }),
  });
  const scope = ctx.instance(scopeKey);
  updateInstance(ctx, scopeKey, { tokens: scope.tokens + 1 });
  ctx.enqueue({
    kind: 'activate',
    flowScopeKey: scopeKey,
    elementId: flow.targetId,
    flowId,
    ...extra,
  });
}

/** Queues an element's activation in a scope (start events, boundary and event subprocess starts). */
export function activateInScope(
  ctx: ProcessingContext,
  scopeKey: number,
  elementId: string,
  extra: Partial<ActivationStep> = {},
): void {
  const scope = ctx.instance(scopeKey);
  updateInstance(ctx, scopeKey, { tokens: scope.tokens + 1 });
  ctx.enqueue({ kind: 'activate', flowScopeKey: scopeKey, elementId, ...extra });
}

function activateStep(ctx: ProcessingContext, step: ActivationStep): void {
  const scope = ctx.instance(step.flowScopeKey);
  if (scope.state !== 'ELEMENT_ACTIVATED' || scope.pending) {
    // The scope is being left or interrupted: the queued token dies with it.
    childFinished(ctx, scope.key, undefined);
    return;
  }
  const element = ctx.elementOf({
    processDefinitionKey: scope.processDefinitionKey,
    elementId: step.elementId,
  });
  if (step.flowId && isJoin(element) && !joinComplete(ctx, scope, element, step.flowId)) return;
  const isBody = element.multiInstance !== undefined && !step.inner;
  const instance = createInstance(
    ctx,
    scope,
    element,
    isBody ? 'MULTI_INSTANCE_BODY' : element.type,
    step.key ?? ctx.nextKey(),
  );
  if (step.loopCounter) updateInstance(ctx, instance.key, { loopCounter: step.loopCounter });
  const activating = transition(ctx, instance, 'ELEMENT_ACTIVATING');
  if (step.inner && step.variables) setLocalDocument(ctx, activating, step.variables);
  runActivation(ctx, activating, step);
}

/** A new instance row of an element inside a scope (state ACTIVATING, not yet written). */
export function createInstance(
  ctx: ProcessingContext,
  scope: ElementInstanceRow,
  element: ExecutableElement,
  elementType: string,
  key: number,
): ElementInstanceRow {
  const instance: ElementInstanceRow = {
    key,
    processInstanceKey: scope.processInstanceKey,
    processDefinitionKey: scope.processDefinitionKey,
    bpmnProcessId: scope.bpmnProcessId,
    version: scope.version,
    elementId: element.id,
    elementType,
    eventType: elementType === 'MULTI_INSTANCE_BODY' ? 'UNSPECIFIED' : element.eventType,
    flowScopeKey: scope.key,
    state: 'ELEMENT_ACTIVATING',
    startDate: ctx.now,
    endDate: null,
    tokens: 0,
    loopCounter: 0,
    loopItems: null,
    jobKey: null,
    userTaskKey: null,
    calledKey: null,
    pending: null,
    interrupted: false,
    incidentKey: null,
  };
  ctx.state.elementInstances.put(instance);
  return instance;
}

/** Input mappings then the behaviour's activation; re-run when an activation incident is resolved. */
export function runActivation(
  ctx: ProcessingContext,
  instance: ElementInstanceRow,
  step: ActivationStep,
): void {
  const element = ctx.elementOf(instance);
  const isBody = instance.elementType === 'MULTI_INSTANCE_BODY';
  if (!isBody && element.inputs.length > 0) {
    const result = evaluateMappings(ctx, element.inputs, visibleVariables(ctx, instance.key));
    if (!result.ok) {
      raiseIncident(ctx, instance, 'IO_MAPPING_ERROR', result.message);
      return;
    }
    setLocalDocument(ctx, instance, result.document);
  }
  ctx.behaviorOf(instance.elementType).onActivate(ctx, instance, element, step);
}

/**
 * ELEMENT_ACTIVATED, opening the subscriptions of attached boundary events, event subprocesses
 * and the element's own catch events first. Undefined after raising an incident (a timer or
 * correlation key expression failed); resolving it re-runs the activation.
 */
export function activated(
  ctx: ProcessingContext,
  instance: ElementInstanceRow,
): ElementInstanceRow | undefined {
  const current = ctx.instance(instance.key);
  if (!openEventSubscriptions(ctx, current, ctx.elementOf(current))) return undefined;
  const result = transition(ctx, current, 'ELEMENT_ACTIVATED');
  if (listensForMessages(ctx, result)) ctx.correlateBuffered(ctx, result);
  return result;
}

/** Queues completion of an element. */
export function complete(ctx: ProcessingContext, instance: ElementInstanceRow): void {
  ctx.enqueue({ kind: 'complete', key: instance.key });
}

/** Queues termination of an element. */
export function terminate(ctx: ProcessingContext, instance: ElementInstanceRow): void {
  ctx.enqueue({ kind: 'terminate', key: instance.key });
}

function completeStep(ctx: ProcessingContext, key: number): void {
  const instance = ctx.state.elementInstances.get(key);
  if (!instance || instance.state !== 'ELEMENT_ACTIVATED') return; // left meanwhile (interrupted)
  runCompletion(ctx, transition(ctx, instance, 'ELEMENT_COMPLETING'));
}

/**
 * Completes an instance that is COMPLETING: behaviour hook, output mappings, subscriptions
 * closed, ELEMENT_COMPLETED, then the outgoing flows. Re-run when a completion incident is resolved.
 */
export function runCompletion(ctx: ProcessingContext, instance: ElementInstanceRow): void {
  const element = ctx.elementOf(instance);
  const behavior = ctx.behaviorOf(instance.elementType);
  if (behavior.onCompleting && !behavior.onCompleting(ctx, instance, element)) return;
  const isBody = instance.elementType === 'MULTI_INSTANCE_BODY';
  if (!isBody && element.outputs.length > 0 && instance.flowScopeKey !== null) {
    const result = evaluateMappings(ctx, element.outputs, visibleVariables(ctx, instance.key));
    if (!result.ok) {
      raiseIncident(ctx, instance, 'IO_MAPPING_ERROR', result.message);
      return;
    }
    propagateDocument(ctx, instance.flowScopeKey, result.document);
  }
  closeEventSubscriptions(ctx, instance);
  const completed = transition(ctx, instance, 'ELEMENT_COMPLETED');
  if (behavior.onCompleted) behavior.onCompleted(ctx, completed, element);
  else leave(ctx, completed, element);
}

/** The default way out: take every outgoing flow, then give the token back to the scope. */
export function leave(
  ctx: ProcessingContext,
  instance: ElementInstanceRow,
  element: ExecutableElement,
  flows = element.outgoing,
): void {
  const isInner = isInnerInstance(ctx, instance);
  if (!isInner) for (const flowId of flows) takeFlow(ctx, instance, flowId);
  if (instance.flowScopeKey !== null) childFinished(ctx, instance.flowScopeKey, instance);
}

/** True when the instance is one iteration of a multi-instance body. */
export function isInnerInstance(ctx: ProcessingContext, instance: ElementInstanceRow): boolean {
  if (instance.flowScopeKey === null || instance.elementType === 'MULTI_INSTANCE_BODY')
    return false;
  const scope = ctx.state.elementInstances.get(instance.flowScopeKey);
  return scope?.elementType === 'MULTI_INSTANCE_BODY' && scope.elementId === instance.elementId;
}

/**
 * Output semantics for variables a worker, a message or a child process hands back: with output
 * mappings they become local (inputs to the mappings), otherwise they propagate outwards from
 * the element's scope.
 */
export function applyResultVariables(
  ctx: ProcessingContext,
  instance: ElementInstanceRow,
  variables: Record<string, unknown> | null | undefined,
): void {
  if (!variables || Object.keys(variables).length === 0) return;
  const element = ctx.elementOf(instance);
  if (element.outputs.length > 0) setLocalDocument(ctx, instance, variables);
  else propagateDocument(ctx, instance.key, variables);
}

function terminateStep(ctx: ProcessingContext, key: number): void {
  const instance = ctx.state.elementInstances.get(key);
  if (
    !instance ||
    !['ELEMENT_ACTIVATING', 'ELEMENT_ACTIVATED', 'ELEMENT_COMPLETING'].includes(instance.state)
  )
    return;
  const terminating = transition(ctx, instance, 'ELEMENT_TERMINATING');
  const element = ctx.elementOf(terminating);
  ctx.behaviorOf(terminating.elementType).onTerminate?.(ctx, terminating, element);
  closeEventSubscriptions(ctx, terminating);
  resolveIncidentsOf(ctx, terminating.key);
  terminateChildren(ctx, terminating);
}

/** Terminates everything inside a scope; the scope's own pending action runs when they are gone. */
export function terminateChildren(ctx: ProcessingContext, scope: ElementInstanceRow): void {
  const waiting = ctx.state.joins.clearScope(scope.key);
  let current = updateInstance(ctx, scope.key, {
    tokens: ctx.instance(scope.key).tokens - waiting,
  });
  for (const child of ctx.state.elementInstances.activeChildren(scope.key)) terminate(ctx, child);
  current = ctx.instance(scope.key);
  if (current.tokens === 0) scopeEmptied(ctx, current);
}

function finishTermination(ctx: ProcessingContext, instance: ElementInstanceRow): void {
  const terminated = transition(ctx, instance, 'ELEMENT_TERMINATED');
  const behavior = ctx.behaviorOf(terminated.elementType);
  if (terminated.elementType === 'PROCESS')
    behavior.onCompleted?.(ctx, terminated, ctx.elementOf(terminated));
  runPending(ctx, terminated);
  if (terminated.flowScopeKey !== null) childFinished(ctx, terminated.flowScopeKey, terminated);
}

/** Runs what an instance left to do after its termination (an interrupting boundary event). */
function runPending(ctx: ProcessingContext, instance: ElementInstanceRow): void {
  const pending = instance.pending;
  if (pending?.kind !== 'activate') return;
  activateInScope(ctx, pending.flowScopeKey, pending.elementId, { variables: pending.variables });
}

/** A child of a scope finished (completed, terminated, or a queued token dropped). */
export function childFinished(
  ctx: ProcessingContext,
  scopeKey: number,
  child: ElementInstanceRow | undefined,
): void {
  const scope = updateInstance(ctx, scopeKey, { tokens: ctx.instance(scopeKey).tokens - 1 });
  const behavior = ctx.behaviorOf(scope.elementType);
  if (behavior.onChildFinished && child && scope.state === 'ELEMENT_ACTIVATED' && !scope.pending) {
    behavior.onChildFinished(ctx, scope, child);
    return;
  }
  if (scope.state === 'ELEMENT_ACTIVATED' && !scope.pending && releaseInclusiveJoin(ctx, scope))
    return;
  if (scope.tokens === 0) scopeEmptied(ctx, scope);
}

/** A scope has no tokens left: finish terminating, run the interruption, or complete. */
function scopeEmptied(ctx: ProcessingContext, scope: ElementInstanceRow): void {
  if (scope.state === 'ELEMENT_TERMINATING') {
    finishTermination(ctx, scope);
    return;
  }
  if (scope.state !== 'ELEMENT_ACTIVATED') return;
  const pending = scope.pending;
  if (pending?.kind === 'activate') {
    updateInstance(ctx, scope.key, { pending: null });
    activateInScope(ctx, pending.flowScopeKey, pending.elementId, { variables: pending.variables });
    return;
  }
  if (pending?.kind === 'complete') updateInstance(ctx, scope.key, { pending: null });
  complete(ctx, scope);
}

/** Sets a variable on the instance itself (loop counters, script results with outputs). */
export { setLocalVariable };

/** Changes fields of an instance (re-exported for the element behaviours). */
export { updateInstance };
