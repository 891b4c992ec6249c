import type { ExecutableElement } from '../model/executable-model.js';
import { elementOf } from '../model/executable-model.js';
import type { ElementInstanceRow } from './engine-state.js';
import { triggerEvent } from './event-triggers.js';
import type { ProcessingContext } from './processing-context.js';

/**
 * Finds the catcher of a thrown BPMN error or escalation, as Zeebe does: starting at `from`,
 * look at the boundary events of each enclosing activity and the event subprocesses of each
 * enclosing scope, outwards to the process and on through calling call activities. A catch
 * event without a code catches every code. Returns true when it was caught.
 */
export function throwEvent(
  ctx: ProcessingContext,
  from: ElementInstanceRow,
  kind: 'ERROR' | 'ESCALATION',
  code: string,
  variables: Record<string, unknown> | null,
): boolean {
  let current: ElementInstanceRow | undefined = from;
  while (current) {
    const process = ctx.processOf(current);
    const element = elementOf(process, current.elementId);
    const matches = (catchElement: ExecutableElement) => {
      const catchCode =
        kind === 'ERROR' ? catchElement.event?.errorCode : catchElement.event?.escalationCode;
      return catchElement.eventType === kind && (catchCode === undefined || catchCode === code);
    };
    const isInner =
      current.elementType !== 'MULTI_INSTANCE_BODY' &&
      element.multiInstance !== undefined &&
      current.flowScopeKey !== null;
    const boundaries =
      current.elementType === 'PROCESS' || isInner
        ? []
        : element.boundaryEventIds.map((id) => elementOf(process, id));
    const boundary = pickMostSpecific(boundaries.filter(matches), kind);
    if (boundary && current.state === 'ELEMENT_ACTIVATED')
      return triggerEvent(ctx, current, boundary.id, variables);
    if (current.elementType !== 'MULTI_INSTANCE_BODY') {
      const starts = element.eventSubProcessIds
        .map((id) => elementOf(process, id).startEventId)
        .filter((id): id is string => id !== undefined)
        .map((id) => elementOf(process, id));
      const start = pickMostSpecific(starts.filter(matches), kind);
      if (start && current.state === 'ELEMENT_ACTIVATED')
        return triggerEvent(ctx, current, start.id, variables);
    }
    current =
      current.flowScopeKey !== null
        ? ctx.state.elementInstances.get(current.flowScopeKey)
        : current.calledKey !== null
          ? ctx.state.elementInstances.get(current.calledKey)
          : undefined;
  }
  return false;
}

/** A catch event with the exact code wins over a catch-all one. */
function pickMostSpecific(
  candidates: ExecutableElement[],
  kind: 'ERROR' | 'ESCALATION',
): ExecutableElement | undefined {
  const code = (c: ExecutableElement) =>
    kind === 'ERROR' ? c.event?.errorCode : c.event?.escalationCode;
  return candidates.find((c) => code(c) !== undefined) ?? candidates[0];
}
