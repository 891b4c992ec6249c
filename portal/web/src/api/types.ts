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

/** A process version in `GET /api/processes` (note: null for versions deployed from files). */
export interface ProcessDefinition {
  processDefinitionKey: string;
  processDefinitionId: string;
  name: string;
  version: number;
  resourceName: string;
  note: { note: string; deployedBy: string; deployedAt: string } | null;
}

/** An instance in `GET /api/process-instances`. */
export interface ProcessInstance {
  processInstanceKey: string;
  processDefinitionKey: string;
  processDefinitionId: string;
  processDefinitionVersion: number;
  state: 'ACTIVE' | 'COMPLETED' | 'TERMINATED';
  startDate: string;
  endDate: string | null;
  hasIncident: boolean;
}

/** `GET /api/process-instances/:key`. */
export interface ProcessInstanceDetail {
  instance: ProcessInstance;
  overlays: {
    elementId: string;
    active: number;
    completed: number;
    terminated: number;
    incidents: number;
  }[];
  variables: { name: string; scopeKey: string; value: string }[];
  incidents: {
    incidentKey: string;
    elementId: string;
    errorType: string;
    errorMessage: string;
    state: string;
    creationTime: string;
  }[];
}

/** One KfW import run (`GET /api/imports`, `GET /api/imports/:runId`). */
export interface ImportRun {
  id: string;
  dateiname: string;
  status: string;
  progress: { done: number; total: number };
  neu: number;
  aktualisiert: number;
  unveraendert: number;
  abgelehnt: number;
  fehlercode: string | null;
  fehlermeldung: string | null;
  gestartetAm: string;
  beendetAm: string | null;
}

/** A rejected row of an import run. */
export interface RejectedRow {
  zeile: number;
  spalte: string | null;
  wert: string | null;
  code: string;
  meldung: string;
}

/** `POST /api/imports` (202): the stored file; `runs` lists the run once it started. */
export interface UploadReceipt {
  fileKey: string;
  sha256: string;
  bytes: number;
  runs: string;
}

/** A mail of the development mailbox. */
export interface MailSummary {
  id: string;
  subject: string;
  from: string;
  to: string;
  date: string | null;
  bytes: number;
}

/** Snapshot states in `GET /api/snapshots/:id`. */
export type SnapshotProgress =
  | {
      snapshotId: string;
      state: 'ready';
      bytes: number;
      tables: number;
      rows: number;
      kAnonymity: { k: number; suppressedRows: number } | null;
    }
  | {
      snapshotId: string;
      state: 'running';
      tablesDone: number;
      rowsDone: number;
      lastTable: string | null;
    }
  | { snapshotId: string; state: 'requested'; requestedAt: string };

/** A form version's metadata (`GET /api/forms/:formId/versions`). */
export interface FormVersionMeta {
  formId: string;
  version: number;
  note: string | null;
  savedBy: string | null;
  savedAt: string | null;
}
