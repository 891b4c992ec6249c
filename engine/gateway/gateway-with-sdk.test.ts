import { readFileSync } from 'node:fs';
import { status } from '@grpc/grpc-js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openEngineGateway, type EngineGateway } from './testing/engine-gateway.js';

/**
 * The real `@camunda8/sdk` gRPC client against the real engine over a socket: what a worker or
 * the portal sees. The engine runs on a controlled clock, so back-offs pass without sleeping.
 */
let env: EngineGateway;
beforeEach(async () => {
  env = await openEngineGateway();
});
afterEach(async () => {
  await env.close();
});

async function deploy(...files: string[]) {
  for (const file of files) await env.zeebe.deployResource({ processFilename: env.fixture(file) });
}

/** Waits until the engine reports the instance in a state (the SDK has no query for it). */
async function instanceReaches(processInstanceKey: string, state: 'COMPLETED' | 'TERMINATED') {
  await vi.waitFor(() =>
    expect(env.engine.getProcessInstance(processInstanceKey).state).toBe(state),
  );
}

function completedElements(processInstanceKey: string): string[] {
  return env.engine.search
    .elementInstances({ filter: { processInstanceKey, state: 'COMPLETED' }, page: { limit: 100 } })
    .items.map((item) => item.elementId);
}

const activateNow = (type: string) =>
  env.zeebe.activateJobs({
    type,
    worker: 'test',
    maxJobsToActivate: 10,
    timeout: 60_000,
    requestTimeout: -1,
  });

