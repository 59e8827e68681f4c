import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SecondFactorChallenge, SecondFactorMethod, SecondFactorRequest } from '../../../shared/schemas/two-factor.ts';
import { findSecondFactors } from '../../auth/second-factors.queries.ts';
import { startSession } from '../../auth/start-session.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAuditEvent, type AuditEventName } from '../../infrastructure/audit-events.queries.ts';
import { pendingSignInMs } from './pending-sign-in.ts';
import { hashRecoveryCode } from './recovery-codes.ts';
import { checkTotpCode } from './totp-codes.ts';
import {
  acceptTimeStep,
  clearSecondFactorFailures,
  findSecondFactorFailures,
  findTotpAuthenticator,
  findUserSummary,
  recordSecondFactorFailure,
  useRecoveryCode,
} from './two-factor.queries.ts';

/** Wrong answers after which the second step answers 429, per sign-in and per user within the window. */
export const maxSecondFactorFailures = 5;
const failureWindowMs = 15 * 60_000;

/**
 * Called by the sign-in after a correct password. For a user with a second factor it keeps the
 * sign-in pending in a new session (not signed in: no `userId`) and answers the challenge;
 * otherwise it answers undefined and the caller signs the user in as before.
 */
export async function startSecondFactor(deps: Deps, request: FastifyRequest, reply: FastifyReply, userId: string): Promise<SecondFactorChallenge | undefined> {
  const factors = await findSecondFactors(deps.db, userId);
  const methods: SecondFactorMethod[] = [...(factors.totp ? (['totp'] as const) : []), ...(factors.passkeys > 0 ? (['passkey'] as const) : [])];
  if (methods.length === 0) return undefined;
  // A new id for the half-way state too: nothing from before the password carries over.
  await request.session.regenerate();
  request.session.pendingSignIn = { userId, startedAt: Date.now(), methods, failures: 0 };
  return { twoFactorRequired: true, methods, csrfToken: reply.generateCsrf() };
}

/**
 * The second step: a TOTP code or a recovery code for the pending sign-in. Right → signed in
 * (a new session id, as any sign-in); wrong → 401; after `maxSecondFactorFailures` wrong answers
 * in this sign-in, or for this user within 15 minutes, 429 until the window has passed.
 */
export async function finishSecondFactor(
  deps: Deps,
  request: FastifyRequest,
  reply: FastifyReply,
  input: SecondFactorRequest,
): Promise<{ user: { id: string; email: string; name: string }; csrfToken: string }> {
  return answerPendingSignIn(
    deps,
    request,
    reply,
    (userId) => ('code' in input ? acceptTotpCode(deps, userId, input.code) : useRecoveryCode(deps.db, userId, hashRecoveryCode(input.recoveryCode))),
    'code' in input ? 'login.succeeded' : 'login.recovery_code_used',
  );
}

/**
 * Finishes the pending sign-in with whatever `isRight` checks for its user (a code here, a
 * passkey in server/features/passkeys/), under one count of wrong answers and one lock.
 */
export async function answerPendingSignIn(
  deps: Deps,
  request: FastifyRequest,
  reply: FastifyReply,
  isRight: (userId: string) => Promise<boolean>,
  successEvent: AuditEventName,
): Promise<{ user: { id: string; email: string; name: string }; csrfToken: string }> {
  const pending = request.session.pendingSignIn;
  if (!pending || Date.now() - pending.startedAt > pendingSignInMs) {
    throw new AppError('unauthenticated', 'Sign in with your password first.');
  }
  const failures = await findSecondFactorFailures(deps.db, pending.userId, failureWindowMs);
  if (pending.failures >= maxSecondFactorFailures || (failures?.failure_count ?? 0) >= maxSecondFactorFailures) {
    const retryAfterSeconds = failures
      ? Math.max(1, Math.ceil((failures.first_failed_at.getTime() + failureWindowMs - Date.now()) / 1000))
      : Math.ceil(pendingSignInMs / 1000);
    throw new AppError('locked', 'Too many wrong codes. Wait a while and sign in again.', undefined, retryAfterSeconds);
  }
  if (!(await isRight(pending.userId))) {
    request.session.pendingSignIn = { ...pending, failures: pending.failures + 1 };
    await recordSecondFactorFailure(deps.db, pending.userId, failureWindowMs);
    const isLocked = pending.failures + 1 >= maxSecondFactorFailures;
    await recordAuditEvent(deps.db, { event: isLocked ? 'login.second_factor_locked' : 'login.second_factor_failed', userId: pending.userId, ip: request.ip });
    throw new AppError('invalid_credentials', 'The code is wrong.');
  }
  await clearSecondFactorFailures(deps.db, pending.userId);
  await recordAuditEvent(deps.db, { event: successEvent, userId: pending.userId, ip: request.ip, details: { secondFactor: true } });
  const user = await findUserSummary(deps.db, pending.userId);
  const csrfToken = await startSession(request, reply, pending.userId);
  return { user, csrfToken };
}

async function acceptTotpCode(deps: Deps, userId: string, code: string): Promise<boolean> {
  const authenticator = await findTotpAuthenticator(deps.db, userId);
  if (!authenticator?.enabled_at) return false;
  const timeStep = await checkTotpCode(deps.secretSealer.open(authenticator.sealed_secret), code, authenticator.last_time_step);
  return timeStep !== undefined && (await acceptTimeStep(deps.db, userId, timeStep));
}
