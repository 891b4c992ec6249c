import type { ExecutableElement } from '../model/executable-model.js';
import type { ElementInstanceRow } from './engine-state.js';
import type { ProcessingContext } from './processing-context.js';
import { updateInstance } from './update-instance.js';

/**
 * Joining gateways. Arrivals at a parallel or inclusive gateway with several incoming flows
 * wait in `join_tokens` (each still counts as a token of the scope) until the gateway may
 * activate; then they become the one gateway instance.
 */

/** True for a gateway that joins (parallel or inclusive with more than one incoming flow). */
export function isJoin(element: ExecutableElement): boolean {
  return (
    (element.type === 'PARALLEL_GATEWAY' || element.type === 'INCLUSIVE_GATEWAY') &&
    element.incoming.length > 1
  );
}

/**
 * Records an arrival at a joining gateway and says whether the gateway may activate now. A
 * parallel gateway waits for a token on every incoming flow. An inclusive gateway activates
 * once nothing else in the scope is still running (no token elsewhere could still arrive).
 */
export function joinComplete(
  ctx: ProcessingContext,
  scope: ElementInstanceRow,
  gateway: ExecutableElement,
  flowId: string,
): boolean {
  const arrivals = ctx.state.joins.arrivals(scope.key, gateway.id);
  const existing = arrivals.find((a) => a.flowId === flowId);
  ctx.state.joins.put({
    scopeKey: scope.key,
    gatewayId: gateway.id,
    flowId,
    count: (existing?.count ?? 0) + 1,
  });
  const counts = new Map(arrivals.map((a) => [a.flowId, a.count]));
  counts.set(flowId, (existing?.count ?? 0) + 1);
  const waiting = [...counts.values()].reduce((sum, n) => sum + n, 0);
  const ready =
    gateway.type === 'PARALLEL_GATEWAY'
      ? gateway.incoming.every((id) => (counts.get(id) ?? 0) > 0)
      : waiting === ctx.instance(scope.key).tokens;
  if (!ready) return false;
  let consumed = 0;
  for (const [id, count] of counts) {
    const take = gateway.type === 'PARALLEL_GATEWAY' ? 1 : count;
    if (take === 0) continue;
    consumed += take;
    ctx.state.joins.put({
      scopeKey: scope.key,
      gatewayId: gateway.id,
      flowId: id,
      count: count - take,
    });
  }
  // The consumed arrivals become the one gateway instance about to be created.
  updateInstance(ctx, scope.key, { tokens: ctx.instance(scope.key).tokens - (consumed - 1) });
  return true;
}

const inclusiveJoinsByScope = new WeakMap<object, Map<string, ExecutableElement[]>>();

/** The joining inclusive gateways of each scope of a process (computed once per model). */
function inclusiveJoins(ctx: ProcessingContext, scope: ElementInstanceRow): ExecutableElement[] {
  const process = ctx.processOf(scope);
  let byScope = inclusiveJoinsByScope.get(process);
  if (!byScope) {
    byScope = new Map();
    for (const element of process.elements.values()) {
      if (element.type !== 'INCLUSIVE_GATEWAY' || element.incoming.length < 2) continue;
      const key = element.flowScopeId ?? '';
      byScope.set(key, [...(byScope.get(key) ?? []), element]);
    }
    inclusiveJoinsByScope.set(process, byScope);
  }
  return byScope.get(scope.elementId) ?? [];
}

/**
 * When a token elsewhere in the scope ended, an inclusive join may have nothing left to wait
 * for: if every remaining token of the scope is an arrival at it, it fires now.
 */
export function releaseInclusiveJoin(ctx: ProcessingContext, scope: ElementInstanceRow): boolean {
  for (const gateway of inclusiveJoins(ctx, scope)) {
    const arrivals = ctx.state.joins.arrivals(scope.key, gateway.id);
    const waiting = arrivals.reduce((sum, a) => sum + a.count, 0);
    if (waiting === 0 || waiting !== scope.tokens) continue;
    for (const arrival of arrivals) ctx.state.joins.put({ ...arrival, count: 0 });
    updateInstance(ctx, scope.key, { tokens: scope.tokens - waiting + 1 });
    ctx.enqueue({ kind: 'activate', flowScopeKey: scope.key, elementId: gateway.id });
    return true;
  }
  return false;
}
