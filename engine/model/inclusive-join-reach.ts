import type { ExecutableElement, SequenceFlow } from './executable-model.js';

/**
 * For every joining inclusive gateway (more than one incoming flow), the ids of the elements of
 * its scope from which a path of sequence flows leads to it without passing through the gateway
 * itself. A boundary event that can reach the gateway makes the activity it is attached to
 * reach it too; a subprocess is one node of its parent scope, so nothing inside it is listed.
 *
 * Zeebe activates such a join as soon as no other token of the scope sits on one of these
 * elements; computing them once at deploy time keeps that check cheap while running.
 */
export function inclusiveJoinReach(
  elements: ReadonlyMap<string, ExecutableElement>,
  flows: ReadonlyMap<string, SequenceFlow>,
): Map<string, ReadonlySet<string>> {
  const reach = new Map<string, ReadonlySet<string>>();
  for (const gateway of elements.values()) {
    if (gateway.type !== 'INCLUSIVE_GATEWAY' || gateway.incoming.length < 2) continue;
    reach.set(gateway.id, elementsReaching(gateway, elements, flows));
  }
  return reach;
}

/** Walks the sequence flows backwards from the gateway. */
function elementsReaching(
  gateway: ExecutableElement,
  elements: ReadonlyMap<string, ExecutableElement>,
  flows: ReadonlyMap<string, SequenceFlow>,
): Set<string> {
  const found = new Set<string>();
  const queue: ExecutableElement[] = [gateway];
  const visit = (id: string | undefined) => {
    const element = id === undefined ? undefined : elements.get(id);
    if (!element || element.id === gateway.id || found.has(element.id)) return;
    found.add(element.id);
    queue.push(element);
  };
  for (let next = queue.shift(); next; next = queue.shift()) {
    if (next.type === 'BOUNDARY_EVENT') visit(next.attachedToId);
    for (const flowId of next.incoming) visit(flows.get(flowId)?.sourceId);
  }
  return found;
}
