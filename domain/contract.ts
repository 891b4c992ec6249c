/**
 * The contract between BPMN models, job workers and the portal: every string that crosses that
 * boundary is named here once, so a model, a worker and a portal route can only disagree in a
 * way the compiler or a test notices. Documented for process owners in `docs/contract.md`.
 *
 * Rules: names are kebab-case, except process variables (camelCase, because FEEL reads them as
 * identifiers: `caseId`, not `case-id`). Process variables carry ids and decisions only, never
 * form data (form data lives in the domain tables).
 *
 * @example
 *   import { JOB_TYPES, MESSAGES, VARIABLES, caseGroup } from '../../domain/contract.js';
 *   client.createWorker({ taskType: JOB_TYPES.reportValidate, ... });
 *   client.publishMessage({
 *     name: MESSAGES.applicantRegistered.name,
 *     correlationKey: caseId, // MESSAGES.applicantRegistered.correlationKey === 'caseId'
 *   });
 *   candidateGroups.includes(caseGroup(caseId));
 */

/** Builds a type guard for the values of one `as const` name table. */
function guardOf<T extends string>(table: Record<string, T>): (value: unknown) => value is T {
  const values = new Set<string>(Object.values(table));
  return (value: unknown): value is T => typeof value === 'string' && values.has(value);
}

/** Process ids: the file name in `processes/` (`foerderfall.bpmn` holds process `foerderfall`). */
export const PROCESS_IDS = {
  /** One instance per delivered KfW file: import, then admin review of rejected rows. */
  kfwImport: 'kfw-import',
  /** One instance per funding case: invitation, registration, master data, location, review, reporting. */
  foerderfall: 'foerderfall',
  /** One instance per reporting period (called from `foerderfall`, multi-instance over `periodIds`). */
  berichtszeitraum: 'berichtszeitraum',
  /** An applicant's change notice: officer review, then applied to the domain tables. */
  aenderungsmeldung: 'aenderungsmeldung',
  /** An officer's revocation with four-eyes approval; stops the running reporting. */
  widerruf: 'widerruf',
  /** An anonymised snapshot, on demand or monthly; analyst review if rows were suppressed. */
  snapshot: 'snapshot',
} as const;
export type ProcessId = (typeof PROCESS_IDS)[keyof typeof PROCESS_IDS];
/** True for a process id of the contract. */
export const isProcessId = guardOf(PROCESS_IDS);

/**
 * Process variables. Ids and decisions only (plus the counts and dates that gateways and timers
 * need); the form data itself stays in the domain tables.
 */
export const VARIABLES = {
  /** The Förderfall's UUID; correlation key of every case message. */
  caseId: 'caseId',
  /** One Berichtszeitraum's id (the input element of the multi-instance call). */
  periodId: 'periodId',
  /** All reporting period ids of a case, returned by `plan-periods`. */
  periodIds: 'periodIds',
  /** End of the reporting period (ISO 8601 with offset), for the "period ended" timer. */
  periodEnd: 'periodEnd',
  /** Report deadline of the period (ISO 8601 with offset), for due date, reminder and overdue timers. */
  periodDeadline: 'periodDeadline',
  /** A Nutzungsbericht's id, set by the portal when the applicant completes the report task. */
  reportId: 'reportId',
  /** An upload of charging sessions (domain table `uploads`). */
  uploadId: 'uploadId',
  /** A KfW import run (domain table `import_runs`). */
  importRunId: 'importRunId',
  /** The storage key of a delivered file, e.g. `kfw-inbox/2026-11-24-antraege.xlsx`. */
  fileKey: 'fileKey',
  /** An anonymised snapshot. */
  snapshotId: 'snapshotId',
  /** A change notice (Änderungsmeldung). */
  changeNoticeId: 'changeNoticeId',
  /** A revocation (Widerruf). */
  revocationId: 'revocationId',
  /** The account id of the person who requested a four-eyes step; the approver must differ. */
  requestedBy: 'requestedBy',
  /** The outcome of a review task: one of {@link DECISIONS}. */
  decision: 'decision',
  /** Plausibility findings (`domain/rules` Finding[]): code, severity, path, message. */
  findings: 'findings',
  /** True when a validation found no error (warnings allowed). */
  valid: 'valid',
  /** Number of rows an import rejected (gateway "rows rejected?"). */
  rejectedCount: 'rejectedCount',
  /** Number of rows the k-anonymity check suppressed in a snapshot. */
  suppressedCount: 'suppressedCount',
} as const;
export type VariableName = (typeof VARIABLES)[keyof typeof VARIABLES];
/** True for a process variable name of the contract. */
export const isVariableName = guardOf(VARIABLES);

