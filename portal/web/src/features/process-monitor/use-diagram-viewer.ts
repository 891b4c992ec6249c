/** Loads the viewer chunk into a container and opens a version's XML in it. */
import { useEffect, useRef, useState } from 'react';
import { apiText } from '../../api/http-client.js';
import type { DiagramViewer } from './diagram-viewer.js';

/** The viewer for `processDefinitionKey` (null: nothing shown); `ready` once the XML is open. */
export function useDiagramViewer(processDefinitionKey: string | null) {
  const container = useRef<HTMLDivElement>(null);
  const viewer = useRef<DiagramViewer>(null);
  const [ready, setReady] = useState<string | null>(null);
  const [error, setError] = useState<Error>();
  useEffect(() => {
    if (!processDefinitionKey) return;
    let cancelled = false;
    setReady(null);
    void (async () => {
      const [{ createDiagramViewer }, xml] = await Promise.all([
        import('./diagram-viewer.js'),
        apiText(`/api/processes/${processDefinitionKey}/xml`),
      ]);
      if (cancelled || !container.current) return;
      viewer.current ??= createDiagramViewer(container.current);
      await viewer.current.open(xml);
      if (!cancelled) setReady(processDefinitionKey);
    })().catch((e: Error) => setError(e));
    return () => {
      cancelled = true;
    };
  }, [processDefinitionKey]);
  useEffect(() => () => viewer.current?.destroy(), []);
  return { container, viewer, ready, error };
}
