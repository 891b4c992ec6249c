import { activateInScope, activated, applyResultVariables, complete } from '../lifecycle.js';
import { startNextBuffered } from '../commands/message-commands.js';
import { localVariables, setLocalDocument } from '../variables.js';
import type { ElementBehavior } from './element-behavior.js';

/**
 * The process itself, the outermost scope. On activation it opens event subprocess
 * subscriptions and starts the chosen start event; when it ends, the process instance
 * projection is updated and a calling call activity continues.
 */
export const processBehavior: ElementBehavior = {
  onActivate(ctx, instance, element, step) {
    const current = activated(ctx, instance);
    if (!current) return;
    if (step.startAt && step.startAt.length > 0) {
      for (const id of step.startAt) activateInScope(ctx, current.key, id);
      return;
    }
    const startId = step.elementId !== element.id ? step.elementId : element.noneStartEventId;
    if (startId) activateInScope(ctx, current.key, startId, { variables: step.variables });
  },
  onCompleted(ctx, instance) {
    const processInstance = ctx.state.processInstances.get(instance.key);
    if (processInstance) {
      ctx.state.processInstances.put({
        ...processInstance,
        state: instance.state === 'ELEMENT_COMPLETED' ? 'COMPLETED' : 'TERMINATED',
        endDate: ctx.now,
      });
    }
    startNextBuffered(ctx, instance.key, instance.bpmnProcessId);
    if (instance.state !== 'ELEMENT_COMPLETED' || instance.calledKey === null) return;
    const caller = ctx.state.elementInstances.get(instance.calledKey);
    if (!caller || caller.state !== 'ELEMENT_ACTIVATED') return;
    const called = ctx.elementOf(caller);
    const variables = localVariables(ctx, instance.key);
    // With output mappings the child's variables are their input; otherwise all of them
    // propagate when propagateAllChildVariables is set (Zeebe's default).
    if (called.outputs.length > 0) setLocalDocument(ctx, caller, variables);
    else if (called.calledElement?.propagateAllChildVariables !== false)
      applyResultVariables(ctx, caller, variables);
    complete(ctx, caller);
  },
};
