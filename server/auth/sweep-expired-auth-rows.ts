import type { Db } from '../db/database.ts';
import { deleteStaleLoginFailures } from './login-failures.queries.ts';
import type { LoginThrottleSettings } from './login-throttle.ts';
import { passwordResetLimits } from './password-reset-limits.ts';
import { deleteStalePasswordResets } from './password-resets.queries.ts';
import { deleteExpiredSessions } from './sessions.queries.ts';

export interface SweepResult {
  sessions: number;
  loginFailures: number;
  /** Expired reset links and reset requests older than their throttle window. */
  passwordResets: number;
}

/**
 * Removes authentication rows that can no longer matter: sessions past their idle expiry and
 * login-failure counts whose window has passed with no lock in force, expired reset links and old
 * reset requests. Run periodically by main.ts;
 * reads already ignore such rows, so this only keeps the tables small.
 */
export async function sweepExpiredAuthRows(db: Db, settings: Pick<LoginThrottleSettings, 'windowMs'>): Promise<SweepResult> {
  const sessions = await deleteExpiredSessions(db);
  const loginFailures = await deleteStaleLoginFailures(db, settings.windowMs);
  const passwordResets = await deleteStalePasswordResets(db, passwordResetLimits.requestWindowMs);
  return { sessions, loginFailures, passwordResets };
}
