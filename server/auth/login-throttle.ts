import type { Db } from '../db/database.ts';
import { AppError } from '../http/app-error.ts';
import { everyClient, findLoginFailure, recordLoginFailure, type LoginFailure } from './login-failures.queries.ts';

/**
 * Sign-in throttling per e-mail address and client IP, plus a slower account-wide delay
 * (docs/decisions/0029-sign-in-failures-per-client-and-address.md; the per-IP request limit is
 * @fastify/rate-limit on the route). Counted per address whether or not a user has it, so
 * answers never reveal which exist. Only the client that failed is ever refused: the account-wide
 * count delays a sign-in from anywhere else, but never refuses it.
 */
export interface LoginThrottleSettings {
  /** Failures of one client within the window after which its attempts are delayed. */
  delayAfterFailures: number;
  /** Failures of one client within the window that lock the address for that client. */
  lockAfterFailures: number;
  windowMs: number;
  lockMs: number;
  /** First delay; doubles with each further failure up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Failures of the address from all clients together after which every attempt is delayed. */
  accountDelayAfterFailures: number;
  /** The most the account-wide count delays an attempt: the owner's worst wait. */
  accountMaxDelayMs: number;
}

export const defaultLoginThrottle: LoginThrottleSettings = {
  delayAfterFailures: 5,
  lockAfterFailures: 10,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  accountDelayAfterFailures: 10,
  accountMaxDelayMs: 3_000,
};

/**
 * Throws 429 `locked` while the address is locked for this client; otherwise waits the longer of
 * the client's and the account-wide progressive delay.
 */
export async function throttleLoginAttempt(db: Db, settings: LoginThrottleSettings, email: string, clientIp: string): Promise<void> {
  const [byClient, byAccount] = await Promise.all([
    findLoginFailure(db, email, clientIp, settings.windowMs),
    findLoginFailure(db, email, everyClient, settings.windowMs),
  ]);
  if (byClient?.lockedUntil && byClient.lockedUntil.getTime() > Date.now()) {
    const seconds = Math.ceil((byClient.lockedUntil.getTime() - Date.now()) / 1000);
    throw new AppError('locked', 'Too many failed sign-ins for this address. Try again later.', undefined, seconds);
  }
  const delayMs = Math.max(
    progressiveDelay(byClient, settings.delayAfterFailures, settings.baseDelayMs, settings.maxDelayMs),
    progressiveDelay(byAccount, settings.accountDelayAfterFailures, settings.baseDelayMs, settings.accountMaxDelayMs),
  );
  if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
}

/** Counts a failure for the client and for the address; only the client's count can lock. */
export async function registerLoginFailure(db: Db, settings: LoginThrottleSettings, email: string, clientIp: string): Promise<{ isLocked: boolean }> {
  const [byClient] = await Promise.all([
    recordLoginFailure(db, email, clientIp, settings),
    recordLoginFailure(db, email, everyClient, { ...settings, lockAfterFailures: null }),
  ]);
  return { isLocked: byClient.lockedUntil !== null && byClient.lockedUntil.getTime() > Date.now() };
}

function progressiveDelay(failure: LoginFailure | undefined, after: number, baseMs: number, maxMs: number): number {
  if (!failure) return 0;
  const excess = failure.failureCount - after;
  return excess >= 0 ? Math.min(baseMs * 2 ** excess, maxMs) : 0;
}
