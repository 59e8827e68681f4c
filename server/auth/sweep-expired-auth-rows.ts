import type { Db } from '../db/database.ts';
import { deleteStaleLoginFailures } from './login-failures.queries.ts';
import type { LoginThrottleSettings } from './login-throttle.ts';
import { deleteExpiredSessions } from './sessions.queries.ts';

export interface SweepResult {
  sessions: number;
  loginFailures: number;
}

/**
 * Removes authentication rows that can no longer matter: sessions past their idle expiry and
 * login-failure counts whose window has passed with no lock in force. Run periodically by main.ts;
 * reads already ignore such rows, so this only keeps the tables small.
 */
export async function sweepExpiredAuthRows(db: Db, settings: Pick<LoginThrottleSettings, 'windowMs'>): Promise<SweepResult> {
  const sessions = await deleteExpiredSessions(db);
  const loginFailures = await deleteStaleLoginFailures(db, settings.windowMs);
  return { sessions, loginFailures };
}
