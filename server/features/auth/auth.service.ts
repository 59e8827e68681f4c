import type { ChangePasswordRequest, DisplayPreferences, LoginRequest, SignupRequest, UpdateDisplayPreferencesRequest } from '../../../shared/schemas/auth.ts';
import type { Actor } from '../../auth/actor.ts';
import { registerLoginFailure, throttleLoginAttempt } from '../../auth/login-throttle.ts';
import { clearLoginFailures } from '../../auth/login-failures.queries.ts';
import { assertPasswordNotCommon } from '../../auth/password-policy.ts';
import { findSecondFactors } from '../../auth/second-factors.queries.ts';
import { deleteUserSessions } from '../../auth/sessions.queries.ts';
import { isUniqueViolation } from '../../db/postgres-errors.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAuditEvent } from '../../infrastructure/audit-events.queries.ts';
import { isOperator, lockIfFirstUser, markUserAsOperator } from '../../infrastructure/operators/operators.queries.ts';
import { insertMembership } from '../members/members.queries.ts';
import {
  findUserByEmail,
  findUserById,
  insertAccount,
  insertUser,
  listMembershipsOfUser,
  updateDisplayPreferences,
  updatePasswordHash,
} from './auth.queries.ts';

/**
 * Creates a user, their first account and an admin membership in one transaction; the
 * installation's first user also becomes its operator.
 */
export async function signUp(deps: Deps, input: SignupRequest, ip: string) {
  assertPasswordNotCommon(input.password);
  const passwordHash = await deps.hasher.hash(input.password);
  try {
    return await deps.db.transaction().execute(async (transaction) => {
      // The installation's first user becomes its operator (sees the backup status).
      const isFirstUser = await lockIfFirstUser(transaction);
      const user = await insertUser(transaction, { email: input.email, name: input.name, passwordHash });
      if (isFirstUser) await markUserAsOperator(transaction, user.id);
      const account = await insertAccount(transaction, input.accountName);
      await insertMembership(transaction, account.id, user.id, 'admin');
      await recordAuditEvent(transaction, { event: 'signup', userId: user.id, accountId: account.id, ip });
      return { user, account };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'users_email_key')) {
      throw new AppError('conflict', 'An account with this e-mail address already exists', { email: 'email.taken' });
    }
    throw error;
  }
}

/**
 * Checks a sign-in. Unknown address and wrong password take the same path (a bcrypt comparison
 * against a decoy hash, one failure counted) and end in the same 401.
 */
export async function logIn(deps: Deps, input: LoginRequest, ip: string) {
  await throttleLoginAttempt(deps.db, deps.loginThrottle, input.email, ip);
  const user = await findUserByEmail(deps.db, input.email);
  const isCorrect = await deps.hasher.verify(input.password, user?.password_hash);
  if (!user || !isCorrect) {
    const { isLocked } = await registerLoginFailure(deps.db, deps.loginThrottle, input.email, ip);
    await recordAuditEvent(deps.db, {
      event: isLocked ? 'login.locked' : 'login.failed',
      userId: user?.id ?? null,
      ip,
      details: { email: input.email },
    });
    throw new AppError('invalid_credentials', 'Wrong e-mail address or password');
  }
  await clearLoginFailures(deps.db, input.email, ip);
  await recordAuditEvent(deps.db, { event: 'login.succeeded', userId: user.id, ip });
  return { id: user.id, email: user.email, name: user.name };
}

export async function findCurrentUser(deps: Deps, actor: Actor) {
  const user = await findUserById(deps.db, actor.userId);
  if (!user) throw new AppError('unauthenticated', 'Sign in first');
  const [memberships, isUserOperator, twoFactor] = await Promise.all([
    listMembershipsOfUser(deps.db, actor.userId),
    isOperator(deps.db, actor.userId),
    findSecondFactors(deps.db, actor.userId),
  ]);
  return {
    user: { id: user.id, email: user.email, name: user.name, twoFactor },
    memberships,
    isOperator: isUserOperator,
    displayPreferences: { vat: user.display_vat, isRounded: user.display_rounded },
  };
}

/** Changes how the signed-in user sees amounts, on every device; always their own, never another's. */
export async function changeDisplayPreferences(deps: Deps, actor: Actor, changes: UpdateDisplayPreferencesRequest): Promise<DisplayPreferences> {
  const row = await updateDisplayPreferences(deps.db, actor.userId, changes);
  if (!row) throw new AppError('unauthenticated', 'Sign in first');
  return { vat: row.display_vat, isRounded: row.display_rounded };
}

/** Changes the password and signs out every other session of the user. */
export async function changePassword(deps: Deps, actor: Actor, input: ChangePasswordRequest): Promise<void> {
  const user = await findUserById(deps.db, actor.userId);
  if (!user) throw new AppError('unauthenticated', 'Sign in first');
  if (!(await deps.hasher.verify(input.currentPassword, user.password_hash))) {
    throw new AppError('validation', 'The current password is wrong', { currentPassword: 'password.wrong' });
  }
  assertPasswordNotCommon(input.newPassword, 'newPassword');
  const passwordHash = await deps.hasher.hash(input.newPassword);
  await deps.db.transaction().execute(async (transaction) => {
    await updatePasswordHash(transaction, actor.userId, passwordHash);
    await deleteUserSessions(transaction, actor.userId, actor.sessionId);
    await recordAuditEvent(transaction, { event: 'password.changed', userId: actor.userId, ip: actor.ip });
  });
}

export async function recordLogout(deps: Deps, userId: string | undefined, ip: string): Promise<void> {
  if (userId) await recordAuditEvent(deps.db, { event: 'logout', userId, ip });
}
