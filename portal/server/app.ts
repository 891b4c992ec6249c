/**
 * The portal server: `createPortal(options)` builds the Express 5 app with identity, API routes,
 * security headers, rate limits, logs and metrics; `start(port, host)` listens; `close()`
 * releases the socket and the engine client (the database belongs to the caller).
 *
 * @example
 *   const portal = createPortal({ db, identity: { kind: 'embedded' }, sendMail, logger });
 *   const { url } = await portal.start(3000, '127.0.0.1');
 *   // ...
 *   await portal.close();
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import express, { type Request } from 'express';
import { pino } from 'pino';
import { pinoHttp } from 'pino-http';
import { apiDocsRoutes } from './features/api-docs/routes.js';
import { auditRoutes } from './features/audit/routes.js';
import { createAuditService } from './features/audit/service.js';
import { createCaseAccess } from './features/cases/case-access.js';
import { changeNoticeRoutes } from './features/cases/change-notices/routes.js';
import { caseRoutes } from './features/cases/routes.js';
import { createCaseService } from './features/cases/service.js';
import { timelineRoutes } from './features/cases/timeline/routes.js';
import { healthRoutes } from './features/health/routes.js';
import { taskFilterRoutes } from './features/task-filters/routes.js';
import { createTaskFilterService } from './features/task-filters/service.js';
import { taskRoutes } from './features/tasks/routes.js';
import { createTaskService } from './features/tasks/service.js';
import { invitationLinkRoutes } from './features/invitations/invitation-link.js';
import { createPeopleService } from './features/invitations/people-service.js';
import { invitationRoutes } from './features/invitations/routes.js';
import { createInvitationService } from './features/invitations/service.js';
import { createFormRegistry } from './features/forms/form-registry.js';
import { formRoutes } from './features/forms/routes.js';
import { multipartUpload } from './features/imports/multipart-upload.js';
import { importRoutes } from './features/imports/routes.js';
import { createImportService } from './features/imports/service.js';
import { mailboxRoutes } from './features/mailbox/routes.js';
import { createMailboxService } from './features/mailbox/service.js';
import { meRoutes } from './features/me/routes.js';
import { privacyRoutes } from './features/privacy/routes.js';
import { processRoutes } from './features/processes/routes.js';
import { snapshotRoutes } from './features/snapshots/routes.js';
import { createSnapshotService } from './features/snapshots/service.js';
import { programmeRoutes } from './features/programmes/routes.js';
import { createProgrammeService } from './features/programmes/service.js';
import { createProcessService } from './features/processes/service.js';
import { bodyErrors, formBody, jsonBody } from './http/body-parsing.js';
import { mountRoutes } from './http/mount-routes.js';
import { NotFoundError } from './http/portal-errors.js';
import { problemDetailsHandler } from './http/problem-details.js';
import { createRateLimiters, defaultRateLimits } from './http/rate-limits.js';
import type { AnyRoute } from './http/route-definition.js';
import { sameOriginCheck } from './http/same-origin.js';
import { cspNonce, securityHeaders } from './http/security-headers.js';
import { webAppRoutes } from './http/web-app.js';
import { linkDemoApplicant } from './identity/demo-applicant-cases.js';
import { ensureDemoUsers, type DemoUser } from './identity/demo-users.js';
import { identityCss } from './identity/identity-pages.js';
import { productionScryptCost } from './identity/password-hash.js';
import { createPortalIdentity } from './identity/portal-identity.js';
import { recordLogin } from './identity/record-login.js';
import { defaultSessionLifetimes } from './identity/session-store.js';
import { createMetrics } from './observability/metrics.js';
import type { PortalOptions } from './portal-options.js';

export type { PortalOptions } from './portal-options.js';

/** A created portal. */
export interface Portal {
  app: express.Express;
  /** Listens and prepares identity for the public URL; resolves with the URL it serves. */
  start(port: number, host?: string): Promise<{ url: string; port: number }>;
  close(): Promise<void>;
  /** Every API route definition (for the description and the authorisation matrix). */
  routes(): AnyRoute[];
  /**
   * Creates (or resets) the demo accounts of the embedded provider, one per role, links the demo
   * applicant to up to three demo cases past registration (seed the demo data first), and
   * returns the logins. Refused with an external issuer; the composition root refuses it in
   * production.
   */
  seedDemoUsers(): Promise<readonly DemoUser[]>;
}

const version = '0.1.0';
/** Where `vite build` puts the web front end (portal/web/README.md). */
const defaultWebRoot = fileURLToPath(new URL('../../dist/web/', import.meta.url));