/** Task header names (`zeebe:taskHeaders`) that workers read. */
export const TASK_HEADERS = {
  /** `notify`: which e-mail template to send, one of {@link NOTIFY_TEMPLATES}. */
  template: 'template',
  /** `case-status` / `period-status`: the status to set. */
  status: 'status',
} as const;
export type TaskHeaderName = (typeof TASK_HEADERS)[keyof typeof TASK_HEADERS];
/** True for a task header name of the contract. */
export const isTaskHeaderName = guardOf(TASK_HEADERS);

/** Job types: the folder name of the worker in `workers/`. */
export const JOB_TYPES = {
  kfwImport: 'kfw-import',
  sessionsImport: 'sessions-import',
  caseValidate: 'case-validate',
  reportValidate: 'report-validate',
  planPeriods: 'plan-periods',
  notify: 'notify',
  issueReportingId: 'issue-reporting-id',
  snapshot: 'snapshot',
  caseStatus: 'case-status',
  periodStatus: 'period-status',
  changeNoticeApply: 'change-notice-apply',
  caseRevoke: 'case-revoke',
} as const;
export type JobType = (typeof JOB_TYPES)[keyof typeof JOB_TYPES];
/** True for a job type of the contract. */
export const isJobType = guardOf(JOB_TYPES);

/** What a job type reads and writes: the variables a model must provide and may use after it. */
export interface JobSpec {
  /** What the worker does, in one sentence. */
  readonly purpose: string;
  /** Variables the worker requires (it fails the job with a clear message when one is missing). */
  readonly inputs: readonly VariableName[];
  /** Variables the worker may read when present. */
  readonly optionalInputs: readonly VariableName[];
  /** Variables the worker sets when it completes the job. */
  readonly outputs: readonly VariableName[];
  /** Task headers the worker requires. */
  readonly headers: readonly TaskHeaderName[];
}

