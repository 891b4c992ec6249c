import type { ExecutableElement } from '../../model/executable-model.js';
import type { ElementInstanceRow } from '../engine-state.js';
import { raiseIncident } from '../incidents.js';
import { activated, complete, setLocalVariable, terminate, updateInstance } from '../lifecycle.js';
import type { ProcessingContext } from '../processing-context.js';
import { localVariables, propagateDocument, visibleVariables } from '../variables.js';
import type { ElementBehavior } from './element-behavior.js';

/**
 * The multi-instance body (Zeebe's MULTI_INSTANCE_BODY): one instance around the inner
 * instances of the activity, one per item of the input collection, all at once (parallel) or
 * one after another (sequential). Each inner instance gets `loopCounter` and the input element
 * as local variables; its output element lands at its index of the output collection, which
 * the body propagates when it completes. A true completion condition ends the loop early.
 */
export const multiInstanceBody: ElementBehavior = {
  onActivate(ctx, instance, element) {
    const loop = element.multiInstance;
    if (!loop) throw new Error(`'${element.id}' is not multi-instance`);
    const collection = ctx.feel.evaluate(
      loop.inputCollection,
      visibleVariables(ctx, instance.key),
      ctx.env,
    );
    if (!collection.ok || !Array.isArray(collection.value)) {
      raiseIncident(
        ctx,
        instance,
        'EXTRACT_VALUE_ERROR',
        collection.ok
          ? `Expected result of the expression '${loop.inputCollection}' to be 'ARRAY', but was ${JSON.stringify(collection.value)}.`
          : collection.message,
      );
      return;
    }
    const current = activated(ctx, instance);
    if (!current) return;
    const items = collection.value;
    updateInstance(ctx, current.key, { loopItems: items });
    if (loop.outputCollection)
      setLocalVariable(
        ctx,
        ctx.instance(current.key),
        loop.outputCollection,
        items.map(() => null),
      );
    if (items.length === 0) {
      complete(ctx, current);
      return;
    }
    const count = loop.sequential ? 1 : items.length;
    for (let i = 0; i < count; i++) startInner(ctx, current, element, items, i);
  },
  onChildFinished(ctx, body, child) {
    const element = ctx.elementOf(body);
    const loop = element.multiInstance!;
    if (child.state === 'ELEMENT_COMPLETED') collectOutput(ctx, body, child, element);
    if (
      child.state === 'ELEMENT_COMPLETED' &&
      loop.completionCondition &&
      conditionMet(ctx, body, child, loop.completionCondition)
    ) {
      updateInstance(ctx, body.key, { pending: { kind: 'complete' } });
      const others = ctx.state.elementInstances.activeChildren(body.key);
      if (others.length === 0) finish(ctx, body.key);
      else for (const other of others) terminate(ctx, other);
      return;
    }
    const current = ctx.instance(body.key);
    const items = current.loopItems ?? [];
    if (loop.sequential && current.loopCounter < items.length) {
      startInner(ctx, current, element, items, current.loopCounter);
      return;
    }
    if (current.tokens === 0) complete(ctx, current);
  },
  onCompleting(ctx, body, element) {
    const output = element.multiInstance?.outputCollection;
    if (output && body.flowScopeKey !== null) {
      const value = localVariables(ctx, body.key)[output];
      propagateDocument(ctx, body.flowScopeKey, { [output]: value });
    }
    return true;
  },
};

function finish(ctx: ProcessingContext, bodyKey: number): void {
  updateInstance(ctx, bodyKey, { pending: null });
  complete(ctx, ctx.instance(bodyKey));
}

function startInner(
  ctx: ProcessingContext,
  body: ElementInstanceRow,
  element: ExecutableElement,
  items: unknown[],
  index: number,
): void {
  const loop = element.multiInstance!;
  const variables: Record<string, unknown> = { loopCounter: index + 1 };
  if (loop.inputElement) variables[loop.inputElement] = items[index] ?? null;
  // Zeebe creates the output element's variable locally in each inner instance, so a job's
  // result lands there (propagation stops at the nearest scope with the name) instead of
  // overwriting a shared variable of the process.
  const outputName = /^=\s*([A-Za-z_][A-Za-z0-9_]*)\s*$/.exec(loop.outputElement ?? '')?.[1];
  if (outputName && !(outputName in variables)) variables[outputName] = null;
  const current = updateInstance(ctx, body.key, {
    tokens: ctx.instance(body.key).tokens + 1,
    loopCounter: index + 1,
  });
  ctx.enqueue({
    kind: 'activate',
    flowScopeKey: current.key,
    elementId: element.id,
    inner: true,
    loopCounter: index + 1,
    variables,
  });
}

function collectOutput(
  ctx: ProcessingContext,
  body: ElementInstanceRow,
  child: ElementInstanceRow,
  element: ExecutableElement,
): void {
  const loop = element.multiInstance!;
  if (!loop.outputCollection || !loop.outputElement) return;
  const result = ctx.feel.evaluate(loop.outputElement, visibleVariables(ctx, child.key), ctx.env);
  const collection = [
    ...((localVariables(ctx, body.key)[loop.outputCollection] as unknown[]) ?? []),
  ];
  collection[child.loopCounter - 1] = result.ok ? result.value : null;
  setLocalVariable(ctx, body, loop.outputCollection, collection);
}

function conditionMet(
  ctx: ProcessingContext,
  body: ElementInstanceRow,
  child: ElementInstanceRow,
  condition: string,
): boolean {
  const variables = { ...visibleVariables(ctx, child.key), ...completionCounters(ctx, body) };
  const result = ctx.feel.evaluate(condition, variables, ctx.env);
  return result.ok && result.value === true;
}

/** Zeebe's numberOfInstances / numberOfCompletedInstances / numberOfActiveInstances. */
function completionCounters(
  ctx: ProcessingContext,
  body: ElementInstanceRow,
): Record<string, number> {
  const items = ctx.instance(body.key).loopItems ?? [];
  const active = ctx.state.elementInstances.activeChildren(body.key).length;
  return {
    numberOfInstances: items.length,
    numberOfActiveInstances: active,
    numberOfCompletedInstances: body.loopCounter - active,
  };
}
