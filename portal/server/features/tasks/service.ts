/**
 * The task inbox on the engine's user tasks: list, get with its form, claim, unclaim, assign,
 * complete. Completion validates the data against the form's JSON Schema (the same the browser
 * renders), records it, and completes the user task with ids and decisions only; it is
 * idempotent: completing a task that is already completed changes nothing and succeeds.
 */
import { parseCaseGroup, type Database } from '../../../../domain/index.js';
import type { EngineTask, TaskClient, TaskPage } from '../../engine-client/task-client.js';
import {
  ConflictError,
  DependencyUnavailableError,
  ForbiddenError,
  NotFoundError,
  RequestInvalidError,
} from '../../http/portal-errors.js';
import type { Principal } from '../../http/principal.js';
import type { CaseAccess } from '../cases/case-access.js';
import { createFormRegistry, type FormRegistry } from '../forms/form-registry.js';
import { writerFor } from './form-writers.js';
import { prefill } from './prefill.js';
import { maySee, visibleGroups } from './task-visibility.js';

/** Filters an officer may set on the list. */
export interface TaskListQuery {
  candidateGroup?: string;
  assignee?: 'me' | string;
  processDefinitionId?: string;
  elementId?: string;
  state: EngineTask['state'];
  page: TaskPage;
}

/** A task with its form. */
export interface TaskWithForm {
  task: EngineTask;
  form: {
    id: string;
    schema: Record<string, unknown>;
    ui: Record<string, unknown> | null;
    /** 0: the file in `forms/`; higher: a version saved by a process owner. */
    version: number;
  } | null;
  /** The caller's saved draft, else data prefilled from the domain tables. */
  data: Record<string, unknown>;
}

