/**
 * The real embedded engine for portal tests, run as a child process (`now engine` on free ports
 * with its state in a temp directory), so the portal reaches it exactly as in production: through
 * `@camunda8/sdk` over gRPC and the REST API v2. A child process, not an import: `portal/server`
 * may not import `engine/` (lint zones), and the tests prove the portal needs nothing more than
 * the SDK's addresses.
 *
 * @example
 *   const engine = await startEngineProcess();
 *   await engine.deploy('stammdaten-task.bpmn', userTaskModel({ ... }));
 *   const key = await engine.startInstance('stammdaten-task', { caseId });
 *   const portal = await startTestPortal({ tasks: createSdkTaskClient(engine.sdk) });
 *   ...
 *   await engine.close();
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Camunda8 } from '@camunda8/sdk';
import type { SdkConfiguration } from '../engine-client/engine-client.js';
import { userTaskModel } from './user-task-model.js';

/** A user task to open with {@link EngineProcess.openTask}. */
export interface TaskToOpen {
  /** Its form; absent: a task without a form. */
  formId?: string;
  /** Its candidate groups, e.g. `case:<caseId>` or `case-officer`. */
  groups: string[];
  /** @default 'Formular ausfüllen' */
  name?: string;
  /** Further process variables (e.g. `periodId`). */
  variables?: Record<string, unknown>;
}

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** A running engine process with an SDK client. */
export interface EngineProcess {
  /** The SDK configuration a portal or worker uses to reach it. */
  sdk: SdkConfiguration;
  /** Deploys one BPMN model (XML text). */
  deploy(name: string, xml: string): Promise<void>;
  /** Starts an instance of the latest version; returns its key. */
  startInstance(processId: string, variables: Record<string, unknown>): Promise<string>;
  /**
   * Opens a user task on a generated one-task model (one per form, candidate groups from the
   * variable `groups`); resolves once the engine serves the task.
   */
  openTask(task: TaskToOpen): Promise<{ key: string; processInstanceKey: string }>;
  /** Cancels an instance (its open user task becomes CANCELED). */
  cancelInstance(processInstanceKey: string): Promise<void>;
  /** The process-level variables of an instance, parsed. */
  variables(processInstanceKey: string): Promise<Record<string, unknown>>;
  /** The SDK's REST client (searches), for assertions. */
  rest(): ReturnType<Camunda8['getCamundaRestClient']>;
  close(): Promise<void>;
}

/** Starts `now engine` on free ports (port 0: the engine prints what it bound). */
export async function startEngineProcess(): Promise<EngineProcess> {
  const dir = await mkdtemp(path.join(tmpdir(), 'portal-engine-'));
  const child = spawn(
    process.execPath,
    [
      'bin/now.js',
      'engine',
      '--port',
      '0',
      '--rest-port',
      '0',
      '--management-port',
      '0',
      '--data',
      path.join(dir, 'engine.sqlite'),
    ],
    {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', DATA_DIR: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const addresses = await new Promise<{ grpc: string; rest: string }>((resolve, reject) => {
    let grpc = '';
    createInterface({ input: child.stdout! }).on('line', (line) => {
      grpc ||= /engine gRPC gateway: (\S+)/.exec(line)?.[1] ?? '';
      const rest = /engine REST API: +(\S+)/.exec(line)?.[1];
      if (grpc && rest) resolve({ grpc, rest });
    });
    child.once('exit', (code) => reject(new Error(`now engine exited with ${code}: ${stderr}`)));
  });
  const sdk = {
    ZEEBE_GRPC_ADDRESS: addresses.grpc,
    ZEEBE_REST_ADDRESS: addresses.rest,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    CAMUNDA_LOG_LEVEL: 'none',
    zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE', ZEEBE_GRPC_CLIENT_RETRY: false },
  } as SdkConfiguration;
  const camunda = new Camunda8(sdk);
  const zeebe = camunda.getZeebeGrpcApiClient();
  const rest = camunda.getCamundaRestClient();
  const deployed = new Map<string, Promise<void>>();
  const deploy = async (name: string, xml: string) => {
    await zeebe.deployResource({ name, process: Buffer.from(xml) });
  };
  const startInstance = async (processId: string, variables: Record<string, unknown>) => {
    const created = await zeebe.createProcessInstance({
      bpmnProcessId: processId,
      variables: variables as never,
    });
    return String(created.processInstanceKey);
  };
  return {
    sdk,
    deploy,
    startInstance,
    async openTask(task) {
      const processId = `task-${task.formId ?? 'ohne-formular'}-${(task.name ?? 'standard').toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
      if (!deployed.has(processId))
        deployed.set(
          processId,
          deploy(
            `${processId}.bpmn`,
            userTaskModel({
              processId,
              ...(task.formId ? { formId: task.formId } : {}),
              candidateGroups: '=groups',
              ...(task.name ? { name: task.name } : {}),
            }),
          ),
        );
      await deployed.get(processId);
      const processInstanceKey = await startInstance(processId, {
        ...task.variables,
        groups: task.groups,
      });
      const key = await eventually(async () => {
        const found = await rest.searchUserTasks({
          filter: { processInstanceKey, state: 'CREATED' },
        } as never);
        return found.items[0]?.userTaskKey;
      }, `the user task of ${processId}`);
      return { key: String(key), processInstanceKey };
    },
    async cancelInstance(processInstanceKey) {
      await rest.cancelProcessInstance({ processInstanceKey });
    },
    async variables(processInstanceKey) {
      const found = await rest.searchVariables({
        filter: { processInstanceKey, scopeKey: processInstanceKey },
        page: { from: 0, limit: 1000 },
      } as never);
      return Object.fromEntries(found.items.map((v) => [v.name, JSON.parse(v.value) as unknown]));
    },
    rest: () => rest,
    async close() {
      await zeebe.close();
      await stopChild(child);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Polls `probe` until it returns a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(
  probe: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
