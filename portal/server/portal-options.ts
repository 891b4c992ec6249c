/**
 * Options of `createPortal`: every dependency is passed in (the composition root reads the
 * environment, the portal never does).
 */
import type { Readable, Writable } from 'node:stream';
import type { Logger } from 'pino';
import type { Database } from '../../domain/index.js';
import type { CaseProcessClient } from './engine-client/case-process-client.js';
import type { EngineClient } from './engine-client/engine-client.js';
import type { ProcessClient } from './engine-client/process-client.js';
import type { TaskClient } from './engine-client/task-client.js';
import type { RateLimitOptions } from './http/rate-limits.js';
import type { SendMail } from './identity/account-service.js';
import type { ScryptCost } from './identity/password-hash.js';
import type { IdentityOptions } from './identity/portal-identity.js';
import type { SessionLifetimes } from './identity/session-store.js';

/**
 * The object storage (`STORAGE_URL`) as the portal uses it; the composition root passes the
 * store the workers use, so an upload lands where the KfW inbox trigger looks.
 */
export interface PortalStorage {
  put(key: string, body: Readable | Buffer | string): Promise<void>;
  /** The object's bytes; rejects when there is none. */
  get(key: string): Promise<Readable>;
  head(key: string): Promise<{ key: string; size: number } | undefined>;
  /** Every object whose key starts with `prefix`, sorted by key. */
  list(prefix: string): Promise<{ key: string; size: number }[]>;
}

/** What the composition root hands the portal. */
export interface PortalOptions {
  /** The domain database, migrated. */
  db: Database;
  /** Embedded provider (default) or an external issuer such as Keycloak. */
  identity: IdentityOptions;
  /** Sends e-mails (verification, password reset, invitations). */
  sendMail: SendMail;
  /**
   * The portal's address as users reach it (links in e-mails, OIDC redirect URIs). Absent: the
   * address `start()` listens on (for tests and local use).
   */
  publicUrl?: string;
  /** The engine through the SDK; absent: `/readyz` skips it and engine features answer 503. */
  engine?: EngineClient;
  /** User tasks through the SDK's REST client; absent: the inbox answers 503. */
  tasks?: TaskClient;
  /** Process definitions and instances through the SDK; absent: process administration answers 503. */
  processes?: ProcessClient & { close?(): Promise<void> };
  /** A case's process instances (for its timeline) through the SDK; absent: the timeline answers 503. */
  caseProcesses?: CaseProcessClient;
  /** Object storage for KfW uploads and snapshots; absent: those routes answer 503. */
  storage?: PortalStorage;
  /** Writes an import run's row report as xlsx (the KfW import's own report writer). */
  importReport?: (importRunId: string, out: Writable) => Promise<number>;
  /** Largest KfW upload. @default 50 MiB */
  uploadLimitBytes?: number;
  /** The dev mailbox directory (`$DATA_DIR/mailbox`), only in development; absent: 404. */
  mailboxDir?: string;
  /** @default a silent pino logger */
  logger?: Logger;
  /** @default productionScryptCost */
  scryptCost?: ScryptCost;
  /** @default defaultRateLimits */
  rateLimits?: Partial<RateLimitOptions>;
  /** @default defaultSessionLifetimes */
  sessionLifetimes?: Partial<SessionLifetimes>;
  /** Largest JSON body. @default 1 MiB */
  bodyLimitBytes?: number;
  /** Behind a TLS-terminating proxy: trust `X-Forwarded-*` from it. @default false */
  trustProxy?: boolean;
  /** How long `/readyz` waits for each dependency. @default 2000 */
  readinessTimeoutMs?: number;
  /** Collect process metrics (off in tests that create many portals). @default true */
  processMetrics?: boolean;
}
