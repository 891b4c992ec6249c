import { raiseIncident } from '../incidents.js';
import { activated, terminate } from '../lifecycle.js';
import { createProcessInstance } from '../process-instances.js';
import { localVariables, visibleVariables } from '../variables.js';
import type { ElementBehavior } from './element-behavior.js';
import { evaluateString } from './evaluate-property.js';

/**
 * Call activity: starts the latest version of the called process as a child instance, with
 * all visible variables (propagateAllParentVariables, the default) or only the input mappings'
 * results; it completes when the child completes (see process.ts) and terminates the child
 * when it is terminated itself. A missing called process is an incident (CALLED_ELEMENT_ERROR).
 */
export const callActivity: ElementBehavior = {
  onActivate(ctx, instance, element) {
    const called = element.calledElement;
    if (!called) throw new Error(`call activity '${element.id}' has no called element`);
    const processId = evaluateString(ctx, 'called process id', called.processId, () =>
      visibleVariables(ctx, instance.key),
    );
    if (!processId.ok) {
      raiseIncident(ctx, instance, 'EXTRACT_VALUE_ERROR', processId.message);
      return;
    }
    const definition = processId.value ? ctx.state.definitions.latest(processId.value) : undefined;
    if (!definition) {
      raiseIncident(
        ctx,
        instance,
        'CALLED_ELEMENT_ERROR',
        `Expected process with BPMN process id '${processId.value ?? ''}' to be deployed, but not found.`,
      );
      return;
    }
    const current = activated(ctx, instance);
    if (!current) return;
    const variables = called.propagateAllParentVariables
      ? visibleVariables(ctx, current.key)
      : localVariables(ctx, current.key);
    const child = createProcessInstance(ctx, definition, variables, {
      parent: { processInstanceKey: current.processInstanceKey, elementInstanceKey: current.key },
    });
    ctx.state.elementInstances.put({ ...ctx.instance(current.key), calledKey: child.key });
  },
  onTerminate(ctx, instance) {
    if (instance.calledKey === null) return;
    const child = ctx.state.elementInstances.get(instance.calledKey);
    if (child) terminate(ctx, child);
  },
};
