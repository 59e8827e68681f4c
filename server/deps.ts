import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.ts';
import type { Db } from './db/database.ts';
import type { PasswordHasher } from './auth/password-hashing.ts';
import type { LoginThrottleSettings } from './auth/login-throttle.ts';
import type { Mailer } from './features/mail/mailer.ts';
import type { SecretSealer } from './features/two-factor/secret-sealer.ts';
import type { PlanSnapshots } from './plan-snapshot/plan-snapshots.ts';

/** What services need from the outside world: passed explicitly as their first argument. */
export interface Deps {
  db: Db;
  config: Config;
  hasher: PasswordHasher;
  mailer: Mailer;
  loginThrottle: LoginThrottleSettings;
  log: FastifyBaseLogger;
  /** Seals TOTP secrets at rest, with a key derived from the session secret. */
  secretSealer: SecretSealer;
  /** The one way to read a plan's data, with its caches. */
  planSnapshots: PlanSnapshots;
}