/** The variables and headers of each job type (checked against the models by their tests). */
export const JOB_SPECS = {
  'kfw-import': {
    purpose: 'Imports a KfW hand-over file and starts a foerderfall instance per new case.',
    inputs: ['fileKey'],
    optionalInputs: [],
    outputs: ['importRunId', 'rejectedCount'],
    headers: [],
  },
  'sessions-import': {
    purpose: 'Imports an upload of charging sessions (CSV or OCPI CDR JSON) with a row report.',
    inputs: ['caseId', 'uploadId'],
    optionalInputs: ['periodId'],
    outputs: ['rejectedCount'],
    headers: [],
  },
  'case-validate': {
    purpose: 'Checks master data and locations (points applied for, kW limit, dates).',
    inputs: ['caseId'],
    optionalInputs: [],
    outputs: ['valid', 'findings'],
    headers: [],
  },
  'report-validate': {
    purpose: 'Applies the plausibility rules to a usage report and its uploaded sessions.',
    inputs: ['caseId', 'periodId', 'reportId'],
    optionalInputs: ['uploadId'],
    outputs: ['valid', 'findings'],
    headers: [],
  },
  'plan-periods': {
    purpose: "Creates the case's reporting periods from the programme's rhythm and years.",
    inputs: ['caseId'],
    optionalInputs: [],
    outputs: ['periodIds'],
    headers: [],
  },
  notify: {
    purpose: 'Sends the e-mail named by the task header `template` to the people concerned.',
    inputs: [],
    optionalInputs: ['caseId', 'periodId', 'snapshotId', 'importRunId', 'findings'],
    outputs: [],
    headers: ['template'],
  },
  'issue-reporting-id': {
    purpose: 'Issues the Reporting-ID of a case once; a case that has one keeps it.',
    inputs: ['caseId'],
    optionalInputs: [],
    outputs: [],
    headers: [],
  },
  snapshot: {
    purpose: 'Writes an anonymised snapshot (k-anonymity checked) to storage.',
    inputs: [],
    optionalInputs: ['snapshotId'],
    outputs: ['snapshotId', 'suppressedCount'],
    headers: [],
  },
  'case-status': {
    purpose: 'Sets the status of a case to the task header `status` (audited).',
    inputs: ['caseId'],
    optionalInputs: [],
    outputs: [],
    headers: ['status'],
  },
  'period-status': {
    purpose:
      'Sets the status of a reporting period to the task header `status` and returns its dates.',
    inputs: ['periodId'],
    optionalInputs: [],
    outputs: ['periodEnd', 'periodDeadline'],
    headers: ['status'],
  },
  'change-notice-apply': {
    purpose: 'Applies an approved change notice to the domain tables (audited).',
    inputs: ['caseId', 'changeNoticeId'],
    optionalInputs: [],
    outputs: [],
    headers: [],
  },
  'case-revoke': {
    purpose:
      'Sets the case to WIDERRUFEN, closes its open periods and publishes `case-revoked` so the running reporting stops.',
    inputs: ['caseId', 'revocationId'],
    optionalInputs: [],
    outputs: [],
    headers: [],
  },
} as const satisfies Record<JobType, JobSpec>;

/** A message of the contract: its name and the variable whose value is its correlation key. */
export interface MessageSpec {
  readonly name: string;
  /** The correlation key variable; `null` for a message that only starts a process. */
  readonly correlationKey: VariableName | null;
  /** The processes that catch it (intermediate or boundary event) or start with it (start event). */
  readonly processes: readonly ProcessId[];
  /** Who publishes it, in words. */
  readonly publishedBy: string;
}

/** Messages (kebab-case names) with their correlation key variable. */
export const MESSAGES = {
  applicantRegistered: {
    name: 'applicant-registered',
    correlationKey: 'caseId',
    processes: ['foerderfall'],
    publishedBy: 'the portal, when the invited applicant has registered and linked the case',
  },
  sessionsUploaded: {
    name: 'sessions-uploaded',
    correlationKey: 'caseId',
    processes: ['berichtszeitraum'],
    publishedBy:
      'the portal, when an upload of charging sessions for the case is stored (carries uploadId)',
  },
  changeNoticeFiled: {
    name: 'change-notice-filed',
    correlationKey: 'caseId',
    processes: ['aenderungsmeldung'],
    publishedBy: 'the portal, when an applicant files a change notice (carries changeNoticeId)',
  },
  revocationRequested: {
    name: 'revocation-requested',
    correlationKey: 'caseId',
    processes: ['widerruf'],
    publishedBy:
      'the portal, when a case officer requests a revocation (carries revocationId, requestedBy)',
  },
  caseRevoked: {
    name: 'case-revoked',
    correlationKey: 'caseId',
    processes: ['foerderfall'],
    publishedBy: 'the case-revoke worker, so the case instance stops its reporting',
  },
  snapshotRequested: {
    name: 'snapshot-requested',
    correlationKey: null,
    processes: ['snapshot'],
    publishedBy: 'the portal, when an analyst or admin asks for a snapshot now',
  },
} as const satisfies Record<string, MessageSpec>;
export type MessageName = (typeof MESSAGES)[keyof typeof MESSAGES]['name'];
/** True for a message name of the contract. */
export const isMessageName = guardOf(
  Object.fromEntries(Object.entries(MESSAGES).map(([key, spec]) => [key, spec.name])) as Record<
    string,
    MessageName
  >,
);

