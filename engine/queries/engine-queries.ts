import type Database from 'better-sqlite3';
import type {
  ElementInstanceRow,
  IncidentRow,
  ProcessDefinitionRow,
  ProcessInstanceRow,
  UserTaskRow,
  VariableRow,
} from '../core/engine-state.js';
import type {
  ElementInstanceFilter,
  IncidentFilter,
  ProcessDefinitionFilter,
  ProcessInstanceFilter,
  UserTaskFilter,
  VariableFilter,
} from './search-filters.js';
import { TABLES } from '../state/schema.js';
import { MappedTable } from '../state/table-spec.js';
import {
  presentDefinition,
  presentElementInstance,
  presentIncident,
  presentProcessInstance,
  presentUserTask,
  presentVariable,
} from './presenters.js';
import {
  dateRange,
  equals,
  explainSearch,
  runSearch,
  type SearchDefinition,
  type SearchSource,
  toKey,
  type FilterRule,
  type SearchQuery,
  type SearchResult,
} from './search.js';

const ACTIVE_ELEMENT_STATES = [
  'ELEMENT_ACTIVATING',
  'ELEMENT_ACTIVATED',
  'ELEMENT_COMPLETING',
  'ELEMENT_TERMINATING',
];

const elementStateRule: FilterRule = (value) => {
  if (value === undefined) return undefined;
  if (value === 'ACTIVE')
    return {
      sql: `state IN (${ACTIVE_ELEMENT_STATES.map(() => '?').join(', ')})`,
      params: ACTIVE_ELEMENT_STATES,
    };
  return { sql: 'state = ?', params: [`ELEMENT_${String(value)}`] };
};

/** ISO date range on a text column holding ISO date-times (user task due and follow-up dates). */
const isoRange =
  (column: string): FilterRule =>
  (value) => {
    const range = value as { from?: string; to?: string } | undefined;
    if (!range) return undefined;
    const parts: string[] = [];
    const params: unknown[] = [];
    // julianday() compares instants, whatever offset each date was written with
    if (range.from) {
      parts.push(`julianday(${column}) >= julianday(?)`);
      params.push(range.from);
    }
    if (range.to) {
      parts.push(`julianday(${column}) <= julianday(?)`);
      params.push(range.to);
    }
    return parts.length
      ? { sql: `${column} IS NOT NULL AND ${parts.join(' AND ')}`, params }
      : undefined;
  };

/**
 * Rows whose scope has every listed variable with exactly this value. Each condition is an IN
 * over the variables index on (name, value), so it costs the matching variables, not a probe
 * per row; `ownScope` keeps only variables of the process instance's own scope.
 */
const variablesMatch =
  (column: string, ownScope: boolean): FilterRule =>
  (value) => {
    const list = value as { name: string; value: unknown }[] | undefined;
    if (!list || list.length === 0) return undefined;
    const scope = ownScope ? ' AND scope_key = process_instance_key' : '';
    return {
      sql: list
        .map(
          () =>
            `${column} IN (SELECT scope_key FROM variables WHERE name = ? AND value = ?${scope})`,
        )
        .join(' AND '),
      params: list.flatMap((entry) => [
        entry.name,
        typeof entry.value === 'string' ? normaliseJson(entry.value) : JSON.stringify(entry.value),
      ]),
    };
  };

/** One candidate (group or user) or a list of them, as `candidateGroup` and `$in` give it. */
function candidateList(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  return (Array.isArray(value) ? value : [value]).map(String);
}

/**
 * Tasks offered to one of these candidates: an IN over the candidates side table (used when
 * the side table does not drive the search, see `candidateSource`).
 */
const candidatesOf =
  (kind: 'group' | 'user'): FilterRule =>
  (value) => {
    const candidates = candidateList(value);
    if (!candidates) return undefined;
    if (candidates.length === 0) return { sql: '0', params: [] };
    return {
      sql: `key IN (SELECT task_key FROM user_task_candidates WHERE candidate_kind = ? AND candidate IN (${candidates.map(() => '?').join(', ')}))`,
      params: [kind, ...candidates],
    };
  };

/**
 * For one candidate group (or else one candidate user) the side table drives the search: its
 * primary key (kind, candidate, state, due date, key) gives a group's open tasks in due-date
 * order, so a page is a range read and the next page continues it. With several candidates a
 * task could appear once per candidate, so `$in` uses the IN of `candidatesOf` instead.
 */
