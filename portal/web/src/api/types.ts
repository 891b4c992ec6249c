/** Shapes of the portal API's answers (see `/api/openapi.json`). */
import type { RJSFSchema, UiSchema } from '@rjsf/utils';

/** Platform roles (OIDC realm roles). */
export type Role = 'applicant' | 'case-officer' | 'process-owner' | 'admin' | 'analyst';

/** `GET /api/me`. */
export interface Me {
  subject: string;
  email: string | null;
  name: string | null;
  roles: Role[];
}

/** One Förderfall in `GET /api/cases/mine`. */
export interface CaseSummary {
  id: string;
  antragsnummer: string;
  programm: string;
  status: string;
  reportingId: string | null;
  empfaenger: string;
  anzahlLadepunkteBeantragt: number;
  naechsteFrist: string | null;
}

/** A user task in `GET /api/tasks`. */
export interface Task {
  key: string;
  name: string;
  state: 'CREATED' | 'COMPLETED' | 'CANCELED' | 'FAILED';
  assignee: string | null;
  elementId: string;
  candidateGroups: string[];
  processDefinitionId: string;
  processInstanceKey: string;
  creationDate: string;
  dueDate: string | null;
  followUpDate: string | null;
  formId: string | null;
}

/** `GET /api/tasks/:key`: the task with its form and the data to start from. */
export interface TaskWithForm {
  task: Task;
  form: { id: string; schema: RJSFSchema; ui: UiSchema | null } | null;
  data: Record<string, unknown>;
}

/** A page of a list. */
export interface Page<T> {
  items: T[];
  total: number;
}

/** The case id of an applicant task (`case:<caseId>` candidate group). */
export const caseIdOfTask = (task: Task): string | undefined =>
  task.candidateGroups.find((g) => g.startsWith('case:'))?.slice('case:'.length);
