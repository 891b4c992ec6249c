/**
 * Builds the platform's running parts from the configuration: database, embedded engine (unless
 * an external one is configured), model deployment, workers and portal. The commands `now start`,
 * `now portal` and `now workers` each ask for the parts they run.
 */
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Camunda8 } from '@camunda8/sdk';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { RunningEngine } from './embedded-engine.js';

/** Which parts to run. */
export interface PlatformParts {
  engine: boolean;
  workers: boolean;
  portal: boolean;
  /** Seed demo data and demo users (refused in production by the configuration). */
  demo: boolean;
}

/** The running platform. */
export interface RunningPlatform {
  lines: string[];
  close(): Promise<void>;
}

/** Starts the requested parts in order; `close()` stops them in reverse order. */
export async function startPlatform(
  cfg: Config,
  logger: Logger,
  parts: PlatformParts,
): Promise<RunningPlatform> {
  const closers: (() => Promise<void>)[] = [];
  const lines: string[] = [];
  const close = async () => {
    for (const closer of closers.reverse()) {
      try {
        await closer();
      } catch (error) {
        logger.error({ err: error }, 'error while stopping');
      }
    }
  };
  try {
    const { openDatabase, migrateUp, seedDemo, redactUrl, MESSAGES, VARIABLES } =
      await import('../domain/index.js');
    const db = await openDatabase(cfg.databaseUrl);
    closers.push(() => db.close());
    const applied = await migrateUp(db);
    lines.push(
      `database:        ${redactUrl(cfg.databaseUrl)} (${applied.length} migrations applied)`,
    );
    let demoCreated = false;
    if (parts.demo && cfg.allowDemo) {
      const report = await seedDemo(db, {});
      demoCreated = report.created;
      lines.push(`demo data:       ${report.created ? 'created' : 'present'}`);
    }

    let grpcAddress = cfg.engine.grpcAddress;
    let restAddress = cfg.engine.restAddress;
    if (cfg.engine.embedded && parts.engine) {
      const { runEmbeddedEngine } = await import('./embedded-engine.js');
      const engine: RunningEngine = await runEmbeddedEngine(
        {
          file: path.join(cfg.dataDir, 'engine.sqlite'),
          host: '127.0.0.1',
          port: cfg.engine.port,
          restPort: cfg.engine.restPort,
          managementPort: cfg.engine.managementPort,
          controlledClock: cfg.engine.controlledClock,
        },
        logger.child({ part: 'engine' }),
      );
      closers.push(() => engine.close());
      grpcAddress = engine.grpcAddress;
      restAddress = engine.restAddress;
      lines.push(
        `engine gRPC:     ${engine.grpcAddress}`,
        `engine REST:     ${engine.restAddress}`,
      );
    }
    if (!grpcAddress || !restAddress) {
      throw new Error(
        'no engine: set ZEEBE_GRPC_ADDRESS and ZEEBE_REST_ADDRESS, or run the embedded engine',
      );
    }
    const sdkConfiguration = {
      ZEEBE_GRPC_ADDRESS: grpcAddress,
      ZEEBE_REST_ADDRESS: restAddress,
      CAMUNDA_AUTH_STRATEGY: cfg.engine.authStrategy,
      CAMUNDA_LOG_LEVEL: 'none',
    } as const;
    const zeebe = new Camunda8(sdkConfiguration as never).getZeebeGrpcApiClient();
    closers.push(async () => {
      await zeebe.close();
    });

    if (parts.engine) {
      const { deployModels } = await import('./deploy-models.js');
      const deployed = await deployModels(zeebe, restAddress);
      const fresh = deployed.filter((d) => d.outcome === 'deployed');
      lines.push(
        `processes:       ${deployed.length} models, ${fresh.length ? `deployed now: ${fresh.map((d) => d.processId).join(', ')}` : 'all already deployed'}`,
      );
    }

    const { createMailer, startAllWorkers, startKfwInbox } = await import('../workers/index.js');
    const mailboxDir = path.join(cfg.dataDir, 'mailbox');
    if (parts.workers) {
      const { openObjectStore } = await import('../workers/snapshot/object-store.js');
      const storage = openObjectStore(
        cfg.storageUrl,
        cfg.s3Endpoint ? { endpoint: cfg.s3Endpoint } : {},
      );
      closers.push(() => storage.close());
      const workers = await startAllWorkers({
        zeebe,
        db,
        storage,
        logger: logger.child({ part: 'workers' }),
        publicUrl: cfg.publicUrl,
        smtpUrl: cfg.smtpUrl,
        mailboxDir,
      });
      closers.push(() => workers.close());
      lines.push(`workers:         ${workers.jobTypes.length} job types`);
      const storageRoot = cfg.storageUrl.startsWith('file:')
        ? fileURLToPath(cfg.storageUrl)
        : undefined;
      const inbox = await startKfwInbox({
        storage,
        zeebe,
        logger: logger.child({ part: 'kfw-inbox' }),
        ...(storageRoot ? { inboxDir: path.join(storageRoot, 'kfw-inbox') } : {}),
      });
      closers.push(() => inbox.close());
      lines.push(
        `KfW inbox:       ${storageRoot ? path.join(storageRoot, 'kfw-inbox') : `${cfg.storageUrl}/kfw-inbox/`}`,
      );
    }

    if (parts.portal) {
      const portalModule = await import('../portal/server/index.js');
      const mailer = createMailer({ smtpUrl: cfg.smtpUrl, mailboxDir });
      closers.push(() => mailer.close());
      const identity =
        'issuer' in cfg.oidc
          ? {
              kind: 'external' as const,
              issuer: cfg.oidc.issuer,
              clientId: cfg.oidc.clientId,
              ...(cfg.oidc.clientSecret ? { clientSecret: cfg.oidc.clientSecret } : {}),
            }
          : {
              kind: 'embedded' as const,
              signingKey: await portalModule.loadOrCreateSigningKey(
                path.join(cfg.dataDir, 'oidc-signing-key.json'),
              ),
            };
      // KfW uploads and snapshot downloads: the same store the workers and the inbox use.
      const { openObjectStore: openPortalStore } =
        await import('../workers/snapshot/object-store.js');
      const portalStorage = openPortalStore(
        cfg.storageUrl,
        cfg.s3Endpoint ? { endpoint: cfg.s3Endpoint } : {},
      );
      closers.push(() => portalStorage.close());
      const { writeImportReport } = await import('../workers/kfw-import/import-report.js');
      const portal = portalModule.createPortal({
        db,
        identity,
        publicUrl: cfg.publicUrl,
        engine: portalModule.createSdkEngineClient(sdkConfiguration as never),
        tasks: portalModule.createSdkTaskClient(sdkConfiguration as never),
        caseProcesses: portalModule.createSdkCaseProcessClient(sdkConfiguration as never),
        processes: portalModule.createSdkProcessClient(sdkConfiguration as never),
        storage: portalStorage,
        importReport: (importRunId, out) => writeImportReport(db, importRunId, out),
        // The dev mailbox exists only without SMTP (production requires SMTP_URL).
        ...(cfg.smtpUrl ? {} : { mailboxDir }),
        logger: logger.child({ part: 'portal' }),
        // RATE_LIMIT_* of the environment; unset limits keep the portal's defaults.
        rateLimits: cfg.rateLimits,
        sendMail: (message) =>
          mailer.send({ ...message, language: 'de', messageId: `<${randomUUID()}@portal.local>` }),
      });
      const { url } = await portal.start(cfg.portalPort, cfg.portalHost);
      closers.push(() => portal.close());
      lines.push(`portal:          ${url}`);
      if (parts.demo && cfg.allowDemo && identity.kind === 'embedded') {
        const users = await portal.seedDemoUsers();
        lines.push('demo logins (embedded identity provider):');
        for (const user of users)
          lines.push(`  ${user.roles.join(', ').padEnd(28)} ${user.email} / ${user.password}`);
        // With fresh demo data and the whole platform running, the demo cases get their process
        // instances, once: a restart finds them running and starts nothing again.
        if (demoCreated && parts.engine && parts.workers) {
          const { casesOfLogins, startDemoPositions } = await import('./demo-positions.js');
          const rest = new Camunda8(sdkConfiguration as never).getCamundaRestClient();
          const demo = await startDemoPositions(
            { db, zeebe, rest },
            {
              perPosition: 3,
              preferCaseIds: await casesOfLogins(
                db,
                users.map((u) => u.email),
              ),
              onError: (error) => logger.warn({ err: error }, 'demo case not positioned'),
            },
          );
          // Before the portal and workers close: stops the background steps first.
          closers.push(() => demo.stop());
          const { counts } = demo;
          lines.push(
            `demo instances:  ${counts.registration} waiting for registration, ${counts['master-data']} for master data, ${counts.review} for review, ${counts.report} for a report`,
          );
          // The analysts' part: one anonymised snapshot of the demo data, as `now snapshot` asks.
          const snapshotId = `demo-${new Date().toISOString().slice(0, 10)}`;
          await zeebe.publishMessage({
            name: MESSAGES.snapshotRequested.name,
            correlationKey: '',
            messageId: `${MESSAGES.snapshotRequested.name}:${snapshotId}`,
            timeToLive: 0,
            variables: { [VARIABLES.snapshotId]: snapshotId } as never,
          });
          lines.push(`demo snapshot:   ${snapshotId} requested`);
        }
      }
      if (!cfg.smtpUrl) lines.push(`dev mailbox:     ${mailboxDir}`);
    }
    return { lines, close };
  } catch (error) {
    await close();
    throw error;
  }
}