describe('the gateway with @camunda8/sdk', () => {
  it('reports the topology of a one-broker cluster', async () => {
    // given the engine behind the gateway
    // when the SDK asks for the topology
    const topology = await env.zeebe.topology();
    // then one broker leads the one partition, at the gateway's address
    expect(topology.brokers).toEqual([
      expect.objectContaining({
        nodeId: 0,
        host: '127.0.0.1',
        port: env.port,
        partitions: [
          expect.objectContaining({ partitionId: 1, role: 'LEADER', health: 'HEALTHY' }),
        ],
      }),
    ]);
  });

  it('deploys a model and answers a redeploy of the same content with the same version', async () => {
    // given a model file
    const file = env.fixture('check-documents.bpmn');
    // when it is deployed twice
    const first = await env.zeebe.deployResource({ processFilename: file });
    const again = await env.zeebe.deployResource({ name: file, process: readFileSync(file) });
    // then both name process check-documents in version 1 with one definition key (the SDK sends the path as the name)
    expect(first.deployments[0]?.process).toMatchObject({
      bpmnProcessId: 'check-documents',
      version: 1,
      resourceName: file,
    });
    expect(again.deployments[0]?.process.processDefinitionKey).toBe(
      first.deployments[0]?.process.processDefinitionKey,
    );
  });

  it('rejects an invalid model with INVALID_ARGUMENT naming the element', async () => {
    // given a service task without a job type
    // when it is deployed
    const deployment = env.zeebe.deployResource({
      processFilename: env.fixture('missing-task-type.bpmn'),
    });
    // then the deployment is refused and says which element is at fault
    await expect(deployment).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
      message: expect.stringContaining('ServiceTask_WithoutType'),
    });
  });

  it('creates an instance by process id with its variables', async () => {
    // given the deployed model
    await deploy('check-documents.bpmn');
    // when an instance is created
    const created = await env.zeebe.createProcessInstance({
      bpmnProcessId: 'check-documents',
      variables: { caseId: 'c-7' },
    });
    // then it has string keys, and its job carries the variables
    expect(created).toMatchObject({
      bpmnProcessId: 'check-documents',
      version: 1,
      processInstanceKey: expect.stringMatching(/^\d+$/),
    });
    const [job] = await activateNow('check-documents');
    expect(job).toMatchObject({
      processInstanceKey: created.processInstanceKey,
      variables: { caseId: 'c-7' },
    });
  });

  it('lets a createWorker work the jobs of several instances', async () => {
    // given a worker that completes check-documents jobs with the template header it got
    await deploy('check-documents.bpmn');
    const worker = env.zeebe.createWorker({
      taskType: 'check-documents',
      taskHandler: (job) =>
        job.complete({ checked: true, template: String(job.customHeaders['template']) }),
    });
    try {
      // when three instances are started and awaited
      const results = await Promise.all(
        ['c-1', 'c-2', 'c-3'].map((caseId) =>
          env.zeebe.createProcessInstanceWithResult({
            bpmnProcessId: 'check-documents',
            variables: { caseId },
            requestTimeout: 20_000,
          }),
        ),
      );
      // then each completed with the worker's output
      expect(results.map((result) => result.variables)).toEqual([
        { caseId: 'c-1', checked: true, template: 'invitation' },
        { caseId: 'c-2', checked: true, template: 'invitation' },
        { caseId: 'c-3', checked: true, template: 'invitation' },
      ]);
    } finally {
      await worker.close();
    }
  });

  it('does not offer a failed job again before its back-off ends, then hands it to a waiting poll', async () => {
    // given an activated job
    await deploy('check-documents.bpmn');
    const { processInstanceKey } = await env.zeebe.createProcessInstance({
      bpmnProcessId: 'check-documents',
      variables: {},
    });
    const [job] = await activateNow('check-documents');
    // when the worker fails it with retries left and a one-minute back-off
    await env.zeebe.failJob({
      jobKey: job!.key,
      retries: 2,
      retryBackOff: 60_000,
      errorMessage: 'archive offline',
    });
    // then it is not offered during the back-off, not even a millisecond before its end
    expect(await activateNow('check-documents')).toEqual([]);
    const poll = env.zeebe.activateJobs({
      type: 'check-documents',
      worker: 'w2',
      maxJobsToActivate: 1,
      timeout: 60_000,
      requestTimeout: 30_000,
    });
    await vi.waitFor(() => expect(env.gateway.workersWaiting('check-documents').polls).toBe(1));
    await env.advance(59_999);
    expect(await activateNow('check-documents')).toEqual([]);
    // and the waiting poll gets it as soon as the back-off is over
    await env.advance(1);
    const [again] = await poll;
    expect(again).toMatchObject({ key: job!.key, retries: 2, worker: 'w2' });
    await env.zeebe.completeJob({ jobKey: again!.key, variables: {} });
    await instanceReaches(processInstanceKey, 'COMPLETED');
  });

  it('raises an incident when a job fails without retries, and completes after retries are updated and the incident resolved', async () => {
    // given a job failed with no retries left
    await deploy('check-documents.bpmn');
    const { processInstanceKey } = await env.zeebe.createProcessInstance({
      bpmnProcessId: 'check-documents',
      variables: {},
    });
    const [job] = await activateNow('check-documents');
    await env.zeebe.failJob({
      jobKey: job!.key,
      retries: 0,
      retryBackOff: 0,
      errorMessage: 'archive offline',
    });
    const [incident] = env.engine.search.incidents({
      filter: { processInstanceKey, state: 'ACTIVE' },
    }).items;
    expect(incident).toMatchObject({
      errorType: 'JOB_NO_RETRIES',
      errorMessage: 'archive offline',
      jobKey: job!.key,
    });
    expect(await activateNow('check-documents')).toEqual([]);
    // when an operator gives it a retry and resolves the incident
    await env.zeebe.updateJobRetries({ jobKey: job!.key, retries: 1 });
    await env.zeebe.resolveIncident({ incidentKey: incident!.incidentKey });
    // then the job is offered again and the instance completes
    const [retried] = await env.zeebe.activateJobs({
      type: 'check-documents',
      worker: 'w',
      maxJobsToActivate: 1,
      timeout: 60_000,
      requestTimeout: 10_000,
    });
    expect(retried).toMatchObject({ key: job!.key, retries: 1 });
    await env.zeebe.completeJob({ jobKey: retried!.key, variables: {} });
    await instanceReaches(processInstanceKey, 'COMPLETED');
  });

  it('routes a thrown error to the boundary event that catches its code', async () => {
    // given a worker that finds the report invalid
    await deploy('validate-report.bpmn');
    const worker = env.zeebe.createWorker({
      taskType: 'report-validate',
      taskHandler: (job) =>
        job.error({
          errorCode: 'REPORT_INVALID',
          errorMessage: 'kWh missing',
          variables: { findings: ['kwh'] },
        }),
    });
    try {
      // when a report is validated
      const result = await env.zeebe.createProcessInstanceWithResult({
        bpmnProcessId: 'validate-report',
        variables: {},
        requestTimeout: 20_000,
      });
      // then the instance left through the error boundary event
      const path = completedElements(result.processInstanceKey);
      expect(path).toEqual(
        expect.arrayContaining(['BoundaryEvent_ReportInvalid', 'EndEvent_ReworkRequested']),
      );
      expect(path).not.toContain('EndEvent_ReportAccepted');
    } finally {
      await worker.close();
    }
  });

  it('correlates a message published before the subscription exists (buffered) and one published after', async () => {
    // given the model waiting for applicant-registered by caseId, and a buffered message for case c-1
    await deploy('await-registration.bpmn');
    await env.zeebe.publishMessage({
      name: 'applicant-registered',
      correlationKey: 'c-1',
      timeToLive: 60_000,
      variables: { accountId: 'a-1' },
    });
    // when instances for c-1 and c-2 start, and then c-2's message is published
    const early = await env.zeebe.createProcessInstance({
      bpmnProcessId: 'await-registration',
      variables: { caseId: 'c-1' },
    });
    const late = await env.zeebe.createProcessInstance({
      bpmnProcessId: 'await-registration',
      variables: { caseId: 'c-2' },
    });
    await vi.waitFor(() =>
      expect(env.engine.getProcessInstance(late.processInstanceKey).state).toBe('ACTIVE'),
    );
    const published = await env.zeebe.publishMessage({
      name: 'applicant-registered',
      correlationKey: 'c-2',
      variables: { accountId: 'a-2' },
    });
    // then both complete, each with its message's variables
    expect(published.key).toMatch(/^\d+$/);
    await instanceReaches(early.processInstanceKey, 'COMPLETED');
    await instanceReaches(late.processInstanceKey, 'COMPLETED');
    const accountOf = (key: string) =>
      env.engine.search.variables({ filter: { processInstanceKey: key, name: 'accountId' } })
        .items[0]?.value;
    expect([accountOf(early.processInstanceKey), accountOf(late.processInstanceKey)]).toEqual([
      '"a-1"',
      '"a-2"',
    ]);
  });

  it('answers create-with-result with the variables the instance ended with (only those fetched)', async () => {
    // given a model that computes a grant in a FEEL script task
    await deploy('compute-grant.bpmn');
    // when an instance is created with its result, fetching only the grant
    const result = await env.zeebe.createProcessInstanceWithResult({
      bpmnProcessId: 'compute-grant',
      variables: { costs: 1000, caseId: 'c-9' },
      fetchVariables: ['grant'],
      requestTimeout: 20_000,
    });
    // then the answer carries the grant only
    expect(result).toMatchObject({ bpmnProcessId: 'compute-grant', variables: { grant: 700 } });
  });

  it('answers create-with-result with DEADLINE_EXCEEDED when the instance does not complete in time, and the instance runs on', async () => {
    // given a model that waits for a message
    await deploy('await-registration.bpmn');
    // when an instance is created with a result expected within 100 ms
    const waiting = env.zeebe.createProcessInstanceWithResult({
      bpmnProcessId: 'await-registration',
      variables: { caseId: 'c-4' },
      requestTimeout: 100,
    });
    // then the request times out, and the instance is still there waiting for its message
    await expect(waiting).rejects.toMatchObject({ code: status.DEADLINE_EXCEEDED });
    const [instance] = env.engine.search.processInstances({
      filter: { processDefinitionId: 'await-registration' },
    }).items;
    expect(instance?.state).toBe('ACTIVE');
  });

  it('ends a waiting create-with-result with UNAVAILABLE when the gateway shuts down', async () => {
    // given a caller waiting for an instance that waits for a message
    await deploy('await-registration.bpmn');
    const waiting = env.zeebe.createProcessInstanceWithResult({
      bpmnProcessId: 'await-registration',
      variables: { caseId: 'c-6' },
      requestTimeout: 60_000,
    });
    await vi.waitFor(() =>
      expect(
        env.engine.search.processInstances({ filter: { state: 'ACTIVE' } }).page.totalItems,
      ).toBe(1),
    );
    const answer = waiting.then(
      () => ({ code: status.OK }),
      (error: { code: number }) => error,
    );
    // when the gateway closes
    await env.gateway.close();
    // then the caller is told to come back later, not that its request was wrong
    await expect(answer).resolves.toMatchObject({ code: status.UNAVAILABLE });
  });

  it('cancels a waiting instance, and refuses to cancel it twice with NOT_FOUND', async () => {
    // given an instance waiting for a message
    await deploy('await-registration.bpmn');
    const { processInstanceKey } = await env.zeebe.createProcessInstance({
      bpmnProcessId: 'await-registration',
      variables: { caseId: 'c-3' },
    });
    // when it is canceled
    await env.zeebe.cancelProcessInstance(processInstanceKey);
    // then it is terminated, and a second cancellation names the missing instance
    await instanceReaches(processInstanceKey, 'TERMINATED');
    await expect(env.zeebe.cancelProcessInstance(processInstanceKey)).rejects.toMatchObject({
      code: status.NOT_FOUND,
    });
  });

  it('pushes jobs to a streamJobs worker as they are created', async () => {
    // given a streaming worker with its stream open
    await deploy('check-documents.bpmn');
    const handled: string[] = [];
    const worker = await env.zeebe.streamJobs({
      type: 'check-documents',
      worker: 'streamer',
      timeout: 60_000,
      tenantIds: ['<default>'],
      taskHandler: (job) => {
        handled.push(job.variables['caseId'] as string);
        return job.complete({ streamed: true });
      },
    });
    try {
      await vi.waitFor(() => expect(env.gateway.workersWaiting('check-documents').streams).toBe(1));
      // when two instances start
      const keys = await Promise.all(
        ['s-1', 's-2'].map(
          async (caseId) =>
            (
              await env.zeebe.createProcessInstance({
                bpmnProcessId: 'check-documents',
                variables: { caseId },
              })
            ).processInstanceKey,
        ),
      );
      // then the streaming worker completed both
      for (const key of keys) await instanceReaches(key, 'COMPLETED');
      expect(handled.sort()).toEqual(['s-1', 's-2']);
    } finally {
      worker.close();
    }
  });

  it('hands out a job-based user task with its form, assignee and candidate groups as headers', async () => {
    // given a job-based user task
    await deploy('officer-review.bpmn');
    const { processInstanceKey } = await env.zeebe.createProcessInstance({
      bpmnProcessId: 'officer-review',
      variables: { caseId: 'c-5' },
    });
    // when a task list activates io.camunda.zeebe:userTask jobs
    const [task] = await activateNow('io.camunda.zeebe:userTask');
    // then the job carries the task data as Zeebe's headers, and completing it completes the task
    expect(task).toMatchObject({
      elementId: 'UserTask_ReviewCase',
      retries: 1,
      customHeaders: {
        'io.camunda.zeebe:formKey': 'camunda-forms:bpmn:pruefung',
        'io.camunda.zeebe:assignee': 'officer-1',
        'io.camunda.zeebe:candidateGroups': '["case-officer","admin"]',
      },
    });
    await env.zeebe.completeJob({ jobKey: task!.key, variables: { decision: 'approve' } });
    await instanceReaches(processInstanceKey, 'COMPLETED');
  });

  it('sets variables on an instance that the next job sees', async () => {
    // given an instance waiting at its service task
    await deploy('check-documents.bpmn');
    const { processInstanceKey } = await env.zeebe.createProcessInstance({
      bpmnProcessId: 'check-documents',
      variables: { caseId: 'c-1' },
    });
    // when variables are set on the instance's scope
    await env.zeebe.setVariables({
      elementInstanceKey: processInstanceKey,
      variables: { periodId: 'p-2026' },
      local: false,
    });
    // then the job carries them
    const [job] = await activateNow('check-documents');
    expect(job?.variables).toEqual({ caseId: 'c-1', periodId: 'p-2026' });
  });

  it('gives a job back to waiting workers when its shortened time-out runs out', async () => {
    // given a job held by a worker for a minute, and another worker waiting
    await deploy('check-documents.bpmn');
    await env.zeebe.createProcessInstance({ bpmnProcessId: 'check-documents', variables: {} });
    const [job] = await activateNow('check-documents');
    const poll = env.zeebe.activateJobs({
      type: 'check-documents',
      worker: 'w2',
      maxJobsToActivate: 1,
      timeout: 60_000,
      requestTimeout: 30_000,
    });
    await vi.waitFor(() => expect(env.gateway.workersWaiting('check-documents').polls).toBe(1));
    // when its time-out is cut to one second and that second passes
    await env.zeebe.updateJobTimeout({ jobKey: job!.key, timeout: 1000 });
    await env.advance(1000);
    // then the waiting worker gets the job
    const [again] = await poll;
    expect(again).toMatchObject({ key: job!.key, worker: 'w2' });
  });

  it('refuses a second message with the same id with ALREADY_EXISTS', async () => {
    // given a buffered message with an id
    const message = {
      name: 'applicant-registered',
      correlationKey: 'c-1',
      messageId: 'registration-c-1',
      timeToLive: 60_000,
      variables: {},
    };
    await env.zeebe.publishMessage(message);
    // when it is published again
    // then the duplicate is refused, not retried
    await expect(env.zeebe.publishMessage(message)).rejects.toMatchObject({
      code: status.ALREADY_EXISTS,
    });
  });

  it('broadcasts a signal to every instance waiting for it', async () => {
    // given two instances waiting for the funding-call-opened signal
    await deploy('await-funding-call.bpmn');
    const keys = [];
    for (let n = 0; n < 2; n++) {
      keys.push(
        (
          await env.zeebe.createProcessInstance({
            bpmnProcessId: 'await-funding-call',
            variables: {},
          })
        ).processInstanceKey,
      );
    }
    // when the signal is broadcast
    const signal = await env.zeebe.broadcastSignal({
      signalName: 'funding-call-opened',
      variables: { callId: 'call-2026-1' },
    });
    // then both instances move on and complete
    expect(signal.key).toMatch(/^\d+$/);
    for (const key of keys) await instanceReaches(key, 'COMPLETED');
  });
});
