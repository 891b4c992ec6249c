import { invalidField, notSupported } from './problem-details.js';
import { translateFilter, type FilterSpec } from './search-filters.js';
import { pageResponse, parsePage, type EnginePage, type PageRequest } from './search-paging.js';

/**
 * What one search endpoint serves: its filter fields and its sort fields (Camunda 8.8 name ->
 * engine sort field, or null for a field that is accepted but orders nothing here, like
 * `tenantId` with the one default tenant).
 */
export interface SearchSpec {
  readonly filters: Readonly<Record<string, FilterSpec>>;
  readonly sort: Readonly<Record<string, string | null>>;
}

/** A parsed search request in the engine's terms. */
export interface EngineSearch {
  readonly query: {
    filter: Record<string, unknown>;
    sort: { field: string; order: 'ASC' | 'DESC' }[];
    page: PageRequest;
  };
  /** True when the request cannot match anything (a tenant other than `<default>`). */
  readonly matchesNothing: boolean;
}

/** Parses a Camunda 8.8 search request body (`filter`, `sort`, `page`). */
export function parseSearch(body: unknown, spec: SearchSpec): EngineSearch {
  const request = body ?? {};
  if (typeof request !== 'object' || Array.isArray(request))
    throw invalidField('body', 'expected a search request object with filter, sort and page');
  const { filter, sort, page, ...rest } = request as Record<string, unknown>;
  const [unknown] = Object.keys(rest);
  if (unknown !== undefined)
    throw invalidField(unknown, 'unknown field of a search request; expected filter, sort or page');
  const translated = translateFilter(filter, spec.filters);
  return {
    query: { filter: translated.filter, sort: parseSort(sort, spec.sort), page: parsePage(page) },
    matchesNothing: translated.matchesNothing,
  };
}

function parseSort(
  value: unknown,
  fields: SearchSpec['sort'],
): { field: string; order: 'ASC' | 'DESC' }[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalidField('sort', 'expected a list of { field, order }');
  const sort: { field: string; order: 'ASC' | 'DESC' }[] = [];
  value.forEach((entry, i) => {
    const at = `sort[${i}]`;
    if (typeof entry !== 'object' || entry === null)
      throw invalidField(at, 'expected { field, order }');
    const { field, order } = entry as { field?: unknown; order?: unknown };
    if (typeof field !== 'string' || !(field in fields))
      throw notSupported(
        `${at}.field`,
        `cannot sort by ${JSON.stringify(field)}; expected one of ${Object.keys(fields).join(', ')}`,
      );
    const direction =
      order === undefined ? 'ASC' : typeof order === 'string' ? order.toUpperCase() : '';
    if (direction !== 'ASC' && direction !== 'DESC')
      throw invalidField(`${at}.order`, `expected ASC or DESC, got ${JSON.stringify(order)}`);
    const engineField = fields[field];
    if (engineField) sort.push({ field: engineField, order: direction });
  });
  return sort;
}

/** Runs a parsed search against an engine query and answers in Camunda 8.8's shape. */
export function searchResponse<Row, Item>(
  search: EngineSearch,
  run: (query: EngineSearch['query']) => { items: Row[]; page: EnginePage },
  present: (row: Row) => Item,
): { items: Item[]; page: ReturnType<typeof pageResponse> } {
  if (search.matchesNothing)
    return { items: [], page: pageResponse({ totalItems: 0, hasMoreTotalItems: false }) };
  const result = run(search.query);
  return { items: result.items.map(present), page: pageResponse(result.page) };
}
