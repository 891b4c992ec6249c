import { describe, expect, it } from 'vitest';
import {
  CASE_GROUP_FEEL,
  CASE_STATUSES,
  DECISIONS,
  FORMS,
  JOB_SPECS,
  MESSAGES,
  PERIOD_STATUSES,
  isDecision,
  isFormId,
  isJobType,
  isMessageName,
  isNotifyTemplate,
  isProcessId,
  isRoleGroup,
  isVariableName,
  type FormId,
  type JobType,
} from '../domain/contract.js';
import { modelFacts, type ModelFacts } from './testing/model-facts.js';
import { parseAllModels } from './testing/read-model.js';
import { feelIdentifiers } from './testing/feel-identifiers.js';

// Every name that crosses from a model into workers, portal or another process must be one the
// contract module names; otherwise a job waits forever for a worker or a task never shows up.
const models = await parseAllModels();
const facts: ModelFacts[] = models.map((model) => modelFacts(model.definitions));
const all = <T>(pick: (f: ModelFacts) => readonly T[]): T[] => facts.flatMap(pick);

describe('models against the contract (domain/contract.ts)', () => {
  it('use only job types of the contract', () => {
    // given every job element / then its type is a contract job type
    const unknown = all((f) => f.jobs).filter((job) => !isJobType(job.type));
    expect(unknown.map((job) => `${job.id}: ${job.type}`)).toEqual([]);
  });

  it('give every job the task headers its worker requires', () => {
    for (const job of all((f) => f.jobs)) {
      const spec = JOB_SPECS[job.type as JobType];
      for (const header of spec.headers)
        expect(job.headers, `${job.id} ${header}`).toHaveProperty(header);
    }
  });

  it('choose notify templates and statuses the workers know', () => {
    const caseStatuses = Object.values(CASE_STATUSES) as string[];
    const periodStatuses = Object.values(PERIOD_STATUSES) as string[];
    for (const job of all((f) => f.jobs)) {
      if (job.type === 'notify')
        expect(isNotifyTemplate(job.headers['template']), job.id).toBe(true);
      if (job.type === 'case-status') expect(caseStatuses, job.id).toContain(job.headers['status']);
      if (job.type === 'period-status')
        expect(periodStatuses, job.id).toContain(job.headers['status']);
    }
  });

  it('catch only contract messages, correlated by the contract key', () => {
    const specs = Object.values(MESSAGES);
    for (const message of all((f) => f.messages)) {
      expect(isMessageName(message.name), message.elementId).toBe(true);
      const spec = specs.find((candidate) => candidate.name === message.name);
      // the catching process is one the contract lists for the message
      expect(spec?.processes as readonly string[], message.elementId).toContain(message.processId);
      if (!message.startsProcess) {
        expect(message.correlationKey, message.elementId).toBe(`=${spec?.correlationKey}`);
      }
    }
  });

  it('catch every contract message somewhere', () => {
    const caught = new Set(all((f) => f.messages).map((message) => message.name));
    expect(Object.values(MESSAGES).filter((spec) => !caught.has(spec.name))).toEqual([]);
  });

  it('call only contract processes', () => {
    for (const call of all((f) => f.calledProcessIds)) {
      expect(isProcessId(call.processId), call.elementId).toBe(true);
    }
  });

  it('assign applicant tasks to their case group and officer tasks to a role group', () => {
    // given every user task / then its candidate group matches the audience of its form
    for (const task of all((f) => f.userTasks)) {
      expect(isFormId(task.formId), `${task.id}: ${task.formId}`).toBe(true);
      const form = FORMS[task.formId as FormId];
      if (form.audience === 'case') {
        expect(task.candidateGroups, task.id).toBe(CASE_GROUP_FEEL);
      } else {
        expect(isRoleGroup(task.candidateGroups), task.id).toBe(true);
        expect(task.candidateGroups, task.id).toBe(form.audience);
      }
      expect(form.process, task.id).toBe(task.processId);
      expect(form.kind, task.id).toBe('task');
    }
  });

  it('show every task form of the contract in exactly one user task', () => {
    const used = all((f) => f.userTasks).map((task) => task.formId);
    const taskForms = Object.entries(FORMS)
      .filter(([, form]) => form.kind === 'task')
      .map(([id]) => id);
    for (const id of taskForms)
      expect(
        used.filter((formId) => formId === id),
        id,
      ).toHaveLength(1);
  });

  it('branch only on decisions of the contract', () => {
    for (const { flowId, expression } of all((f) => f.conditions)) {
      for (const [, value] of expression.matchAll(/decision = "([^"]*)"/g)) {
        expect(isDecision(value), `${flowId}: ${value}`).toBe(true);
      }
    }
    expect(Object.keys(DECISIONS)).toContain('rework');
  });

  it('read only contract variables in their expressions (ids, decisions, dates for timers)', () => {
    // given every FEEL expression of every model (conditions, timers, due dates, keys, mappings)
    const unknown = models.flatMap((model) =>
      feelIdentifiers(model.xml)
        .filter((name) => !isVariableName(name))
        .map((name) => `${model.file}: ${name}`),
    );
    // then each variable it reads is one the contract names
    expect(unknown).toEqual([]);
  });
});
