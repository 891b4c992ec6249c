/**
 * Element counts over the instances of a version, for the heatmap. The API reports counts per
 * instance, so the page sums the details of the listed instances (at most `HEATMAP_LIMIT`,
 * fetched four at a time so the portal is not flooded).
 */
import { useEffect, useState } from 'react';
import { apiFetch } from '../../api/http-client.js';
import type { ProcessInstance, ProcessInstanceDetail } from '../../api/types.js';
import { addPasses } from './element-passes.js';

/** How many instances the heatmap sums at most. */
export const HEATMAP_LIMIT = 50;

/** Sums element instance counts (all states) per element over `instances`. */
export function useHeatmap(instances: ProcessInstance[] | null) {
  const [counts, setCounts] = useState<Map<string, number> | null>(null);
  const [error, setError] = useState<Error>();
  const keys = (instances ?? []).slice(0, HEATMAP_LIMIT).map((i) => i.processInstanceKey);
  const signature = keys.join(',');
  useEffect(() => {
    if (instances === null) return;
    const abort = new AbortController();
    setCounts(null);
    void (async () => {
      const sum = new Map<string, number>();
      const queue = [...keys];
      const work = async () => {
        for (let key = queue.shift(); key; key = queue.shift()) {
          const detail = await apiFetch<ProcessInstanceDetail>(`/api/process-instances/${key}`, {
            signal: abort.signal,
          });
          addPasses(sum, detail.overlays);
        }
      };
      await Promise.all([work(), work(), work(), work()]);
      if (!abort.signal.aborted) setCounts(sum);
    })().catch((e: Error) => {
      if (!abort.signal.aborted) setError(e);
    });
    return () => abort.abort();
    // the signature stands for the instance list (a new array each render)
  }, [signature, instances === null]);
  return { counts, error, summed: keys.length };
}
