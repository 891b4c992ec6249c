import { operationRequest, parseBody, setVariablesRequest } from './command-requests.js';
import { RestProblem } from './problem-details.js';
import { presentElementInstance, presentIncident, presentVariable } from './rest-presenters.js';
import { noContent, ok, pathKey, type RestRequest, type Route } from './route.js';
import { parseSearch, searchResponse } from './search-request.js';
import { ELEMENT_INSTANCE_SEARCH, INCIDENT_SEARCH, VARIABLE_SEARCH } from './search-specs.js';

/** `?truncateValues=false` asks for whole variable values; Camunda truncates by default. */
export function truncateValues(request: RestRequest): boolean {
  return request.query.get('truncateValues') !== 'false';
}

/** Element instances, variables and incidents. */
export const searchEndpoints: Route[] = [
  {
    method: 'GET',
    path: '/v2/element-instances/{elementInstanceKey}',
    body: 'none',
    async handle(request, { engine, names }) {
      const key = pathKey(request, 'elementInstanceKey');
      const [row] = engine.search.elementInstances({ filter: { elementInstanceKey: key } }).items;
      if (!row) throw new RestProblem('NOT_FOUND', `Element instance with key '${key}' not found`);
      return ok(
        presentElementInstance(
          row,
          await names.names(row.processDefinitionKey, row.processDefinitionId),
        ),
      );
    },
  },
  {
    method: 'PUT',
    path: '/v2/element-instances/{elementInstanceKey}/variables',
    body: 'json',
    async handle(request, { engine }) {
      const elementInstanceKey = pathKey(request, 'elementInstanceKey');
      const { variables, local } = parseBody(setVariablesRequest, request.body);
      await engine.setVariables({ elementInstanceKey, variables, local: local ?? false });
      return noContent;
    },
  },
  {
    method: 'GET',
    path: '/v2/variables/{variableKey}',
    body: 'none',
    handle(request, { engine }) {
      const key = pathKey(request, 'variableKey');
      const [row] = engine.search.variables({ filter: { variableKey: key } }).items;
      if (!row) throw new RestProblem('NOT_FOUND', `Variable with key '${key}' not found`);
      const { isTruncated: _whole, ...variable } = presentVariable(row, false);
      return ok(variable);
    },
  },
  {
    method: 'GET',
    path: '/v2/incidents/{incidentKey}',
    body: 'none',
    handle(request, { engine }) {
      const key = pathKey(request, 'incidentKey');
      const [row] = engine.search.incidents({ filter: { incidentKey: key } }).items;
      if (!row) throw new RestProblem('NOT_FOUND', `Incident with key '${key}' not found`);
      return ok(presentIncident(row));
    },
  },
  {
    method: 'POST',
    path: '/v2/element-instances/search',
    body: 'json',
    async handle({ body }, { engine, names }) {
      const search = parseSearch(body, ELEMENT_INSTANCE_SEARCH);
      const rows = searchResponse(
        search,
        (query) => engine.search.elementInstances(query),
        (row) => row,
      );
      const items = await Promise.all(
        rows.items.map(async (row) =>
          presentElementInstance(
            row,
            await names.names(row.processDefinitionKey, row.processDefinitionId),
          ),
        ),
      );
      return ok({ items, page: rows.page });
    },
  },
  {
    method: 'POST',
    path: '/v2/variables/search',
    body: 'json',
    handle: (request, { engine }) => {
      const truncate = truncateValues(request);
      return ok(
        searchResponse(
          parseSearch(request.body, VARIABLE_SEARCH),
          (query) => engine.search.variables(query),
          (row) => presentVariable(row, truncate),
        ),
      );
    },
  },
  {
    method: 'POST',
    path: '/v2/incidents/search',
    body: 'json',
    handle: ({ body }, { engine }) =>
      ok(
        searchResponse(
          parseSearch(body, INCIDENT_SEARCH),
          (query) => engine.search.incidents(query),
          presentIncident,
        ),
      ),
  },
  {
    method: 'POST',
    path: '/v2/incidents/{incidentKey}/resolution',
    body: 'json',
    async handle(request, { engine }) {
      parseBody(operationRequest, request.body);
      await engine.resolveIncident(pathKey(request, 'incidentKey'));
      return noContent;
    },
  },
];
