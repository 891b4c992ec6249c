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
  runSearch,
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

const variablesMatch =
  (scopeColumn: string): FilterRule =>
  (value) => {
    const list = value as { name: string; value: unknown }[] | undefined;
    if (!list || list.length === 0) return undefined;
    return {
      sql: list
        .map(
          () =>
            `EXISTS (SELECT 1 FROM variables v WHERE v.scope_key = ${scopeColumn} AND v.name = ? AND v.value = ?)`,
        )
        .join(' AND '),
      params: list.flatMap((entry) => [
        entry.name,
        typeof entry.value === 'string' ? normaliseJson(entry.value) : JSON.stringify(entry.value),
      ]),
    };
  };

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
  private readonly tables;

  constructor(private readonly db: Database.Database) {
    this.tables = {
      definitions: new MappedTable<ProcessDefinitionRow>(db, TABLES.processDefinitions),
      instances: new MappedTable<ProcessInstanceRow>(db, TABLES.processInstances),
      elements: new MappedTable<ElementInstanceRow>(db, TABLES.elementInstances),
      variables: new MappedTable<VariableRow>(db, TABLES.variables),
      incidents: new MappedTable<IncidentRow>(db, TABLES.incidents),
      userTasks: new MappedTable<UserTaskRow>(db, TABLES.userTasks),
    };
  }

  /** Process definitions. */
  processDefinitions(
    query: SearchQuery<ProcessDefinitionFilter> = {},
  ): SearchResult<ReturnType<typeof presentDefinition>> {
    const t = this.tables.definitions;
    return runSearch(
      this.db,
      'process_definitions',
      query as SearchQuery<Record<string, unknown>>,
      {
        processDefinitionKey: equals('key'),
        processDefinitionId: equals('bpmn_process_id', (v) => v),
        name: equals('name', (v) => v),
        version: equals('version', (v) => v),
        resourceName: equals('resource_name', (v) => v),
      },
      sortBy('processDefinitionKey', 'processDefinitionId', 'name', 'version', 'resourceName'),
      (raw) => t.decode(raw),
      presentDefinition,
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
    const t = this.tables.instances;
    return runSearch(
      this.db,
      'process_instances',
      query as SearchQuery<Record<string, unknown>>,
      {
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
      sortBy(
        'processInstanceKey',
        'processDefinitionId',
        'processDefinitionKey',
        'state',
        'startDate',
        'endDate',
      ),
      (raw) => t.decode(raw),
      presentProcessInstance,
    );
  }

  /** Element instances (flow nodes, not the process itself). */
  elementInstances(
    query: SearchQuery<ElementInstanceFilter> = {},
  ): SearchResult<ReturnType<typeof presentElementInstance>> {
    const t = this.tables.elements;
    return runSearch(
      this.db,
      'element_instances',
      query as SearchQuery<Record<string, unknown>>,
      {
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
      sortBy(
        'elementInstanceKey',
        'processInstanceKey',
        'elementId',
        'startDate',
        'endDate',
        'type',
        'state',
      ),
      (raw) => t.decode(raw),
      presentElementInstance,
      { sql: "element_type <> 'PROCESS'", params: [] },
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
    const t = this.tables.variables;
    return runSearch(
      this.db,
      'variables',
      query as SearchQuery<Record<string, unknown>>,
      {
        variableKey: equals('key'),
        processInstanceKey: equals('process_instance_key'),
        scopeKey: equals('scope_key'),
        name: equals('name', (v) => v),
        value: equals('value', (v) => v),
      },
      sortBy('variableKey', 'name', 'value', 'scopeKey', 'processInstanceKey'),
      (raw) => t.decode(raw),
      presentVariable,
    );
  }

  /** Incidents. */
  incidents(
    query: SearchQuery<IncidentFilter> = {},
  ): SearchResult<ReturnType<typeof presentIncident>> {
    const t = this.tables.incidents;
    return runSearch(
      this.db,
      'incidents',
      query as SearchQuery<Record<string, unknown>>,
      {
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
      sortBy('incidentKey', 'processInstanceKey', 'errorType', 'creationTime', 'state'),
      (raw) => t.decode(raw),
      presentIncident,
    );
  }

  /** Camunda user tasks. */
  userTasks(
    query: SearchQuery<UserTaskFilter> = {},
  ): SearchResult<ReturnType<typeof presentUserTask>> {
    const t = this.tables.userTasks;
    return runSearch(
      this.db,
      'user_tasks',
      query as SearchQuery<Record<string, unknown>>,
      {
        userTaskKey: equals('key'),
        state: equals('state', (v) => v),
        assignee: equals('assignee', (v) => v),
        candidateGroup: (v) =>
          v === undefined
            ? undefined
            : {
                sql: 'EXISTS (SELECT 1 FROM json_each(candidate_groups) WHERE value = ?)',
                params: [v],
              },
        candidateUser: (v) =>
          v === undefined
            ? undefined
            : {
                sql: 'EXISTS (SELECT 1 FROM json_each(candidate_users) WHERE value = ?)',
                params: [v],
              },
        processDefinitionKey: equals('process_definition_key'),
        processDefinitionId: equals('bpmn_process_id', (v) => v),
        elementId: equals('element_id', (v) => v),
        processInstanceKey: equals('process_instance_key'),
        elementInstanceKey: equals('element_instance_key'),
        dueDate: isoRange('due_date'),
        followUpDate: isoRange('follow_up_date'),
        creationDate: dateRange('creation_date'),
        processInstanceVariables: variablesMatch('user_tasks.process_instance_key'),
        localVariables: variablesMatch('user_tasks.element_instance_key'),
      },
      sortBy(
        'userTaskKey',
        'creationDate',
        'completionDate',
        'dueDate',
        'followUpDate',
        'priority',
        'name',
      ),
      (raw) => t.decode(raw),
      presentUserTask,
    );
  }
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
  dueDate: 'due_date',
  followUpDate: 'follow_up_date',
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
