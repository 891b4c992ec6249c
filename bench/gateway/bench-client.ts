/**
 * The client side of `npm run bench -- gateway`, run as its own process (forked by
 * bench/gateway.ts) so the gateway is measured over a real loopback socket:
 *
 * - `worker <port> polling|streaming`: an `@camunda8/sdk` worker that completes `bench-work`
 *   jobs and records how long after its start request each job arrived.
 * - `starter <port> fixed <rate> <seconds>`: starts instances at a fixed rate with
 *   create-with-result and records start -> completion.
 * - `starter <port> max <seconds> <window>`: starts instances as fast as the gateway takes them,
 *   `window` requests in flight.
 *
 * Reports go to the parent over the IPC channel; the parent sends 'stop' to a worker.
 */
import { Camunda8 } from '@camunda8/sdk';

const [role, port, ...rest] = process.argv.slice(2);
const zeebe = new Camunda8({
  ZEEBE_GRPC_ADDRESS: `grpc://127.0.0.1:${port}`,
  CAMUNDA_AUTH_STRATEGY: 'NONE',
  CAMUNDA_LOG_LEVEL: 'none',
  zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE' },
}).getZeebeGrpcApiClient();

const send = (message: object) => process.send!(message);

async function worker(mode: string): Promise<void> {
  const activation: number[] = [];
  const handler = (job: {
    variables: Record<string, unknown>;
    complete: (v: object) => Promise<unknown>;
  }) => {
    activation.push(Date.now() - Number(job.variables['t0']));
    return job.complete({});
  };
  let close: () => Promise<unknown> | void;
  if (mode === 'streaming') {
    const stream = await zeebe.streamJobs({
      type: 'bench-work',
      worker: 'bench-streamer',
      timeout: 60_000,
      tenantIds: ['<default>'],
      taskHandler: handler as never,
    });
    close = () => {
      // The SDK prints the 'Cancelled on client' status of its own stream when it closes it.
      console.error = () => undefined;
      stream.close();
    };
  } else {
    // The SDK's polling worker; pollInterval is the pause between two long polls (SDK default 300 ms).
    const polling = zeebe.createWorker({
      taskType: 'bench-work',
      maxJobsToActivate: 64,
      pollInterval: Number(process.env['BENCH_POLL_INTERVAL_MS'] ?? 10),
      taskHandler: handler as never,
    });
    close = () => polling.close();
  }
  send({ ready: true });
  process.on('message', async (message) => {
    if (message !== 'stop') return;
    await close();
    send({ activation });
    await zeebe.close();
    process.exit(0);
  });
}

async function fixedRate(rate: number, seconds: number): Promise<void> {
  const latencies: number[] = [];
  const running: Promise<void>[] = [];
  const total = rate * seconds;
  const began = Date.now();
  for (let n = 0; n < total; n++) {
    // Hold the schedule: instance n starts at n / rate seconds.
    const due = began + (n * 1000) / rate;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const t0 = Date.now();
    running.push(
      zeebe
        .createProcessInstanceWithResult({
          bpmnProcessId: 'bench-one-task',
          variables: { t0 },
          requestTimeout: 60_000,
        })
        .then(() => void latencies.push(Date.now() - t0)),
    );
  }
  await Promise.all(running);
  send({ latencies, seconds: (Date.now() - began) / 1000 });
}

async function asFastAsItGoes(seconds: number, window: number): Promise<void> {
  let started = 0;
  const began = Date.now();
  const until = began + seconds * 1000;
  const lane = async () => {
    while (Date.now() < until) {
      await zeebe.createProcessInstance({
        bpmnProcessId: 'bench-one-task',
        variables: { t0: Date.now() },
      });
      started++;
    }
  };
  await Promise.all(Array.from({ length: window }, lane));
  send({ started, began, ended: Date.now() });
}

if (role === 'worker') {
  await worker(rest[0] ?? 'polling');
} else {
  if (rest[0] === 'fixed') await fixedRate(Number(rest[1]), Number(rest[2]));
  else await asFastAsItGoes(Number(rest[1]), Number(rest[2]));
  await zeebe.close();
  process.exit(0);
}