/** Realm roles (OIDC) of the portal. */
export const ROLES = {
  applicant: 'applicant',
  caseOfficer: 'case-officer',
  processOwner: 'process-owner',
  admin: 'admin',
  analyst: 'analyst',
} as const;
export type Role = (typeof ROLES)[keyof typeof ROLES];
/** True for a realm role of the contract. */
export const isRole = guardOf(ROLES);

/**
 * Candidate groups that are roles. Applicant tasks use the case group instead
 * ({@link caseGroup}); process owners model, they get no tasks.
 */
export const ROLE_GROUPS = {
  caseOfficer: 'case-officer',
  admin: 'admin',
  analyst: 'analyst',
} as const;
export type RoleGroup = (typeof ROLE_GROUPS)[keyof typeof ROLE_GROUPS];
/** True for a candidate group that names a role. */
export const isRoleGroup = guardOf(ROLE_GROUPS);

/** Prefix of a case's candidate group: `case:<caseId>`. */
export const CASE_GROUP_PREFIX = 'case:';
/** The FEEL expression a model puts into `candidateGroups` for an applicant task. */
export const CASE_GROUP_FEEL = '=["case:" + caseId]';
/** A case's candidate group. */
export type CaseGroup = `case:${string}`;
/** Any candidate group of the contract. */
export type CandidateGroup = RoleGroup | CaseGroup;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A case id that is not a UUID was given where a case group is built. */
export class InvalidCaseIdError extends Error {
  readonly code = 'CASE_ID_INVALID';
  constructor(readonly caseId: unknown) {
    super(
      `caseId must be a UUID like 0b8e4c7a-5d2f-4e1b-9c3a-7f6d5e4c3b2a, got ${describe(caseId)}`,
    );
    this.name = 'InvalidCaseIdError';
  }
}

/** A string that should be a case group (`case:<uuid>`) is not one. */
export class MalformedCaseGroupError extends Error {
  readonly code = 'CASE_GROUP_MALFORMED';
  constructor(
    readonly group: unknown,
    reason: string,
  ) {
    super(`candidate group ${describe(group)} is not a case group "case:<caseId>": ${reason}`);
    this.name = 'MalformedCaseGroupError';
  }
}

function describe(value: unknown): string {
  return typeof value === 'string'
    ? JSON.stringify(value)
    : `a ${value === null ? 'null' : typeof value}`;
}

/**
 * The candidate group of a case's applicant tasks. The id is normalised to lower case, so the
 * group matches whatever case the portal stored.
 *
 * @throws InvalidCaseIdError when `caseId` is not a UUID.
 */
export function caseGroup(caseId: string): CaseGroup {
  if (typeof caseId !== 'string' || !UUID.test(caseId)) throw new InvalidCaseIdError(caseId);
  return `${CASE_GROUP_PREFIX}${caseId.toLowerCase()}`;
}

/**
 * The case id of a case group (lower case).
 *
 * @throws MalformedCaseGroupError naming what is wrong (missing prefix, not a UUID).
 */
export function parseCaseGroup(group: string): string {
  if (typeof group !== 'string') throw new MalformedCaseGroupError(group, 'not a string');
  if (!group.startsWith(CASE_GROUP_PREFIX)) {
    throw new MalformedCaseGroupError(group, `it does not start with "${CASE_GROUP_PREFIX}"`);
  }
  const id = group.slice(CASE_GROUP_PREFIX.length);
  if (id === '') throw new MalformedCaseGroupError(group, 'the case id is empty');
  if (!UUID.test(id)) throw new MalformedCaseGroupError(group, `"${id}" is not a UUID`);
  return id.toLowerCase();
}

