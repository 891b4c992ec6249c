/**
 * A portal for tests: a fresh migrated test database, the embedded identity provider with cheap
 * password hashing, demo users, captured e-mails, listening on a free port.
 */
import { openTestDatabase, type TestDatabase } from '../../../domain/testing/test-database.js';
import { createPortal, type Portal } from '../app.js';
import type { EngineClient } from '../engine-client/engine-client.js';
import type { MailMessage } from '../identity/account-service.js';
import type { PortalOptions } from '../portal-options.js';

/** Cheap scrypt for tests (the production cost is tested in password-hash.test.ts). */
export const testScryptCost = { N: 1024, r: 8, p: 1 };

/** A running test portal. */
export interface TestPortal {
  portal: Portal;
  url: string;
  t: TestDatabase;
  mails: MailMessage[];
  close(): Promise<void>;
}

/** Starts a portal on 127.0.0.1 with a free port. */
export async function startTestPortal(
  overrides: Partial<PortalOptions> & { engine?: EngineClient } = {},
): Promise<TestPortal> {
  const t = await openTestDatabase();
  const mails: MailMessage[] = [];
  const portal = createPortal({
    db: t.db,
    identity: { kind: 'embedded' },
    sendMail: async (message) => {
      mails.push(message);
    },
    scryptCost: testScryptCost,
    processMetrics: false,
    // Tests log in often from one address; the limits have their own test.
    rateLimits: {
      login: { limit: 10_000, windowMs: 60_000 },
      perIp: { limit: 100_000, windowMs: 60_000 },
      perUser: { limit: 100_000, windowMs: 60_000 },
    },
    ...overrides,
  });
  const { url } = await portal.start(0);
  await portal.seedDemoUsers();
  return {
    portal,
    url,
    t,
    mails,
    async close() {
      await portal.close();
      await t.close();
    },
  };
}