/** The inbox. */
export interface TaskService {
  list(principal: Principal, query: TaskListQuery): Promise<{ items: EngineTask[]; total: number }>;
  /** The task with its form; an officer's read of a case's task is audited. */
  get(principal: Principal, key: string, requestId: string): Promise<TaskWithForm>;
  claim(principal: Principal, key: string): Promise<void>;
  unclaim(principal: Principal, key: string): Promise<void>;
  assign(principal: Principal, key: string, assignee: string): Promise<void>;
  /** Stores the caller's draft of the task's form (autosave); not validated. */
  saveDraft(principal: Principal, key: string, data: Record<string, unknown>): Promise<void>;
  complete(
    principal: Principal,
    key: string,
    data: unknown,
    requestId: string,
  ): Promise<{ alreadyCompleted: boolean }>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The case of an applicant task (its `case:<caseId>` group), if any. */
const caseIdOf = (task: EngineTask) => {
  const group = task.candidateGroups.find((g) => g.startsWith('case:'));
  return group ? parseCaseGroup(group) : null;
};

const caseWide = (p: Principal) => p.roles.includes('case-officer') || p.roles.includes('admin');

/** Creates the inbox over a task client (absent: every call answers 503). */
export function createTaskService(deps: {
  db: Database;
  tasks: TaskClient | undefined;
  access: CaseAccess;
  /** Where forms come from (the newest saved version, else the file). @default over `db` */
  forms?: FormRegistry;
}): TaskService {
  const forms = deps.forms ?? createFormRegistry(deps.db);
  const client = () => {
    if (!deps.tasks) throw new DependencyUnavailableError('Engine (Aufgaben)');
    return deps.tasks;
  };

  /** The task if the caller may see it; otherwise NOT_FOUND. */
  async function visible(principal: Principal, key: string): Promise<EngineTask> {
    const task = await client().get(key);
    if (!task || !maySee(task, principal, await visibleGroups(principal, deps.access)))
      throw new NotFoundError('Aufgabe');
    return task;
  }

  async function form(formId: string | null): Promise<TaskWithForm['form']> {
    if (!formId) return null;
    const current = await forms.current(formId);
    return { id: formId, schema: current.schema, ui: current.ui, version: current.version };
  }

  return {
    async list(principal, query) {
      const groups = await visibleGroups(principal, deps.access);
      if (query.candidateGroup !== undefined && !groups.includes(query.candidateGroup))
        return { items: [], total: 0 };
      const assignee = query.assignee === 'me' ? principal.subject : query.assignee;
      if (groups.length === 0 && assignee !== principal.subject) return { items: [], total: 0 };
      return client().search(
        {
          candidateGroups: query.candidateGroup
            ? [query.candidateGroup]
            : groups.length > 0
              ? groups
              : undefined,
          assignee,
          state: query.state,
          processDefinitionId: query.processDefinitionId,
          elementId: query.elementId,
        },
        query.page,
      );
    },

    async get(principal, key, requestId) {
      const task = await visible(principal, key);
      if (caseWide(principal)) {
        // Officers' tasks have no case group; the process names its case in `caseId`.
        const caseId = caseIdOf(task) ?? (await client().variables(key, ['caseId'])).caseId;
        if (typeof caseId === 'string' && UUID.test(caseId)) {
          await deps.access.recordCaseRead(principal, {
            caseId,
            aktion: 'aufgabe.read',
            objektTyp: 'user_task',
            objektId: key,
            requestId,
          });
        }
      }
      const draft = await deps.db.models.Entwurf.findOne({
        where: { userTaskKey: key, subjekt: principal.subject },
      });
      return {
        task,
        form: await form(task.formId),
        data:
          draft?.daten ??
          (await prefill(deps.db, task, principal, (names) => client().variables(key, names))),
      };
    },

    async claim(principal, key) {
      const task = await visible(principal, key);
      if (task.state !== 'CREATED')
        throw new ConflictError('TASK_NOT_OPEN', 'Die Aufgabe ist nicht mehr offen');
      if (task.assignee && task.assignee !== principal.subject)
        throw new ConflictError('TASK_ASSIGNED', 'Die Aufgabe ist schon jemand anderem zugewiesen');
      await client().assign(key, principal.subject, false);
    },

    async unclaim(principal, key) {
      const task = await visible(principal, key);
      if (task.assignee !== principal.subject && !caseWide(principal)) throw new ForbiddenError();
      await client().unassign(key);
    },

    async assign(principal, key, assignee) {
      if (!caseWide(principal)) throw new ForbiddenError();
      const task = await visible(principal, key);
      if (task.state !== 'CREATED')
        throw new ConflictError('TASK_NOT_OPEN', 'Die Aufgabe ist nicht mehr offen');
      await client().assign(key, assignee, true);
    },

    async complete(principal, key, data, requestId) {
      const task = await visible(principal, key);
      if (task.state === 'COMPLETED') return { alreadyCompleted: true };
      if (task.state !== 'CREATED')
        throw new ConflictError('TASK_NOT_OPEN', 'Die Aufgabe ist nicht mehr offen');
      if (task.assignee && task.assignee !== principal.subject && !caseWide(principal))
        throw new ConflictError('TASK_ASSIGNED', 'Die Aufgabe ist jemand anderem zugewiesen');
      if (task.formId) {
        const result = await forms.validate(task.formId, data);
        if (!result.valid)
          throw new RequestInvalidError(
            result.errors.map((e) => ({ path: `/body/data${e.path}`, message: e.message })),
          );
      }
      const record = data as Record<string, unknown>;
      const writer = writerFor(task.formId);
      const seen = await client().variables(key, [...(writer.needs ?? []), 'caseId']);
      const caseId =
        caseIdOf(task) ?? (typeof seen.caseId === 'string' ? (seen.caseId as string) : null);
      const { AuditEvent } = deps.db.models;
      // Data and its audit event in one transaction; the engine is told afterwards, so a failed
      // completion is retried by the person: the writer then updates what the first attempt
      // wrote (its ids are in that attempt's audit event) instead of adding rows again.
      const written = await deps.db.sequelize.transaction(async (transaction) => {
        const earlier = await AuditEvent.findOne({
          where: { aktion: 'aufgabe.complete', objektTyp: 'user_task', objektId: key },
          order: [['createdAt', 'DESC']],
          transaction,
        });
        const result = await writer.write({
          db: deps.db,
          task,
          principal,
          data: record,
          transaction,
          now: new Date(),
          caseId,
          variables: seen,
          previous: (earlier?.nachher?.ids as Record<string, unknown> | undefined) ?? undefined,
        });
        await AuditEvent.create(
          {
            akteurTyp: 'PERSON',
            akteurId: principal.subject,
            aktion: 'aufgabe.complete',
            objektTyp: 'user_task',
            objektId: key,
            foerderfallId: caseId,
            nachher: {
              formId: task.formId,
              tables: result.tables,
              ids: result.ids ?? {},
              data: record,
            },
            korrelationId: requestId,
          },
          { transaction },
        );
        return result;
      });
      // Only ids and decisions go to the process (DESIGN.md), never the form data itself.
      const variables: Record<string, unknown> = { ...written.processVariables };
      try {
        await client().complete(key, variables);
      } catch (error) {
        // A retried or double submit: the first one won, and that is what the caller wanted.
        const again = await client().get(key);
        if (again?.state === 'COMPLETED') return { alreadyCompleted: true };
        throw error;
      }
      await deps.db.models.Entwurf.destroy({ where: { userTaskKey: key } });
      return { alreadyCompleted: false };
    },

    async saveDraft(principal, key, data) {
      const task = await visible(principal, key);
      if (task.state !== 'CREATED')
        throw new ConflictError('TASK_NOT_OPEN', 'Die Aufgabe ist nicht mehr offen');
      const { Entwurf } = deps.db.models;
      const existing = await Entwurf.findOne({
        where: { userTaskKey: key, subjekt: principal.subject },
      });
      if (existing) await existing.update({ daten: data });
      else
        await Entwurf.create({
          userTaskKey: key,
          subjekt: principal.subject,
          formId: task.formId ?? '',
          daten: data,
        });
    },
  };
}
