import { raiseIncident } from '../incidents.js';
import { activated, complete, setLocalVariable } from '../lifecycle.js';
import { propagateDocument, visibleVariables } from '../variables.js';
import type { ElementBehavior } from './element-behavior.js';
import { jobWorkerTask } from './job-worker-task.js';

/**
 * Script task: with `zeebe:script` the engine evaluates the FEEL expression and stores the
 * result in `resultVariable` (as output: local when there are output mappings, else
 * propagated); without it, a job worker runs the script.
 */
export const scriptTask: ElementBehavior = {
  onActivate(ctx, instance, element, step) {
    const script = element.script;
    if (!script) {
      jobWorkerTask.onActivate(ctx, instance, element, step);
      return;
    }
    const result = ctx.feel.evaluate(
      script.expression,
      visibleVariables(ctx, instance.key),
      ctx.env,
    );
    if (!result.ok) {
      raiseIncident(ctx, instance, 'EXTRACT_VALUE_ERROR', result.message);
      return;
    }
    const current = activated(ctx, instance);
    if (!current) return;
    if (element.outputs.length > 0)
      setLocalVariable(ctx, current, script.resultVariable, result.value);
    else propagateDocument(ctx, current.key, { [script.resultVariable]: result.value });
    complete(ctx, current);
  },
  onTerminate(ctx, instance, element) {
    jobWorkerTask.onTerminate?.(ctx, instance, element);
  },
};
