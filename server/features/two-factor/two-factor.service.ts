import type { DisableTotpRequest, EnableTotpRequest, EnableTotpResponse, TotpSetupResponse } from '../../../shared/schemas/two-factor.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAuditEvent } from '../../infrastructure/audit-events.queries.ts';
import { createRecoveryCodes, hashRecoveryCode } from './recovery-codes.ts';
import { checkTotpCode, createTotpSecret, totpUri } from './totp-codes.ts';
import {
  acceptTimeStep,
  deleteRecoveryCodes,
  deleteTotpAuthenticator,
  findTotpAuthenticator,
  findUserCredentials,
  replaceRecoveryCodes,
  upsertPendingTotp,
} from './two-factor.queries.ts';

const wrongCode = () => new AppError('validation', 'The code is wrong', { code: 'two_factor.code_wrong' });

/**
 * Starts a TOTP set-up: a new secret, kept sealed and pending until a code from it is confirmed
 * (a second call replaces it). Refused while TOTP is on: turn it off first.
 */
export async function setupTotp(deps: Deps, actor: Actor): Promise<TotpSetupResponse> {
  const user = await findUserCredentials(deps.db, actor.userId);
  if (!user) throw new AppError('unauthenticated', 'Sign in first');
  const existing = await findTotpAuthenticator(deps.db, actor.userId);
  if (existing?.enabled_at) throw new AppError('conflict', 'Two-step verification is already on. Turn it off first to set up a new app.');
  const secret = createTotpSecret();
  await upsertPendingTotp(deps.db, actor.userId, deps.secretSealer.seal(secret));
  return { secret, otpauthUri: totpUri(user.email, secret) };
}

/** Turns TOTP on with a code from the pending secret and answers ten new recovery codes, shown this once. */
export async function enableTotp(deps: Deps, actor: Actor, input: EnableTotpRequest): Promise<EnableTotpResponse> {
  const pending = await findTotpAuthenticator(deps.db, actor.userId);
  if (!pending || pending.enabled_at) throw new AppError('conflict', 'Start the set-up first.');
  const timeStep = await checkTotpCode(deps.secretSealer.open(pending.sealed_secret), input.code, null);
  if (timeStep === undefined) throw wrongCode();
  const recoveryCodes = createRecoveryCodes();
  await deps.db.transaction().execute(async (transaction) => {
    // The step is recorded as accepted: the code just typed cannot also finish a sign-in.
    if (!(await acceptTimeStep(transaction, actor.userId, timeStep, { enable: true }))) throw wrongCode();
    await replaceRecoveryCodes(transaction, actor.userId, recoveryCodes.map(hashRecoveryCode));
    await recordAuditEvent(transaction, { event: 'two_factor.enabled', userId: actor.userId, ip: actor.ip });
  });
  return { recoveryCodes };
}

/** Turns TOTP off, with the password and a current code, and removes the recovery codes with it. */
export async function disableTotp(deps: Deps, actor: Actor, input: DisableTotpRequest): Promise<void> {
  const user = await findUserCredentials(deps.db, actor.userId);
  if (!user) throw new AppError('unauthenticated', 'Sign in first');
  if (!(await deps.hasher.verify(input.password, user.password_hash))) {
    throw new AppError('validation', 'The password is wrong', { password: 'two_factor.password_wrong' });
  }
  const authenticator = await findTotpAuthenticator(deps.db, actor.userId);
  if (!authenticator?.enabled_at) throw new AppError('conflict', 'Two-step verification is not on.');
  const timeStep = await checkTotpCode(deps.secretSealer.open(authenticator.sealed_secret), input.code, authenticator.last_time_step);
  if (timeStep === undefined || !(await acceptTimeStep(deps.db, actor.userId, timeStep))) throw wrongCode();
  await deps.db.transaction().execute(async (transaction) => {
    await deleteTotpAuthenticator(transaction, actor.userId);
    await deleteRecoveryCodes(transaction, actor.userId);
    await recordAuditEvent(transaction, { event: 'two_factor.disabled', userId: actor.userId, ip: actor.ip });
  });
}
