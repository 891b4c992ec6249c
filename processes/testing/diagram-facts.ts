import type { ModdleNode } from './read-model.js';

/** A shape's bounds in diagram coordinates. */
export interface Bounds {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The diagram interchange (BPMNDI) of a model: what a modeler draws. */
export interface DiagramFacts {
  /** Shapes by element id. */
  readonly shapes: ReadonlyMap<string, { element: ModdleNode; bounds: Bounds }>;
  /** Edge waypoints by sequence flow id. */
  readonly edges: ReadonlyMap<string, readonly { x: number; y: number }[]>;
}

/** Reads shapes and edges of every diagram of the definitions. */
export function diagramFacts(definitions: ModdleNode): DiagramFacts {
  const shapes = new Map<string, { element: ModdleNode; bounds: Bounds }>();
  const edges = new Map<string, { x: number; y: number }[]>();
  const diagrams = (definitions['diagrams'] as ModdleNode[] | undefined) ?? [];
  for (const diagram of diagrams) {
    const plane = diagram['plane'] as ModdleNode | undefined;
    for (const item of (plane?.['planeElement'] as ModdleNode[] | undefined) ?? []) {
      const element = item['bpmnElement'] as ModdleNode | undefined;
      if (!element?.id) continue;
      if (item.$type === 'bpmndi:BPMNShape') {
        shapes.set(element.id, { element, bounds: item['bounds'] as Bounds });
      } else if (item.$type === 'bpmndi:BPMNEdge') {
        edges.set(element.id, (item['waypoint'] as { x: number; y: number }[] | undefined) ?? []);
      }
    }
  }
  return { shapes, edges };
}

/** True when two rectangles share an inner area (touching edges do not count). */
export function overlaps(a: Bounds, b: Bounds): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
