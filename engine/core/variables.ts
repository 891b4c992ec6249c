import type { Mapping } from '../model/executable-model.js';
import type { ElementInstanceRow } from './engine-state.js';
import type { ProcessingContext } from './processing-context.js';

/**
 * Variables and scopes as Zeebe documents them: every element instance is a scope; reading
 * sees the scope and all its ancestors (inner names shadow outer ones); a local write stays in
 * its scope; a propagating write updates the nearest scope that already has the name and
 * otherwise creates it in the process instance (root) scope.
 */

/** The chain of scope keys from `scopeKey` outwards to the process instance. */
export function scopeChain(ctx: ProcessingContext, scopeKey: number): ElementInstanceRow[] {
  const chain: ElementInstanceRow[] = [];
  let current: number | null = scopeKey;
  while (current !== null && current !== -1) {
    const instance = ctx.state.elementInstances.get(current);
    if (!instance) break;
    chain.push(instance);
    current = instance.flowScopeKey;
  }
  return chain;
}

/** All variables visible from a scope, as one document. */
export function visibleVariables(
  ctx: ProcessingContext,
  scopeKey: number,
): Record<string, unknown> {
  const chain = scopeChain(ctx, scopeKey);
  const document: Record<string, unknown> = {};
  for (let i = chain.length - 1; i >= 0; i--) {
    for (const variable of ctx.state.variables.ofScope(chain[i]!.key))
      document[variable.name] = JSON.parse(variable.value);
  }
  return document;
}

/** The variables of exactly one scope. */
export function localVariables(ctx: ProcessingContext, scopeKey: number): Record<string, unknown> {
  const document: Record<string, unknown> = {};
  for (const variable of ctx.state.variables.ofScope(scopeKey))
    document[variable.name] = JSON.parse(variable.value);
  return document;
}

/** Sets one variable in one scope, writing VARIABLE CREATED or UPDATED (nothing when unchanged). */
export function setLocalVariable(
  ctx: ProcessingContext,
  scope: ElementInstanceRow,
  name: string,
  value: unknown,
): void {
  const text = JSON.stringify(value ?? null);
  const existing = ctx.state.variables.get(scope.key, name);
  if (existing && existing.value === text) return;
  const key = existing?.key ?? ctx.nextKey();
  ctx.state.variables.put({
    key,
    name,
    value: text,
    scopeKey: scope.key,
    processInstanceKey: scope.processInstanceKey,
    processDefinitionKey: scope.processDefinitionKey,
    bpmnProcessId: scope.bpmnProcessId,
  });
  ctx.write('VARIABLE', existing ? 'UPDATED' : 'CREATED', key, {
    name,
    value: text,
    scopeKey: scope.key,
    processInstanceKey: scope.processInstanceKey,
    processDefinitionKey: scope.processDefinitionKey,
    bpmnProcessId: scope.bpmnProcessId,
    tenantId: '<default>',
  });
}

/** Sets every entry of a document locally in one scope. */
export function setLocalDocument(
  ctx: ProcessingContext,
  scope: ElementInstanceRow,
  document: Record<string, unknown>,
): void {
  for (const [name, value] of Object.entries(document)) setLocalVariable(ctx, scope, name, value);
}

/** Propagates a document from `scopeKey` outwards (Zeebe's merge semantics). */
export function propagateDocument(
  ctx: ProcessingContext,
  scopeKey: number,
  document: Record<string, unknown>,
): void {
  const entries = Object.entries(document);
  if (entries.length === 0) return;
  const chain = scopeChain(ctx, scopeKey);
  const root = chain[chain.length - 1];
  if (!root) return;
  for (const [name, value] of entries) {
    const owner =
      chain.find((scope) => ctx.state.variables.get(scope.key, name) !== undefined) ?? root;
    setLocalVariable(ctx, owner, name, value);
  }
}

/** Result of evaluating a list of mappings. */
export type MappingResult =
  { ok: true; document: Record<string, unknown> } | { ok: false; message: string };

/**
 * Evaluates input or output mappings against a context. Later mappings see the results of
 * earlier ones (Zeebe evaluates them in order into one document). Targets may be dotted paths
 * (`order.id`), which build nested contexts.
 */
export function evaluateMappings(
  ctx: ProcessingContext,
  mappings: readonly Mapping[],
  context: Record<string, unknown>,
): MappingResult {
  const document: Record<string, unknown> = {};
  for (const mapping of mappings) {
    let value: unknown = mapping.source;
    if (ctx.feel.isExpression(mapping.source)) {
      const result = ctx.feel.evaluate(mapping.source, { ...context, ...document }, ctx.env);
      if (!result.ok) return { ok: false, message: result.message };
      value = result.value;
    }
    assignPath(document, mapping.target, value);
  }
  return { ok: true, document };
}

function assignPath(document: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let target = document;
  for (const part of parts.slice(0, -1)) {
    const next = target[part];
    target = target[part] =
      next && typeof next === 'object' && !Array.isArray(next)
        ? { ...(next as Record<string, unknown>) }
        : {};
  }
  target[parts[parts.length - 1]!] = value;
}
