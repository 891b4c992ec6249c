/** Saves the draft of a task's form a moment after the last change (`PUT .../draft`). */
import { useEffect, useRef, useState } from 'react';
import { apiFetch } from '../../api/http-client.js';

/** Autosave state shown to the user. */
export type AutosaveState = 'idle' | 'saving' | 'saved' | 'failed';

/** Saves `data` 1.5 s after it last changed; skips the data the form was loaded with. */
export function useAutosave(
  taskKey: string,
  data: Record<string, unknown> | undefined,
  enabled: boolean,
) {
  const [state, setState] = useState<AutosaveState>('idle');
  const first = useRef(true);
  useEffect(() => {
    if (!data || !enabled) return;
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = setTimeout(() => {
      setState('saving');
      apiFetch<void>(`/api/tasks/${taskKey}/draft`, { method: 'PUT', body: { data } })
        .then(() => setState('saved'))
        .catch(() => setState('failed'));
    }, 1500);
    return () => clearTimeout(timer);
  }, [taskKey, data, enabled]);
  return state;
}