function candidateSource(filter: Readonly<Record<string, unknown>>): SearchSource | undefined {
  const field = ['candidateGroup', 'candidateUser'].find(
    (name) => candidateList(filter[name])?.length === 1,
  );
  if (!field) return undefined;
  const conditions = [
    {
      sql: 'candidate_kind = ? AND candidate = ?',
      params: [field === 'candidateGroup' ? 'group' : 'user', candidateList(filter[field])![0]],
    },
  ];
  const consumes = [field];
  const state = filter.state;
  const states = Array.isArray(state) ? state : state === undefined ? [] : [state];
  if (states.length === 1) {
    conditions.push({ sql: 'task_state = ?', params: [states[0]] });
    consumes.push('state');
  }
  return {
    table: 'user_task_candidates',
    from: 'user_task_candidates JOIN user_tasks ON user_tasks.key = user_task_candidates.task_key',
    key: 'task_key',
    sortColumns: {
      key: 'task_key',
      [utcInstant('due_date')]: 'task_due_date',
      creation_date: 'task_creation_date',
    },
    conditions,
    consumes,
  };
}

/** Camunda sends variable values as JSON text; a bare word is taken as a string. */
function normaliseJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return JSON.stringify(text);
  }
}

/**
 * The searches behind the REST API, served from the indexed state tables the engine keeps in
 * the same transactions as its records.
 */
export class EngineQueries {
  private readonly definitions;

  constructor(private readonly db: Database.Database) {
    this.definitions = searchDefinitions({
      definitions: new MappedTable<ProcessDefinitionRow>(db, TABLES.processDefinitions),
      instances: new MappedTable<ProcessInstanceRow>(db, TABLES.processInstances),
      elements: new MappedTable<ElementInstanceRow>(db, TABLES.elementInstances),
      variables: new MappedTable<VariableRow>(db, TABLES.variables),
      incidents: new MappedTable<IncidentRow>(db, TABLES.incidents),
      userTasks: new MappedTable<UserTaskRow>(db, TABLES.userTasks),
    });
  }

  /**
   * SQLite's plan for one search (`EXPLAIN QUERY PLAN` of its page and its count): what a test
   * checks to know a search reads an index instead of scanning its table.
   */
  explain(
    search: SearchName,
    query: SearchQuery<Record<string, unknown>> = {},
  ): { page: string[]; count: string[] } {
    return explainSearch(
      this.db,
      this.definitions[search] as SearchDefinition<unknown, unknown>,
      query,
    );
  }

  /** Process definitions. */
  processDefinitions(
    query: SearchQuery<ProcessDefinitionFilter> = {},
  ): SearchResult<ReturnType<typeof presentDefinition>> {
    return runSearch(
      this.db,
      this.definitions.processDefinitions,
      query as SearchQuery<Record<string, unknown>>,
    );
  }

  /** The deployed XML of a process definition. */
  processDefinitionXml(key: string): string | undefined {
    const row = this.db
      .prepare('SELECT xml FROM process_resources WHERE key = ?')
      .get(toKey(key)) as { xml: string } | undefined;
    return row?.xml;
  }

  /** Process instances. */
  processInstances(
    query: SearchQuery<ProcessInstanceFilter> = {},
  ): SearchResult<ReturnType<typeof presentProcessInstance>> {
    return runSearch(
      this.db,
      this.definitions.processInstances,
      query as SearchQuery<Record<string, unknown>>,
    );
  }

  /** Element instances (flow nodes, not the process itself). */
  elementInstances(
    query: SearchQuery<ElementInstanceFilter> = {},
  ): SearchResult<ReturnType<typeof presentElementInstance>> {
    return runSearch(
      this.db,
      this.definitions.elementInstances,
      query as SearchQuery<Record<string, unknown>>,
    );
  }

  /**
   * Per element: how many instances are active, completed, terminated, and how many have an
   * incident, for diagram overlays (Camunda 8.8's element-instance statistics). Filter by
   * process definition or process instance.
   */
  elementStatistics(filter: { processDefinitionKey?: string; processInstanceKey?: string }): {
    elementId: string;
    active: number;
    completed: number;
    canceled: number;
    incidents: number;
  }[] {
    const where: string[] = ["element_type <> 'PROCESS'"];
    const params: unknown[] = [];
    if (filter.processDefinitionKey !== undefined) {
      where.push('process_definition_key = ?');
      params.push(toKey(filter.processDefinitionKey));
    }
    if (filter.processInstanceKey !== undefined) {
      where.push('process_instance_key = ?');
      params.push(toKey(filter.processInstanceKey));
    }
    return this.db
      .prepare(
        `SELECT element_id AS elementId,
           SUM(state NOT IN ('ELEMENT_COMPLETED', 'ELEMENT_TERMINATED')) AS active,
           SUM(state = 'ELEMENT_COMPLETED') AS completed,
           SUM(state = 'ELEMENT_TERMINATED') AS canceled,
           SUM(incident_key IS NOT NULL) AS incidents
         FROM element_instances WHERE ${where.join(' AND ')} GROUP BY element_id ORDER BY element_id`,
      )
      .all(...params) as {
      elementId: string;
      active: number;
      completed: number;
      canceled: number;
      incidents: number;
    }[];
  }

