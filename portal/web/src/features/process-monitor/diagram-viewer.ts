/**
 * The read-only diagram of the monitor: Camunda's NavigatedViewer (bpmn-js without the modeling
 * tools, about a third of the modeler's size), its own chunk. Overlays are built as DOM nodes
 * with classes (no inline style strings, which the CSP forbids); colours live in
 * `diagram-viewer.css`.
 */
import 'camunda-bpmn-js/dist/assets/camunda-cloud-navigated-viewer.css';
import './diagram-viewer.css';
import NavigatedViewer from 'camunda-bpmn-js/lib/camunda-cloud/NavigatedViewer';
import { heatLevel } from './element-passes.js';

/** Element counts of one instance (as `GET /api/process-instances/:key` reports them). */
export interface ElementCounts {
  elementId: string;
  active: number;
  completed: number;
  terminated: number;
  incidents: number;
}

/** What the monitor needs of the viewer. */
export interface DiagramViewer {
  open(xml: string): Promise<void>;
  /** Badges for active tokens and incidents (one instance). */
  showTokens(counts: ElementCounts[], labels: { active: string; incidents: string }): void;
  /** Shades elements by how many instances passed them (0..max in five steps). */
  showHeatmap(counts: Map<string, number>, label: (count: number) => string): void;
  destroy(): void;
}

interface Overlays {
  add(elementId: string, type: string, overlay: { position: object; html: HTMLElement }): void;
  remove(filter: { type: string }): void;
}
interface Canvas {
  zoom(level: string): void;
  addMarker(elementId: string, marker: string): void;
  removeMarker(elementId: string, marker: string): void;
}
interface Registry {
  get(id: string): unknown;
}

const heatLevels = ['heat-1', 'heat-2', 'heat-3', 'heat-4', 'heat-5'];

function badge(className: string, text: string, label: string): HTMLElement {
  const span = document.createElement('span');
  span.className = `monitor-badge ${className}`;
  span.textContent = text;
  span.setAttribute('title', label);
  span.setAttribute('aria-label', label);
  return span;
}

/** Creates the viewer in `container`. */
export function createDiagramViewer(container: HTMLElement): DiagramViewer {
  const viewer = new NavigatedViewer({ container });
  const overlays = () => viewer.get('overlays') as Overlays;
  const canvas = () => viewer.get('canvas') as Canvas;
  const registry = () => viewer.get('elementRegistry') as Registry;
  const marked: string[] = [];
  const clear = () => {
    overlays().remove({ type: 'monitor' });
    for (const id of marked.splice(0)) for (const m of heatLevels) canvas().removeMarker(id, m);
  };
  return {
    async open(xml) {
      marked.length = 0;
      await viewer.importXML(xml);
      canvas().zoom('fit-viewport');
    },
    showTokens(counts, labels) {
      clear();
      for (const c of counts) {
        if (!registry().get(c.elementId)) continue;
        if (c.active > 0)
          overlays().add(c.elementId, 'monitor', {
            position: { bottom: 0, left: 0 },
            html: badge('monitor-active', String(c.active), `${labels.active}: ${c.active}`),
          });
        if (c.incidents > 0)
          overlays().add(c.elementId, 'monitor', {
            position: { bottom: 0, right: 0 },
            html: badge(
              'monitor-incident',
              String(c.incidents),
              `${labels.incidents}: ${c.incidents}`,
            ),
          });
      }
    },
    showHeatmap(counts, label) {
      clear();
      const max = Math.max(0, ...counts.values());
      for (const [id, count] of counts) {
        if (!registry().get(id) || count === 0) continue;
        const level = heatLevel(count, max);
        canvas().addMarker(id, heatLevels[level]!);
        marked.push(id);
        overlays().add(id, 'monitor', {
          position: { top: -12, right: 0 },
          html: badge('monitor-count', String(count), label(count)),
        });
      }
    },
    destroy: () => viewer.destroy(),
  };
}
