/**
 * What the timeline needs from a BPMN model: for each flow element its name and kind, where its
 * sequence flows lead, the boundary events attached to it, and its timer definition. Parsed with
 * bpmn-moddle + zeebe-bpmn-moddle, the parser the engine and the models' tests use.
 */
import zeebeSchema from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };

/** One flow element of the model. */
export interface ModelNode {
  id: string;
  name: string;
  /** The BPMN type without prefix, e.g. `UserTask`, `BoundaryEvent`, `ExclusiveGateway`. */
  kind: string;
  /** Ids of the elements its outgoing sequence flows lead to. */
  next: string[];
  /** Boundary events attached to it. */
  boundaries: string[];
  /** A timer event's definition (ISO 8601 text or a FEEL expression starting with `=`). */
  timer?: { duration?: string; date?: string; cycle?: string };
}

type Moddle = {
  $type: string;
  id: string;
  name?: string;
  flowElements?: Moddle[];
  outgoing?: Moddle[];
  targetRef?: Moddle;
  attachedToRef?: Moddle;
  eventDefinitions?: Moddle[];
  timeDuration?: { body?: string };
  timeDate?: { body?: string };
  timeCycle?: { body?: string };
  rootElements?: Moddle[];
};

interface ModdleCtor {
  new (packages: Record<string, unknown>): {
    fromXML(xml: string): Promise<{ rootElement: unknown }>;
  };
}

/** The nodes of every process and sub-process in `xml`, by id. */
export async function readModelGraph(xml: string): Promise<Map<string, ModelNode>> {
  // bpmn-moddle 10 exports its constructor by name only (no entry typings).
  const { BpmnModdle } = (await import('bpmn-moddle')) as unknown as { BpmnModdle: ModdleCtor };
  const { rootElement } = await new BpmnModdle({ zeebe: zeebeSchema }).fromXML(xml);
  const nodes = new Map<string, ModelNode>();
  const visit = (container: Moddle) => {
    for (const element of container.flowElements ?? []) {
      if (element.$type === 'bpmn:SequenceFlow') continue;
      const timer = element.eventDefinitions?.find((d) => d.$type === 'bpmn:TimerEventDefinition');
      nodes.set(element.id, {
        id: element.id,
        name: element.name ?? element.id,
        kind: element.$type.replace(/^bpmn:/, ''),
        next: (element.outgoing ?? [])
          .map((flow) => flow.targetRef?.id)
          .filter(Boolean) as string[],
        boundaries: [],
        ...(timer
          ? {
              timer: {
                ...(timer.timeDuration?.body ? { duration: timer.timeDuration.body } : {}),
                ...(timer.timeDate?.body ? { date: timer.timeDate.body } : {}),
                ...(timer.timeCycle?.body ? { cycle: timer.timeCycle.body } : {}),
              },
            }
          : {}),
      });
      if (element.flowElements) visit(element);
    }
    for (const element of container.flowElements ?? [])
      if (element.attachedToRef) nodes.get(element.attachedToRef.id)?.boundaries.push(element.id);
  };
  for (const root of (rootElement as Moddle).rootElements ?? [])
    if (root.$type === 'bpmn:Process') visit(root);
  return nodes;
}