/** True for a well-formed case group (`case:<uuid>`). */
export function isCaseGroup(value: unknown): value is CaseGroup {
  return (
    typeof value === 'string' &&
    value.startsWith(CASE_GROUP_PREFIX) &&
    UUID.test(value.slice(CASE_GROUP_PREFIX.length))
  );
}

/** True for any candidate group of the contract (a role group or a case group). */
export function isCandidateGroup(value: unknown): value is CandidateGroup {
  return isRoleGroup(value) || isCaseGroup(value);
}

/** E-mail templates of the `notify` worker (task header `template`). */
export const NOTIFY_TEMPLATES = {
  /** Invitation to register, with a one-time registration link. */
  invitation: 'invitation',
  /** Registration still pending (every 14 days until the applicant registers). */
  registrationReminder: 'registration-reminder',
  /** A reporting period has ended: the usage report is due. */
  reportDue: 'report-due',
  /** The report deadline is near (14 days before). */
  reminder: 'reminder',
  /** The report deadline has passed. */
  overdue: 'overdue',
  /** A case officer requested rework (carries the findings). */
  rework: 'rework',
  /** A case officer approved (master data and location, or a report). */
  approved: 'approved',
  /** The funding was revoked. */
  revoked: 'revoked',
  /** An anonymised snapshot is ready for analysts. */
  snapshotReady: 'snapshot-ready',
} as const;
export type NotifyTemplate = (typeof NOTIFY_TEMPLATES)[keyof typeof NOTIFY_TEMPLATES];
/** True for a notify template of the contract. */
export const isNotifyTemplate = guardOf(NOTIFY_TEMPLATES);

/** Values of the `decision` variable set by review tasks. */
export const DECISIONS = {
  /** Accept what was submitted. */
  approve: 'approve',
  /** Send it back to the applicant with reasons per field. */
  rework: 'rework',
  /** Refuse (a change notice, a revocation at four-eyes approval, a snapshot release). */
  reject: 'reject',
} as const;
export type Decision = (typeof DECISIONS)[keyof typeof DECISIONS];
/** True for a decision value of the contract. */
export const isDecision = guardOf(DECISIONS);

/** Förderfall status (set by `case-status` through the task header `status`). */
export const CASE_STATUSES = {
  importiert: 'IMPORTIERT',
  eingeladen: 'EINGELADEN',
  registriert: 'REGISTRIERT',
  stammdatenVollstaendig: 'STAMMDATEN_VOLLSTAENDIG',
  inBetrieb: 'IN_BETRIEB',
  berichtspflichtig: 'BERICHTSPFLICHTIG',
  abgeschlossen: 'ABGESCHLOSSEN',
  widerrufen: 'WIDERRUFEN',
} as const;
export type CaseStatus = (typeof CASE_STATUSES)[keyof typeof CASE_STATUSES];
/** True for a Förderfall status. */
export const isCaseStatus = guardOf(CASE_STATUSES);

/** Berichtszeitraum status (set by `period-status` through the task header `status`). */
export const PERIOD_STATUSES = {
  offen: 'OFFEN',
  entwurf: 'ENTWURF',
  eingereicht: 'EINGEREICHT',
  nachforderung: 'NACHFORDERUNG',
  geprueft: 'GEPRUEFT',
  ueberfaellig: 'UEBERFAELLIG',
} as const;
export type PeriodStatus = (typeof PERIOD_STATUSES)[keyof typeof PERIOD_STATUSES];
/** True for a Berichtszeitraum status. */
export const isPeriodStatus = guardOf(PERIOD_STATUSES);

/** Who works on a form: the case's applicants (`case`) or a role group. */
export type FormAudience = 'case' | RoleGroup;

