import type { Engine } from '../../index.js';

/** Above this many matching instances the engine's own EXISTS filter is left to do the work. */
export const PREFILTER_LIMIT = 1000;

interface VariableCondition {
  name: string;
  value: string;
}

/**
 * Narrows a user task filter's `processInstanceVariables` to a list of process instance keys
 * before the task search runs. The engine answers that filter with an EXISTS probe per task
 * row, which grows with the number of tasks; looking the variable up first and then asking for
 * the tasks of those instances (an indexed IN) is several times faster for the portal's
 * question "the tasks of case X", where the variable matches one instance. When a condition
 * matches more than `limit` instances the filter is passed on unchanged.
 *
 * Answers the filter to run, or `undefined` when no instance can match.
 */
export function narrowByProcessVariables(
  engine: Engine,
  filter: Record<string, unknown>,
  limit = PREFILTER_LIMIT,
): Record<string, unknown> | undefined {
  const conditions = filter.processInstanceVariables as VariableCondition[] | undefined;
  if (!conditions || conditions.length === 0) return filter;
  let keys: Set<string> | undefined;
  const given = filter.processInstanceKey;
  if (given !== undefined)
    keys = new Set(Array.isArray(given) ? (given as string[]) : [given as string]);
  for (const condition of conditions) {
    const found = engine.search.variables({
      filter: { name: condition.name, value: jsonText(condition.value) },
      page: { limit: limit + 1 },
    });
    if (found.page.totalItems > limit) return filter;
    // only the process instance's own scope counts, as Camunda's processInstanceVariables
    const matching = found.items
      .filter((v) => v.scopeKey === v.processInstanceKey)
      .map((v) => v.processInstanceKey);
    keys = new Set(keys ? matching.filter((k) => keys!.has(k)) : matching);
    if (keys.size === 0) return undefined;
  }
  const { processInstanceVariables: _narrowed, ...rest } = filter;
  return { ...rest, processInstanceKey: [...keys!] };
}

/** The variable's stored JSON text: Camunda sends JSON text; a bare word is taken as a string. */
function jsonText(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return JSON.stringify(text);
  }
}
