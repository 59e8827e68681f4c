import type { Db } from '../../db/database.ts';
import { AppError } from '../../http/app-error.ts';
import { pingDatabase } from './health.queries.ts';

/**
 * How long readiness waits for the database. A probe runs every few seconds and must answer
 * before its own timeout (Kubernetes' default is 1 s, most load balancers allow a few), and a
 * database that needs longer for `select 1` cannot serve the app's requests either.
 */
export const readinessTimeoutMs = 2_000;

/**
 * Resolves when the database answers within `timeoutMs`, else throws: the pool's own error when
 * it fails (a DatabaseConnectionError, so the log names the cause) or `unavailable` when it is too
 * slow; both are 503. Probes that arrive while one is in flight share its query, so a hanging
 * database holds at most one of the pool's connections for readiness, whatever the probe rate.
 */
export function createReadinessCheck(db: Db, timeoutMs = readinessTimeoutMs): () => Promise<void> {
  let pending: Promise<void> | undefined;
  return async () => {
    pending ??= pingDatabase(db).finally(() => {
      pending = undefined;
    });
    let timer: NodeJS.Timeout | undefined;
    const tooSlow = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new AppError('unavailable', 'The database did not answer in time. Try again in a moment.')), timeoutMs);
    });
    try {
      await Promise.race([pending, tooSlow]);
    } finally {
      clearTimeout(timer);
    }
  };
}
