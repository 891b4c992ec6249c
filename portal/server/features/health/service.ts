/** Liveness and readiness: is the process up; can it reach its database and engine. */
import type { Database } from '../../../../domain/index.js';
import type { EngineClient } from '../../engine-client/engine-client.js';

export type CheckOutcome = 'ok' | 'failed' | 'not-configured';

/** Readiness of every dependency. */
export interface Readiness {
  ready: boolean;
  checks: { database: CheckOutcome; engine: CheckOutcome };
}

const withTimeout = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([
    promise,
    new Promise<never>((_resolve, reject) => {
      setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref();
    }),
  ]);

/** Checks the database (a round trip) and, when configured, the engine (SDK topology). */
export async function checkReadiness(deps: {
  db: Database;
  engine: EngineClient | undefined;
  timeoutMs: number;
}): Promise<Readiness> {
  const outcome = (promise: Promise<unknown>) =>
    withTimeout(promise, deps.timeoutMs).then(
      (): CheckOutcome => 'ok',
      (): CheckOutcome => 'failed',
    );
  const [database, engine] = await Promise.all([
    outcome(deps.db.sequelize.query('SELECT 1')),
    deps.engine ? outcome(deps.engine.topology()) : Promise.resolve<CheckOutcome>('not-configured'),
  ]);
  return { ready: database === 'ok' && engine !== 'failed', checks: { database, engine } };
}