/** A form of the contract: `forms/<id>.schema.json`, referenced by `zeebe:formDefinition`. */
export interface FormSpec {
  /** German title shown in the task inbox. */
  readonly title: string;
  readonly audience: FormAudience;
  /** The process whose user task shows it. */
  readonly process: ProcessId;
  /**
   * `task`: a user task's form. `start`: filled in the portal outside a task; submitting it
   * publishes the message that starts the process.
   */
  readonly kind: 'task' | 'start';
  /** The values its `decision` field may take; empty when the form takes no decision. */
  readonly decisions: readonly Decision[];
}

/** Form ids, one per user task (and start form) of the models in `processes/`. */
export const FORMS = {
  stammdaten: {
    title: 'Registrierung & Stammdaten',
    audience: 'case',
    process: 'foerderfall',
    kind: 'task',
    decisions: [],
  },
  standort: {
    title: 'Standort & Ladeinfrastruktur',
    audience: 'case',
    process: 'foerderfall',
    kind: 'task',
    decisions: [],
  },
  'kontakt-aufnehmen': {
    title: 'Kontakt aufnehmen (keine Registrierung nach 90 Tagen)',
    audience: 'case-officer',
    process: 'foerderfall',
    kind: 'task',
    decisions: [],
  },
  pruefung: {
    title: 'Prüfung Stammdaten & Standort',
    audience: 'case-officer',
    process: 'foerderfall',
    kind: 'task',
    decisions: ['approve', 'rework'],
  },
  abschlussbestaetigung: {
    title: 'Abschlussbestätigung Zweckbindung',
    audience: 'case',
    process: 'foerderfall',
    kind: 'task',
    decisions: [],
  },
  nutzungsbericht: {
    title: 'Jährlicher Nutzungsbericht',
    audience: 'case',
    process: 'berichtszeitraum',
    kind: 'task',
    decisions: [],
  },
  'upload-ladevorgaenge': {
    title: 'Upload Ladevorgänge',
    audience: 'case',
    process: 'berichtszeitraum',
    kind: 'task',
    decisions: [],
  },
  'bericht-pruefung': {
    title: 'Prüfung Nutzungsbericht',
    audience: 'case-officer',
    process: 'berichtszeitraum',
    kind: 'task',
    decisions: ['approve', 'rework'],
  },
  nachforderung: {
    title: 'Nachforderung',
    audience: 'case-officer',
    process: 'berichtszeitraum',
    kind: 'task',
    decisions: [],
  },
  aenderungsmeldung: {
    title: 'Änderungsmeldung',
    audience: 'case',
    process: 'aenderungsmeldung',
    kind: 'start',
    decisions: [],
  },
  'aenderungsmeldung-pruefung': {
    title: 'Prüfung Änderungsmeldung',
    audience: 'case-officer',
    process: 'aenderungsmeldung',
    kind: 'task',
    decisions: ['approve', 'reject'],
  },
  widerruf: {
    title: 'Widerruf beantragen',
    audience: 'case-officer',
    process: 'widerruf',
    kind: 'start',
    decisions: [],
  },
  'widerruf-freigabe': {
    title: 'Widerruf freigeben (Vier-Augen-Prinzip)',
    audience: 'case-officer',
    process: 'widerruf',
    kind: 'task',
    decisions: ['approve', 'reject'],
  },
  importfehler: {
    title: 'Importfehler prüfen',
    audience: 'admin',
    process: 'kfw-import',
    kind: 'task',
    decisions: [],
  },
  'snapshot-pruefung': {
    title: 'Snapshot prüfen (unterdrückte Zeilen)',
    audience: 'analyst',
    process: 'snapshot',
    kind: 'task',
    decisions: ['approve', 'reject'],
  },
} as const satisfies Record<string, FormSpec>;
export type FormId = keyof typeof FORMS;
/** True for a form id of the contract. */
export function isFormId(value: unknown): value is FormId {
  return typeof value === 'string' && Object.hasOwn(FORMS, value);
}
/** Every form id, in the order of {@link FORMS}. */
export const FORM_IDS = Object.keys(FORMS) as FormId[];
