import type { ElementInstanceRow } from './engine-state.js';
import type { ProcessingContext } from './processing-context.js';

/** Changes fields of an instance (reads the current row first, so callers never write stale rows). */
export function updateInstance(
  ctx: ProcessingContext,
  key: number,
  patch: Partial<ElementInstanceRow>,
): ElementInstanceRow {
  const next = { ...ctx.instance(key), ...patch };
  ctx.state.elementInstances.put(next);
  return next;
}