/** Builds the portal from its dependencies. No side effects until `start()`. */
export function createPortal(options: PortalOptions): Portal {
  const logger = options.logger ?? pino({ level: 'silent' });
  const bodyLimit = options.bodyLimitBytes ?? 1024 * 1024;
  const lifetimes = { ...defaultSessionLifetimes, ...options.sessionLifetimes };
  const limiters = createRateLimiters({ ...defaultRateLimits, ...options.rateLimits });
  const metrics = createMetrics(options.processMetrics ?? true);
  let publicUrl = options.publicUrl?.replace(/\/$/, '');
  const publicOrigin = () => (publicUrl ? new URL(publicUrl).origin : '');
  const checkSameOrigin = (req: Request) => sameOriginCheck(publicOrigin())(req);

  const invitations = createInvitationService({
    db: options.db,
    engine: options.engine,
    sendMail: options.sendMail,
    publicUrl: () => publicUrl ?? '',
  });
  const people = createPeopleService(options.db);
  const access = createCaseAccess(options.db);
  const forms = createFormRegistry(options.db);

  const identity = createPortalIdentity({
    db: options.db,
    options: options.identity,
    sendMail: options.sendMail,
    scryptCost: options.scryptCost ?? productionScryptCost,
    lifetimes,
    trustProxy: options.trustProxy ?? false,
    loginRateLimit: limiters.login,
    formBody: formBody(64 * 1024),
    checkSameOrigin,
    invitationEmail: (token) => invitations.emailOf(token),
    onLogin: (principal) => recordLogin(options.db, principal),
  });

  const routes: AnyRoute[] = [];
  const allRoutes = () => routes;
  routes.push(
    ...healthRoutes({
      db: options.db,
      engine: options.engine,
      registry: metrics.registry,
      readinessTimeoutMs: options.readinessTimeoutMs ?? 2000,
    }),
    ...apiDocsRoutes({ allRoutes, serverUrl: () => publicUrl ?? '/', version }),
    ...meRoutes(),
    ...privacyRoutes(options.db),
    ...caseRoutes({ cases: createCaseService(options.db, access), access }),
    ...changeNoticeRoutes({ db: options.db, engine: options.engine, forms, access }),
    ...timelineRoutes({ access, processes: options.caseProcesses }),
    ...auditRoutes({ audit: createAuditService(options.db), access }),
    ...invitationRoutes({ invitations, people, access }),
    ...taskRoutes(createTaskService({ db: options.db, tasks: options.tasks, access, forms })),
    ...taskFilterRoutes(createTaskFilterService(options.db)),
    ...processRoutes(createProcessService({ db: options.db, processes: options.processes })),
    ...programmeRoutes(createProgrammeService(options.db)),
    ...importRoutes(
      createImportService({
        db: options.db,
        storage: options.storage,
        importReport: options.importReport,
      }),
      options.db,
    ),
    ...snapshotRoutes(
      createSnapshotService({ db: options.db, engine: options.engine, storage: options.storage }),
    ),
    ...mailboxRoutes(createMailboxService(options.mailboxDir)),
    ...formRoutes(forms, async (principal, formId, version, requestId) => {
      await options.db.models.AuditEvent.create({
        akteurTyp: 'PERSON',
        akteurId: principal.subject,
        aktion: 'formular.version-gespeichert',
        objektTyp: 'formular',
        objektId: formId,
        nachher: { formId, version },
        korrelationId: requestId,
      });
    }),
  );

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', options.trustProxy ?? false);
  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const id = randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
      customLogLevel: (_req, res, error) =>
        error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    }),
  );
  app.use(metrics.record);
  app.use(cspNonce);
  app.use((req, res, next) =>
    securityHeaders({
      https: publicUrl?.startsWith('https:') ?? false,
      formActions:
        options.identity.kind === 'external' ? [new URL(options.identity.issuer).origin] : [],
    })(req, res, next),
  );
  app.use(limiters.perIp);
  app.get('/assets/identity.css', (_req, res) => {
    res.type('text/css').send(identityCss);
  });
  app.use(identity.router);
  app.use(
    invitationLinkRoutes({
      invitations,
      resolvePrincipal: (req) => identity.resolvePrincipal(req),
      checkSameOrigin,
      formBody: formBody(4 * 1024),
    }),
  );
  // KfW files arrive as multipart uploads; only admins' bytes are read (see multipart-upload.ts).
  app.post(
    '/api/imports',
    multipartUpload({
      limitBytes: options.uploadLimitBytes ?? 50 * 1024 * 1024,
      mayUpload: async (req) =>
        (await identity.resolvePrincipal(req))?.roles.includes('admin') ?? false,
    }),
  );
  app.use('/api', jsonBody(bodyLimit));
  const router = express.Router();
  mountRoutes(router, routes, {
    resolvePrincipal: (req) => identity.resolvePrincipal(req),
    checkSameOrigin,
    userRateLimit: limiters.perUser,
    loginRateLimit: limiters.login,
  });
  app.use(router);
  // After every server route: what is left and asks for HTML is a page of the web front end.
  app.use(webAppRoutes(defaultWebRoot));
  app.use((req, _res, next) => next(new NotFoundError(`Pfad ${req.path}`)));
  app.use(bodyErrors(bodyLimit));
  app.use(problemDetailsHandler(logger));

  let server: Server | undefined;
  let purgeTimer: NodeJS.Timeout | undefined;
  return {
    app,
    routes: allRoutes,
    async seedDemoUsers() {
      if (!identity.accounts)
        throw new Error('demo users exist only in the embedded identity provider');
      const users = await ensureDemoUsers(identity.accounts);
      const applicant = users.find((u) => u.roles.includes('applicant'));
      if (applicant) await linkDemoApplicant(options.db, applicant);
      return users;
    },
    async start(port, host = '127.0.0.1') {
      server = createServer(app);
      await new Promise<void>((resolve, reject) => {
        server!.once('error', reject);
        server!.listen(port, host, () => resolve());
      });
      const address = server.address() as AddressInfo;
      const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      publicUrl ??= `http://${shownHost}:${address.port}`;
      await identity.init(publicUrl);
      // Expired sessions are removed at start and then hourly (login data is kept no longer).
      const purge = () =>
        identity
          .purgeExpiredSessions()
          .catch((error: unknown) => logger.warn({ err: error }, 'session purge failed'));
      void purge();
      purgeTimer = setInterval(() => void purge(), 3_600_000);
      purgeTimer.unref();
      logger.info({ url: publicUrl }, 'portal listening');
      return { url: publicUrl, port: address.port };
    },
    async close() {
      clearInterval(purgeTimer);
      if (server) {
        const closing = new Promise<void>((resolve, reject) =>
          server!.close((error) => (error ? reject(error) : resolve())),
        );
        server.closeAllConnections();
        await closing;
        server = undefined;
      }
      await options.engine?.close();
      await options.processes?.close?.();
    },
  };
}