  /** Variables. */
  variables(
    query: SearchQuery<VariableFilter> = {},
  ): SearchResult<ReturnType<typeof presentVariable>> {
    return runSearch(
      this.db,
      this.definitions.variables,
      query as SearchQuery<Record<string, unknown>>,
    );
  }

  /** Incidents. */
  incidents(
    query: SearchQuery<IncidentFilter> = {},
  ): SearchResult<ReturnType<typeof presentIncident>> {
    return runSearch(
      this.db,
      this.definitions.incidents,
      query as SearchQuery<Record<string, unknown>>,
    );
  }

  /** Camunda user tasks. */
  userTasks(
    query: SearchQuery<UserTaskFilter> = {},
  ): SearchResult<ReturnType<typeof presentUserTask>> {
    return runSearch(
      this.db,
      this.definitions.userTasks,
      query as SearchQuery<Record<string, unknown>>,
    );
  }
}

/** The search definitions over the engine's tables. */
interface Tables {
  definitions: MappedTable<ProcessDefinitionRow>;
  instances: MappedTable<ProcessInstanceRow>;
  elements: MappedTable<ElementInstanceRow>;
  variables: MappedTable<VariableRow>;
  incidents: MappedTable<IncidentRow>;
  userTasks: MappedTable<UserTaskRow>;
}

/** The searches `EngineQueries.explain` knows. */
export type SearchName = keyof ReturnType<typeof searchDefinitions>;

