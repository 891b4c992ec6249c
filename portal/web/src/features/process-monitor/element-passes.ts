/** Sums element counts of several instances into passes per element (the heatmap's numbers). */
import type { ProcessInstanceDetail } from '../../api/types.js';

/** Adds one instance's counts (active, completed and terminated element instances) to `sum`. */
export function addPasses(sum: Map<string, number>, overlays: ProcessInstanceDetail['overlays']) {
  for (const o of overlays)
    sum.set(o.elementId, (sum.get(o.elementId) ?? 0) + o.active + o.completed + o.terminated);
  return sum;
}

/** The heat level 0..4 of `count` relative to the busiest element's `max`. */
export const heatLevel = (count: number, max: number) =>
  max <= 0 ? 0 : Math.min(4, Math.floor((count / max) * 4.999));
