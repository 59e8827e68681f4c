import type { Db } from '../db/database.ts';
import { AppError } from '../http/app-error.ts';
import { findLoginFailure, recordLoginFailure } from './login-failures.queries.ts';

/**
 * Per-address sign-in throttling (the per-IP limit is @fastify/rate-limit on the route).
 * Counted per e-mail address whether or not a user has it, so answers never reveal which exist.
 */
export interface LoginThrottleSettings {
  /** Failures within the window after which each attempt is delayed. */
  delayAfterFailures: number;
  /** Failures within the window that lock the address. */
  lockAfterFailures: number;
  windowMs: number;
  lockMs: number;
  /** First delay; doubles with each further failure up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const defaultLoginThrottle: LoginThrottleSettings = {
  delayAfterFailures: 5,
  lockAfterFailures: 10,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
};

/** Throws 429 `locked` while the address is locked; otherwise waits the progressive delay. */
export async function throttleLoginAttempt(db: Db, settings: LoginThrottleSettings, email: string): Promise<void> {
  const failure = await findLoginFailure(db, email, settings.windowMs);
  if (!failure) return;
  if (failure.lockedUntil && failure.lockedUntil.getTime() > Date.now()) {
    const seconds = Math.ceil((failure.lockedUntil.getTime() - Date.now()) / 1000);
    throw new AppError('locked', 'Too many failed sign-ins for this address. Try again later.', undefined, seconds);
  }
  const excess = failure.failureCount - settings.delayAfterFailures;
  if (excess >= 0) {
    const delayMs = Math.min(settings.baseDelayMs * 2 ** excess, settings.maxDelayMs);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
}

export async function registerLoginFailure(db: Db, settings: LoginThrottleSettings, email: string): Promise<{ isLocked: boolean }> {
  const result = await recordLoginFailure(db, email, settings);
  return { isLocked: result.lockedUntil !== null && result.lockedUntil.getTime() > Date.now() };
}