function searchDefinitions(tables: Tables) {
  return {
    processDefinitions: {
      table: 'process_definitions',
      rules: {
        processDefinitionKey: equals('key'),
        processDefinitionId: equals('bpmn_process_id', (v) => v),
        name: equals('name', (v) => v),
        version: equals('version', (v) => v),
        resourceName: equals('resource_name', (v) => v),
        // the highest version of each process id (read from the (process id, version) index)
        isLatestVersion: (v) =>
          v === undefined
            ? undefined
            : {
                sql: `version ${v ? '=' : '<'} (SELECT MAX(d.version) FROM process_definitions d WHERE d.bpmn_process_id = process_definitions.bpmn_process_id)`,
                params: [],
              },
      },
      sortable: sortBy(
        'processDefinitionKey',
        'processDefinitionId',
        'name',
        'version',
        'resourceName',
      ),
      decode: (raw) => tables.definitions.decode(raw),
      present: presentDefinition,
    } satisfies SearchDefinition<
      ReturnType<Tables['definitions']['decode']>,
      ReturnType<typeof presentDefinition>
    >,
    processInstances: {
      table: 'process_instances',
      rules: {
        processInstanceKey: equals('key'),
        processDefinitionKey: equals('process_definition_key'),
        processDefinitionId: equals('bpmn_process_id', (v) => v),
        processDefinitionVersion: equals('version', (v) => v),
        state: equals('state', (v) => v),
        parentProcessInstanceKey: equals('parent_process_instance_key'),
        hasIncident: (v) =>
          v === undefined
            ? undefined
            : { sql: v ? 'incident_count > 0' : 'incident_count = 0', params: [] },
        startDate: dateRange('start_date'),
        endDate: dateRange('end_date'),
      },
      sortable: sortBy(
        'processInstanceKey',
        'processDefinitionId',
        'processDefinitionKey',
        'state',
        'startDate',
        'endDate',
      ),
      decode: (raw) => tables.instances.decode(raw),
      present: presentProcessInstance,
    } satisfies SearchDefinition<
      ReturnType<Tables['instances']['decode']>,
      ReturnType<typeof presentProcessInstance>
    >,
    elementInstances: {
      table: 'element_instances',
      rules: {
        elementInstanceKey: equals('key'),
        processInstanceKey: equals('process_instance_key'),
        processDefinitionKey: equals('process_definition_key'),
        processDefinitionId: equals('bpmn_process_id', (v) => v),
        elementId: equals('element_id', (v) => v),
        type: equals('element_type', (v) => v),
        state: elementStateRule,
        hasIncident: (v) =>
          v === undefined
            ? undefined
            : { sql: v ? 'incident_key IS NOT NULL' : 'incident_key IS NULL', params: [] },
      },
      sortable: sortBy(
        'elementInstanceKey',
        'processInstanceKey',
        'elementId',
        'startDate',
        'endDate',
        'type',
        'state',
      ),
      decode: (raw) => tables.elements.decode(raw),
      present: presentElementInstance,
      base: { sql: "element_type <> 'PROCESS'", params: [] },
    } satisfies SearchDefinition<
      ReturnType<Tables['elements']['decode']>,
      ReturnType<typeof presentElementInstance>
    >,
    variables: {
      table: 'variables',
      rules: {
        variableKey: equals('key'),
        processInstanceKey: equals('process_instance_key'),
        scopeKey: equals('scope_key'),
        name: equals('name', (v) => v),
        value: equals('value', (v) => v),
      },
      sortable: sortBy('variableKey', 'name', 'value', 'scopeKey', 'processInstanceKey'),
      decode: (raw) => tables.variables.decode(raw),
      present: presentVariable,
    } satisfies SearchDefinition<
      ReturnType<Tables['variables']['decode']>,
      ReturnType<typeof presentVariable>
    >,
    incidents: {
      table: 'incidents',
      rules: {
        incidentKey: equals('key'),
        processInstanceKey: equals('process_instance_key'),
        processDefinitionKey: equals('process_definition_key'),
        processDefinitionId: equals('bpmn_process_id', (v) => v),
        elementId: equals('element_id', (v) => v),
        elementInstanceKey: equals('element_instance_key'),
        errorType: equals('error_type', (v) => v),
        state: equals('state', (v) => v),
        jobKey: equals('job_key'),
      },
      sortable: sortBy('incidentKey', 'processInstanceKey', 'errorType', 'creationTime', 'state'),
      decode: (raw) => tables.incidents.decode(raw),
      present: presentIncident,
    } satisfies SearchDefinition<
      ReturnType<Tables['incidents']['decode']>,
      ReturnType<typeof presentIncident>
    >,
    userTasks: {
      table: 'user_tasks',
      rules: {
        userTaskKey: equals('key'),
        state: equals('state', (v) => v),
        assignee: equals('assignee', (v) => v),
        candidateGroup: candidatesOf('group'),
        candidateUser: candidatesOf('user'),
        processDefinitionKey: equals('process_definition_key'),
        processDefinitionId: equals('bpmn_process_id', (v) => v),
        elementId: equals('element_id', (v) => v),
        processInstanceKey: equals('process_instance_key'),
        elementInstanceKey: equals('element_instance_key'),
        dueDate: isoRange('due_date'),
        followUpDate: isoRange('follow_up_date'),
        creationDate: dateRange('creation_date'),
        processInstanceVariables: variablesMatch('process_instance_key', true),
        localVariables: variablesMatch('element_instance_key', false),
      },
      sortable: sortBy(
        'userTaskKey',
        'creationDate',
        'completionDate',
        'dueDate',
        'followUpDate',
        'priority',
        'name',
      ),
      decode: (raw) => tables.userTasks.decode(raw),
      present: presentUserTask,
      source: candidateSource,
    } satisfies SearchDefinition<
      ReturnType<Tables['userTasks']['decode']>,
      ReturnType<typeof presentUserTask>
    >,
  };
}

/**
 * User task dates are ISO text as the model gave them (any offset): they sort as UTC instants,
 * '' for none or for text that is no date (first ascending), the same key the candidates side
 * table keeps, so both ways of answering a search give one order.
 */
function utcInstant(column: string): string {
  return `COALESCE(strftime('%Y-%m-%dT%H:%M:%fZ', ${column}), '')`;
}

/** Columns of the API's sortable fields. */
const SORT_COLUMNS: Record<string, string> = {
  processDefinitionKey: 'process_definition_key',
  processDefinitionId: 'bpmn_process_id',
  processDefinitionVersion: 'version',
  processInstanceKey: 'process_instance_key',
  elementInstanceKey: 'element_instance_key',
  elementId: 'element_id',
  userTaskKey: 'key',
  incidentKey: 'key',
  variableKey: 'key',
  type: 'element_type',
  name: 'name',
  value: 'value',
  version: 'version',
  resourceName: 'resource_name',
  scopeKey: 'scope_key',
  state: 'state',
  startDate: 'start_date',
  endDate: 'end_date',
  creationDate: 'creation_date',
  completionDate: 'completion_date',
  creationTime: 'creation_time',
  dueDate: utcInstant('due_date'),
  followUpDate: utcInstant('follow_up_date'),
  priority: 'priority',
  errorType: 'error_type',
};

/** Sortable fields of one search; the first names the table's own key. */
function sortBy(ownKey: string, ...fields: string[]): Record<string, string> {
  return {
    [ownKey]: 'key',
    ...Object.fromEntries(fields.map((field) => [field, SORT_COLUMNS[field] ?? field])),
  };
}

export type * from './search-filters.js';
