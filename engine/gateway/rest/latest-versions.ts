import type { Engine } from '../../index.js';
import type { EngineSearch } from './search-request.js';

/** Deployed process versions are few (hundreds); the latest-version filter reads them all. */
const ALL = { from: 0, limit: 10_000 };

/**
 * The process definition search with Camunda's `isLatestVersion` filter, which the engine's
 * search does not have: with `isLatestVersion: true`, only the highest version of each process
 * id is answered (the latest overall, whatever the other filters select). Done in memory over
 * the deployed versions, then paged.
 */
export function searchProcessDefinitions(engine: Engine, query: EngineSearch['query']) {
  const { isLatestVersion, ...filter } = query.filter;
  if (isLatestVersion !== true) return engine.search.processDefinitions({ ...query, filter });
  const latest = new Map<string, number>();
  for (const definition of engine.search.processDefinitions({ page: ALL }).items) {
    const known = latest.get(definition.processDefinitionId) ?? 0;
    latest.set(definition.processDefinitionId, Math.max(known, definition.version));
  }
  const selected = engine.search
    .processDefinitions({ filter, sort: query.sort, page: ALL })
    .items.filter(
      (definition) => latest.get(definition.processDefinitionId) === definition.version,
    );
  return {
    items: selected.slice(query.page.from, query.page.from + query.page.limit),
    page: { totalItems: selected.length },
  };
}
