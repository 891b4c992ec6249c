/**
 * The portal server's public entry, for the composition root (`bin/`).
 *
 * @example
 *   const db = await openDatabase(config.databaseUrl);
 *   await migrateUp(db);
 *   const portal = createPortal({
 *     db,
 *     engine: createSdkEngineClient({ ZEEBE_GRPC_ADDRESS: 'grpc://127.0.0.1:26500', ZEEBE_REST_ADDRESS: 'http://127.0.0.1:8080', CAMUNDA_AUTH_STRATEGY: 'NONE' }),
 *     identity: { kind: 'embedded', signingKey: await loadOrCreateSigningKey(`${dataDir}/oidc-signing-key.json`) },
 *     publicUrl: config.publicUrl,
 *     sendMail,
 *     logger,
 *   });
 *   const { url } = await portal.start(config.portalPort, '127.0.0.1');
 *   if (config.allowDemo) printLogins(await portal.seedDemoUsers());
 *   // on shutdown:
 *   await portal.close();
 *   await db.close();
 */
export { createPortal, type Portal, type PortalOptions } from './app.js';
export type { PortalStorage } from './portal-options.js';
export {
  createSdkEngineClient,
  type EngineClient,
  type EngineMessage,
  type SdkConfiguration,
} from './engine-client/engine-client.js';
export {
  createSdkCaseProcessClient,
  type CaseProcessClient,
} from './engine-client/case-process-client.js';
export { createSdkProcessClient, type ProcessClient } from './engine-client/process-client.js';
export {
  createSdkTaskClient,
  type EngineTask,
  type TaskClient,
} from './engine-client/task-client.js';
export type { MailMessage, SendMail } from './identity/account-service.js';
export { demoPassword, demoUsers, type DemoUser } from './identity/demo-users.js';
export { productionScryptCost, type ScryptCost } from './identity/password-hash.js';
export { defaultClientId, type IdentityOptions } from './identity/portal-identity.js';
export { loadOrCreateSigningKey } from './identity/signing-key-file.js';
export { defaultRateLimits, type RateLimitOptions } from './http/rate-limits.js';
