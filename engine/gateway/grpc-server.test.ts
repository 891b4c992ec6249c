import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { status } from '@grpc/grpc-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GATEWAY_VERSION, GrpcGateway } from './grpc-server.js';
import { JobBoardEngine } from './testing/job-board-engine.js';
import { rawCall, rawClient, sdkClient } from './testing/sdk-client.js';

/** Resources opened by a test, closed after it whatever happens. */
const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startGateway(engine = new JobBoardEngine()) {
  const gateway = new GrpcGateway({ engine, port: 0 });
  const { port } = await gateway.start();
  cleanups.push(() => gateway.close());
  const zeebe = sdkClient(port);
  cleanups.push(() => zeebe.close());
  return { engine, gateway, port, zeebe };
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

describe('gRPC gateway', () => {
  it('reports one broker leading one healthy partition', async () => {
    // given a gateway on a free port
    const { zeebe, port } = await startGateway();
    // when the SDK asks for the topology
    const topology = await zeebe.topology();
    // then it sees a one-node cluster at the gateway's address
    expect(topology).toMatchObject({
      clusterSize: 1,
      partitionsCount: 1,
      replicationFactor: 1,
      gatewayVersion: GATEWAY_VERSION,
      brokers: [
        {
          nodeId: 0,
          host: '127.0.0.1',
          port,
          partitions: [{ partitionId: 1, role: 'LEADER', health: 'HEALTHY' }],
        },
      ],
    });
  });

  it('answers a waiting long poll as soon as a job of its type becomes activatable', async () => {
    // given a worker long-polling for 'send-invitation' jobs while there are none
    const { zeebe, engine } = await startGateway();
    const poll = zeebe.activateJobs({
      type: 'send-invitation',
      worker: 'w1',
      maxJobsToActivate: 5,
      timeout: 60_000,
      requestTimeout: 30_000,
    });
    await vi.waitFor(() => expect(engine.activations).toHaveLength(1));
    // when a job of another type and then one of its type appear
    engine.addJob('archive-case');
    const key = engine.addJob('send-invitation', { caseId: 'c-1' });
    // then the poll returns that job, long before its 30 s are over
    const jobs = await poll;
    expect(jobs.map((job) => [job.key, job.type, job.variables])).toEqual([
      [String(key), 'send-invitation', { caseId: 'c-1' }],
    ]);
  });

  it('answers at once without jobs when long polling is off (requestTimeout -1)', async () => {
    // given no jobs
    const { zeebe } = await startGateway();
    // when a worker polls without long polling
    const jobs = await zeebe.activateJobs({
      type: 'notify',
      worker: 'w1',
      maxJobsToActivate: 1,
      timeout: 1000,
      requestTimeout: -1,
    });
    // then it gets an empty batch
    expect(jobs).toEqual([]);
  });

  it('pushes jobs to the streams of a type in turn, so several workers share the work', async () => {
    // given two instances of a worker streaming 'notify' jobs
    const { port, gateway, engine } = await startGateway();
    const client = rawClient(port);
    cleanups.push(() => client.close());
    const received: string[][] = [[], []];
    for (const i of [0, 1]) {
      const stream = client['StreamActivatedJobs']!({
        type: 'notify',
        worker: 'notify-service',
        timeout: '60000',
      }) as NodeJS.EventEmitter & {
        cancel(): void;
      };
      stream.on('data', (job: { key: string }) => received[i]!.push(job.key));
      stream.on('error', () => undefined);
      cleanups.push(() => stream.cancel());
    }
    await vi.waitFor(() => expect(gateway.workersWaiting('notify').streams).toBe(2));
    // when four jobs appear one after another
    for (let n = 0; n < 4; n++) engine.addJob('notify');
    // then each stream got two of them, and nothing is left
    await vi.waitFor(() => expect(received.flat()).toHaveLength(4));
    expect(received.map((keys) => keys.length)).toEqual([2, 2]);
    expect(engine.jobBacklog().get('notify')).toBeUndefined();
  });

  it('answers waiting long polls, ends streams and frees the port when closed', async () => {
    // given a long poll and a stream waiting for jobs
    const engine = new JobBoardEngine();
    const gateway = new GrpcGateway({ engine, port: 0 });
    const { port } = await gateway.start();
    const zeebe = sdkClient(port);
    cleanups.push(() => zeebe.close());
    const client = rawClient(port);
    cleanups.push(() => client.close());
    const poll = zeebe.activateJobs({
      type: 'notify',
      worker: 'w1',
      maxJobsToActivate: 1,
      timeout: 1000,
      requestTimeout: 60_000,
    });
    const stream = client['StreamActivatedJobs']!({
      type: 'notify',
      worker: 'w2',
      timeout: '60000',
    }) as NodeJS.EventEmitter;
    const streamEnded = new Promise((resolve) => stream.on('status', resolve));
    stream.on('data', () => undefined);
    stream.on('error', () => undefined);
    await vi.waitFor(() =>
      expect(gateway.workersWaiting('notify')).toEqual({ polls: 1, streams: 1 }),
    );
    // when the gateway closes
    await gateway.close();
    // then the poll got an empty answer, the stream ended and the port can be bound again
    await expect(poll).resolves.toEqual([]);
    await expect(streamEnded).resolves.toMatchObject({ code: status.OK });
    expect(await portIsFree(port)).toBe(true);
  });

  it('refuses to serve a non-loopback address without a token or TLS', () => {
    // given / when / then
    expect(() => new GrpcGateway({ engine: new JobBoardEngine(), host: '0.0.0.0' })).toThrow(
      expect.objectContaining({
        code: 'INSECURE_BIND',
        message: expect.stringContaining('0.0.0.0'),
      }),
    );
    expect(
      () => new GrpcGateway({ engine: new JobBoardEngine(), host: '0.0.0.0', token: 's3cret' }),
    ).not.toThrow();
  });

  it('serves an SDK client that sends the configured bearer token', async () => {
    // given a gateway with a token
    const gateway = new GrpcGateway({ engine: new JobBoardEngine(), port: 0, token: 's3cret' });
    const { port } = await gateway.start();
    cleanups.push(() => gateway.close());
    // when the SDK calls with that token
    const zeebe = sdkClient(port, { token: 's3cret' });
    cleanups.push(() => zeebe.close());
    // then it is served
    await expect(zeebe.topology()).resolves.toMatchObject({ clusterSize: 1 });
  });

  it('serves TLS to an SDK client that trusts its certificate', async () => {
    // given a gateway with a certificate for 127.0.0.1
    const cert = readFileSync(new URL('./fixtures/loopback-test.crt', import.meta.url));
    const key = readFileSync(new URL('./fixtures/loopback-test.key', import.meta.url));
    const gateway = new GrpcGateway({ engine: new JobBoardEngine(), port: 0, tls: { cert, key } });
    const { port } = await gateway.start();
    cleanups.push(() => gateway.close());
    // when the SDK connects with grpcs:// and trusts the certificate
    const zeebe = sdkClient(port, { trustedCert: cert.toString() });
    cleanups.push(() => zeebe.close());
    // then it is served over TLS
    await expect(zeebe.topology()).resolves.toMatchObject({ clusterSize: 1 });
  });

  it('requires the bearer token when one is configured', async () => {
    // given a gateway with a token
    const gateway = new GrpcGateway({ engine: new JobBoardEngine(), port: 0, token: 's3cret' });
    const { port } = await gateway.start();
    cleanups.push(() => gateway.close());
    const client = rawClient(port);
    cleanups.push(() => client.close());
    // when a client calls without it
    const { error } = await rawCall(client, 'Topology', {});
    // then it is refused as unauthenticated
    expect(error?.code).toBe(status.UNAUTHENTICATED);
  });

  it.each([
    ['PublishMessage', { name: 'case-filed', variables: '[1,2]' }, 'variables', 'an array'],
    [
      'PublishMessage',
      { name: 'case-filed', variables: '{"caseId":' },
      'variables',
      'not valid JSON',
    ],
    [
      'PublishMessage',
      { name: 'case-filed', tenantId: 'tenant-b' },
      'tenantId',
      'multi-tenancy is disabled',
    ],
    ['CompleteJob', { jobKey: '12', variables: '"done"' }, 'variables', 'a string'],
    [
      'CreateProcessInstance',
      { bpmnProcessId: 'foerderfall', variables: 'null' },
      'variables',
      'null',
    ],
    ['CancelProcessInstance', { processInstanceKey: '0' }, 'processInstanceKey', 'positive key'],
  ])(
    'refuses %s with INVALID_ARGUMENT naming the bad field %#',
    async (rpc, request, field, reason) => {
      // given a gateway
      const { port } = await startGateway();
      const client = rawClient(port);
      cleanups.push(() => client.close());
      // when a request carries a malformed field
      const { error } = await rawCall(client, rpc, request);
      // then the answer is INVALID_ARGUMENT naming the field and what is wrong
      expect(error?.code).toBe(status.INVALID_ARGUMENT);
      expect(error?.details).toContain(`'${field}'`);
      expect(error?.details).toContain(reason);
    },
  );

  it.each(['EvaluateDecision', 'ModifyProcessInstance', 'MigrateProcessInstance'])(
    'answers %s with UNIMPLEMENTED and says why',
    async (rpc) => {
      // given a gateway
      const { port } = await startGateway();
      const client = rawClient(port);
      cleanups.push(() => client.close());
      // when the unsupported RPC is called
      const { error } = await rawCall(client, rpc, {});
      // then it is UNIMPLEMENTED with a clear message
      expect(error?.code).toBe(status.UNIMPLEMENTED);
      expect(error?.details).toMatch(
        new RegExp(`^${rpc} is not supported by the embedded engine: .+ not supported yet$`),
      );
    },
  );
});
