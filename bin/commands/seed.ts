import type { Command } from 'commander';
import type { ConfigLoader } from '../cli.js';
import type { Config } from '../config.js';

/** `now seed demo`: a realistic, idempotent demo data set (refused in production). */
export function registerSeedCommands(program: Command, config: ConfigLoader): void {
  const seed = program.command('seed').description('fill the database with generated data');
  seed
    .command('demo')
    .description(
      'about 200 Förderfälle, 300 Standorte, 800 Ladesäulengruppen, 50,000 Ladevorgänge (idempotent)',
    )
    .option('--cases <n>', 'number of Förderfälle', (v) => Number.parseInt(v, 10), 200)
    .action(async (options: { cases: number }) => {
      const cfg = config();
      if (!cfg.allowDemo) throw new Error('now seed demo is refused with NODE_ENV=production');
      const { openDatabase, migrateUp, seedDemo } = await import('../../domain/index.js');
      const db = await openDatabase(cfg.databaseUrl);
      try {
        await migrateUp(db);
        const report = await seedDemo(db, { cases: options.cases });
        console.log(
          report.created
            ? `demo data created: ${formatCounts(report.counts)}`
            : `demo data already present, nothing changed: ${formatCounts(report.counts)}`,
        );
      } finally {
        await db.close();
      }
    });
  seed
    .command('wave')
    .description(
      'applicant accounts for the load wave, each with a case whose master-data task is open (idempotent; needs the running platform)',
    )
    .option('--users <n>', 'number of accounts', (v) => Number.parseInt(v, 10), 500)
    .action(async (options: { users: number }) => {
      const cfg = config();
      if (!cfg.allowDemo) throw new Error('now seed wave is refused with NODE_ENV=production');
      const report = await seedWave(cfg, options.users);
      console.log(
        `wave: ${report.users} accounts (${report.created} new), ${report.started} case instances started, ${report.openTasks} open tasks; password ${report.password}`,
      );
    });
}

function formatCounts(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([table, n]) => `${table} ${n}`)
    .join(', ');
}

/**
 * `now seed wave`: the accounts and cases of `domain/seed/wave-users.ts`, then for every case
 * without an instance its `foerderfall` instance, started and registered as the demo positions
 * do it (bin/demo-positions.ts), so the master-data task opens; waits until every wave case has
 * an open task. The password is hashed once at the portal's production cost and stored for every
 * account: logging in costs the portal one production-cost verification each, as for real people.
 */
async function seedWave(cfg: Config, users: number) {
  const { Camunda8 } = await import('@camunda8/sdk');
  const { openDatabase, migrateUp, MESSAGES, PROCESS_IDS } = await import('../../domain/index.js');
  const { seedWaveUsers, wavePassword } = await import('../../domain/seed/wave-users.js');
  const { hashPassword, productionScryptCost } =
    await import('../../portal/server/identity/password-hash.js');
  const sdk = new Camunda8({
    ZEEBE_GRPC_ADDRESS: cfg.engine.grpcAddress ?? `grpc://127.0.0.1:${cfg.engine.port}`,
    ZEEBE_REST_ADDRESS: cfg.engine.restAddress ?? `http://127.0.0.1:${cfg.engine.restPort}`,
    CAMUNDA_AUTH_STRATEGY: cfg.engine.authStrategy,
    CAMUNDA_LOG_LEVEL: 'none',
  } as never);
  const zeebe = sdk.getZeebeGrpcApiClient();
  const rest = sdk.getCamundaRestClient();
  const db = await openDatabase(cfg.databaseUrl);
  try {
    await migrateUp(db);
    const passwordHash = await hashPassword(wavePassword, productionScryptCost);
    const seeded = await seedWaveUsers(db, { users, passwordHash });
    const instances: string[] = [];
    let started = 0;
    for (const user of seeded.users) {
      if (user.processInstanceKey) {
        instances.push(user.processInstanceKey);
        continue;
      }
      const created = await zeebe.createProcessInstance({
        bpmnProcessId: PROCESS_IDS.foerderfall,
        variables: { caseId: user.caseId } as never,
      });
      const key = String(created.processInstanceKey);
      await db.models.Foerderfall.update(
        { prozessInstanzKey: key },
        { where: { id: user.caseId } },
      );
      // The person redeemed the invitation: buffered until the instance waits for it.
      await zeebe.publishMessage({
        name: MESSAGES.applicantRegistered.name,
        correlationKey: user.caseId,
        messageId: `${MESSAGES.applicantRegistered.name}:wave:${user.caseId}`,
        timeToLive: 3_600_000,
        variables: { caseId: user.caseId } as never,
      });
      instances.push(key);
      started += 1;
    }
    // Every wave case has an open user task (master data, or a later one after a wave worked it).
    const pending = new Set(instances);
    const until = Date.now() + 300_000;
    while (pending.size > 0) {
      for (const key of [...pending]) {
        const found = await rest.searchUserTasks({
          filter: { processInstanceKey: key, state: 'CREATED' },
          page: { from: 0, limit: 1 },
        } as never);
        if (found.items.length > 0) pending.delete(key);
      }
      if (pending.size === 0) break;
      if (Date.now() > until)
        throw new Error(
          `now seed wave: ${pending.size} case instances have no open task after 5 minutes`,
        );
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    return {
      users: seeded.users.length,
      created: seeded.created,
      started,
      openTasks: instances.length,
      password: wavePassword,
    };
  } finally {
    await zeebe.close();
    await db.close();
  }
}
