import { elementOf, type ExecutableElement } from '../model/executable-model.js';
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
 * parallel gateway waits for a token on every incoming flow. An inclusive gateway activates as
 * soon as no other token of the scope can still reach it (see canStillArrive).
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
  const ready =
    gateway.type === 'PARALLEL_GATEWAY'
      ? gateway.incoming.every((id) => (counts.get(id) ?? 0) > 0)
      : !canStillArrive(ctx, scope, gateway);
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

/**
 * True while another token of the scope could still arrive at an inclusive join: an element
 * instance on an element that can reach it, a queued activation of such an element or of the
 * gateway itself, or tokens waiting at another join on a path to it. Tokens that cannot reach
 * the gateway are not waited for (Zeebe 8.6+).
 */
function canStillArrive(
  ctx: ProcessingContext,
  scope: ElementInstanceRow,
  gateway: ExecutableElement,
): boolean {
  const process = ctx.processOf(scope);
  const reach = process.inclusiveJoinReach.get(gateway.id) ?? new Set<string>();
  const queued = ctx.steps.some(
    (step) =>
      step.kind === 'activate' &&
      step.flowScopeKey === scope.key &&
      (step.elementId === gateway.id || reach.has(step.elementId)),
  );
  if (queued) return true;
  for (const id of reach) {
    const element = elementOf(process, id);
    if (!isJoin(element)) continue;
    if (ctx.state.joins.arrivals(scope.key, id).some((a) => a.count > 0)) return true;
  }
  return ctx.state.elementInstances
    .activeChildren(scope.key)
    .some((child) => reach.has(child.elementId));
}

/** The joining inclusive gateways directly inside a scope. */
function inclusiveJoins(ctx: ProcessingContext, scope: ElementInstanceRow): ExecutableElement[] {
  const process = ctx.processOf(scope);
  return [...process.inclusiveJoinReach.keys()]
    .map((id) => elementOf(process, id))
    .filter((gateway) => gateway.flowScopeId === scope.elementId);
}

/**
 * When a token elsewhere in the scope ended or moved off every path to an inclusive join, the
 * join may have nothing left to wait for: if tokens wait at it and no other token can still
 * reach it, it fires now.
 */
export function releaseInclusiveJoin(ctx: ProcessingContext, scope: ElementInstanceRow): boolean {
  let released = false;
  for (const gateway of inclusiveJoins(ctx, scope)) {
    const arrivals = ctx.state.joins.arrivals(scope.key, gateway.id);
    const waiting = arrivals.reduce((sum, a) => sum + a.count, 0);
    if (waiting === 0 || canStillArrive(ctx, scope, gateway)) continue;
    for (const arrival of arrivals) ctx.state.joins.put({ ...arrival, count: 0 });
    updateInstance(ctx, scope.key, { tokens: ctx.instance(scope.key).tokens - waiting + 1 });
    ctx.enqueue({ kind: 'activate', flowScopeKey: scope.key, elementId: gateway.id });
    released = true;
  }
  return released;
}
