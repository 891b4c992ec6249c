import type { ElementInstanceRow, JobRow } from './engine-state.js';
import type { ProcessingContext } from './processing-context.js';

/** Creates a job for a waiting element and writes JOB CREATED. */
export function createJob(
  ctx: ProcessingContext,
  instance: ElementInstanceRow,
  type: string,
  retries: number,
  customHeaders: Record<string, string>,
): JobRow {
  const job: JobRow = {
    key: ctx.nextKey(),
    type,
    state: 'ACTIVATABLE',
    worker: '',
    retries,
    deadline: null,
    recurAt: null,
    errorMessage: '',
    errorCode: '',
    customHeaders,
    elementInstanceKey: instance.key,
    elementId: instance.elementId,
    processInstanceKey: instance.processInstanceKey,
    processDefinitionKey: instance.processDefinitionKey,
    bpmnProcessId: instance.bpmnProcessId,
    processDefinitionVersion: instance.version,
    kind: 'BPMN_ELEMENT',
    listenerEventType: 'UNSPECIFIED',
  };
  ctx.state.jobs.put(job);
  ctx.state.elementInstances.put({ ...ctx.instance(instance.key), jobKey: job.key });
  ctx.write('JOB', 'CREATED', job.key, jobValue(job));
  return job;
}

/** Cancels the job of an element that is left another way (JOB CANCELED). */
export function cancelJobOf(ctx: ProcessingContext, instance: ElementInstanceRow): void {
  if (instance.jobKey === null) return;
  const job = ctx.state.jobs.get(instance.jobKey);
  if (!job || job.state === 'COMPLETED' || job.state === 'CANCELED' || job.state === 'ERROR_THROWN')
    return;
  const canceled = { ...job, state: 'CANCELED' as const, deadline: null, recurAt: null };
  ctx.state.jobs.put(canceled);
  ctx.write('JOB', 'CANCELED', job.key, jobValue(canceled));
}

/** The JOB record value (Zeebe's JobRecord). */
export function jobValue(
  job: JobRow,
  variables: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    type: job.type,
    worker: job.worker,
    retries: job.retries,
    deadline: job.deadline ?? -1,
    recurringTime: job.recurAt ?? -1,
    errorMessage: job.errorMessage,
    errorCode: job.errorCode,
    customHeaders: job.customHeaders,
    variables,
    elementId: job.elementId,
    elementInstanceKey: job.elementInstanceKey,
    processInstanceKey: job.processInstanceKey,
    bpmnProcessId: job.bpmnProcessId,
    processDefinitionKey: job.processDefinitionKey,
    processDefinitionVersion: job.processDefinitionVersion,
    jobKind: job.kind,
    jobListenerEventType: job.listenerEventType,
    tenantId: '<default>',
  };
}
