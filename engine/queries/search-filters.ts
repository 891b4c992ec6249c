/**
 * The filters of the searches, field names as in Camunda 8.8's REST API. Keys are strings;
 * date ranges take ISO 8601 date-times.
 */

/** Filters of the process definition search. */
export interface ProcessDefinitionFilter {
  processDefinitionKey?: string;
  processDefinitionId?: string;
  name?: string;
  version?: number;
  resourceName?: string;
  /** Only the highest version of each process id (true), or only the older ones (false). */
  isLatestVersion?: boolean;
}
/** Filters of the process instance search. */
export interface ProcessInstanceFilter {
  processInstanceKey?: string | string[];
  processDefinitionKey?: string;
  processDefinitionId?: string;
  processDefinitionVersion?: number;
  state?: 'ACTIVE' | 'COMPLETED' | 'TERMINATED';
  parentProcessInstanceKey?: string;
  hasIncident?: boolean;
  startDate?: { from?: string; to?: string };
  endDate?: { from?: string; to?: string };
}
/** Filters of the element instance search. */
export interface ElementInstanceFilter {
  elementInstanceKey?: string;
  processInstanceKey?: string;
  processDefinitionKey?: string;
  processDefinitionId?: string;
  elementId?: string;
  type?: string;
  state?: 'ACTIVE' | 'COMPLETED' | 'TERMINATED';
  hasIncident?: boolean;
}
/** Filters of the variable search. */
export interface VariableFilter {
  processInstanceKey?: string;
  scopeKey?: string;
  name?: string;
  value?: string;
  variableKey?: string;
}
/** Filters of the incident search. */
export interface IncidentFilter {
  incidentKey?: string;
  processInstanceKey?: string;
  processDefinitionKey?: string;
  processDefinitionId?: string;
  elementId?: string;
  elementInstanceKey?: string;
  errorType?: string;
  state?: 'ACTIVE' | 'RESOLVED';
  jobKey?: string;
}
/** Filters of the user task search (Camunda 8.8 `/v2/user-tasks/search`). */
export interface UserTaskFilter {
  userTaskKey?: string;
  state?: 'CREATED' | 'COMPLETED' | 'CANCELED';
  assignee?: string;
  candidateGroup?: string | string[];
  candidateUser?: string | string[];
  processDefinitionKey?: string;
  processDefinitionId?: string;
  elementId?: string;
  processInstanceKey?: string;
  elementInstanceKey?: string;
  dueDate?: { from?: string; to?: string };
  followUpDate?: { from?: string; to?: string };
  creationDate?: { from?: string; to?: string };
  /** Tasks whose process instance has every variable with exactly this value. */
  processInstanceVariables?: { name: string; value: unknown }[];
  /** Tasks whose local (element instance) variables match. */
  localVariables?: { name: string; value: unknown }[];
}
