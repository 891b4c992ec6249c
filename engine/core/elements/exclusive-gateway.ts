import { flowOf } from '../../model/executable-model.js';
import { raiseIncident } from '../incidents.js';
import { leave, transition } from '../lifecycle.js';
import type { ProcessingContext } from '../processing-context.js';
import { visibleVariables } from '../variables.js';
import type { ElementBehavior } from './element-behavior.js';
import type { ExecutableElement } from '../../model/executable-model.js';
import type { ElementInstanceRow } from '../engine-state.js';

/**
 * Exclusive gateway: takes the first outgoing flow (in model order) whose condition is true,
 * else the default flow; with neither, an incident (CONDITION_ERROR) that a variable fix and a
 * resolve retries. A condition that is not boolean is an incident too (Zeebe 8.8 docs,
 * "Exclusive gateway").
 */
export const exclusiveGateway: ElementBehavior = {
  onActivate(ctx, instance, element) {
    const chosen = chooseFlows(ctx, instance, element, 'first');
    if (!chosen) return;
    // Zeebe completes gateways in one go: ACTIVATED, COMPLETING, COMPLETED, then the flow.
    transition(ctx, instance, 'ELEMENT_ACTIVATED');
    transition(ctx, instance, 'ELEMENT_COMPLETING');
    const completed = transition(ctx, instance, 'ELEMENT_COMPLETED');
    leave(ctx, completed, element, chosen);
  },
};

/**
 * Evaluates outgoing conditions. `first`: the first true one (exclusive); `all`: every true one
 * (inclusive). Falls back to the default flow; undefined after raising an incident.
 */
export function chooseFlows(
  ctx: ProcessingContext,
  instance: ElementInstanceRow,
  element: ExecutableElement,
  mode: 'first' | 'all',
): string[] | undefined {
  const process = ctx.processOf(instance);
  if (element.outgoing.length === 1 && !flowOf(process, element.outgoing[0]!).condition)
    return [...element.outgoing];
  const variables = visibleVariables(ctx, instance.key);
  const taken: string[] = [];
  for (const flowId of element.outgoing) {
    if (flowId === element.defaultFlowId) continue;
    const condition = flowOf(process, flowId).condition;
    if (!condition) continue;
    const result = ctx.feel.evaluate(condition, variables, ctx.env);
    if (!result.ok) {
      raiseIncident(ctx, instance, 'CONDITION_ERROR', result.message);
      return undefined;
    }
    // Zeebe accepts only a boolean: null (a missing variable, say) is an incident, not false
    if (typeof result.value !== 'boolean') {
      raiseIncident(
        ctx,
        instance,
        'CONDITION_ERROR',
        `Expected result of the expression '${condition}' to be 'BOOLEAN', but was ${typeName(result.value)}.`,
      );
      return undefined;
    }
    if (result.value === true) {
      taken.push(flowId);
      if (mode === 'first') break;
    }
  }
  if (taken.length > 0) return taken;
  if (element.defaultFlowId) return [element.defaultFlowId];
  raiseIncident(
    ctx,
    instance,
    'CONDITION_ERROR',
    `Expected at least one condition to evaluate to true, or to have a default flow, but none was taken at '${element.id}'.`,
  );
  return undefined;
}

/** Zeebe's name of a FEEL result type in incident messages. */
export function typeName(value: unknown): string {
  if (value === null || value === undefined) return "'NULL'";
  if (Array.isArray(value)) return "'ARRAY'";
  return `'${typeof value === 'object' ? 'OBJECT' : typeof value === 'number' ? 'NUMBER' : typeof value === 'string' ? 'STRING' : 'BOOLEAN'}'`;
}
