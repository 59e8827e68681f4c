import type { PasswordResetConfirm, PasswordResetRequest } from '../../../shared/schemas/password-reset.ts';
import { passwordResetLimits } from '../../auth/password-reset-limits.ts';
import { findUsableResetToken, insertResetToken, recordResetRequest, useResetTokens } from '../../auth/password-resets.queries.ts';
import { assertPasswordNotCommon } from '../../auth/password-policy.ts';
import { createSecretToken, hashSecretToken } from '../../auth/secret-token.ts';
import { deleteUserSessions } from '../../auth/sessions.queries.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAuditEvent } from '../../infrastructure/audit-events.queries.ts';
import type { Email } from '../../infrastructure/outbox/outbox-mailer.ts';
import { findUserByEmail, updatePasswordHash } from '../auth/auth.queries.ts';

/**
 * Sends a reset link to a known address, within the per-address and per-client limits. The caller
 * answers 202 `{}` whatever happens here, and the work up to the answer is the same for known and
 * unknown addresses (the request row, the count, the user look-up, the audit row); only a known
 * address adds a token and an outbox row, a millisecond or two, and the SMTP delivery runs after
 * the answer so that it cannot be timed.
 */
export async function requestPasswordReset(deps: Deps, input: PasswordResetRequest, ip: string): Promise<void> {
  const counts = await recordResetRequest(deps.db, input.email, ip, passwordResetLimits.requestWindowMs);
  const isWithinLimits = counts.byEmail <= passwordResetLimits.perAddress && counts.byClient <= passwordResetLimits.perClient;
  const user = await findUserByEmail(deps.db, input.email);
  const { token, tokenHash } = createSecretToken();
  await recordAuditEvent(deps.db, {
    event: 'password.reset_requested',
    userId: user?.id ?? null,
    ip,
    details: { email: input.email, isSent: Boolean(user) && isWithinLimits },
  });
  if (!user || !isWithinLimits) return;
  const email = resetEmail(user.email, `${deps.config.publicUrl}/reset-password?token=${token}`);
  const outboxId = await deps.db.transaction().execute(async (transaction) => {
    await insertResetToken(transaction, user.id, tokenHash, passwordResetLimits.tokenLifetimeMs);
    return deps.mailer.enqueue(transaction, email);
  });
  // Not awaited: an SMTP round trip would tell a known address from an unknown one. deliver never throws.
  void deps.mailer.deliver(outboxId, email);
}

/**
 * Sets the new password from a reset link and ends every session of the user, in one transaction
 * that uses up the link (the row lock makes a concurrent second use fail). Returns the user's id.
 */
export async function confirmPasswordReset(deps: Deps, input: PasswordResetConfirm, ip: string): Promise<string> {
  const tokenHash = hashSecretToken(input.token);
  if (!(await findUsableResetToken(deps.db, tokenHash))) throw invalidToken();
  assertPasswordNotCommon(input.password);
  const passwordHash = await deps.hasher.hash(input.password);
  return deps.db.transaction().execute(async (transaction) => {
    const reset = await findUsableResetToken(transaction, tokenHash, true);
    if (!reset) throw invalidToken();
    await updatePasswordHash(transaction, reset.userId, passwordHash);
    await useResetTokens(transaction, reset.id, reset.userId);
    await deleteUserSessions(transaction, reset.userId);
    await recordAuditEvent(transaction, { event: 'password.reset', userId: reset.userId, ip });
    return reset.userId;
  });
}

function invalidToken(): AppError {
  return new AppError('invalid_token', 'This link is not valid (any more). Ask for a new one.');
}

function resetEmail(to: string, link: string): Email {
  return {
    to,
    subject: 'Återställ ditt lösenord i Kvarter / Reset your Kvarter password',
    text: `Någon (förhoppningsvis du) bad om att återställa lösenordet till ditt konto på Kvarter. Välj ett nytt lösenord här (länken gäller i 30 minuter och kan användas en gång):\n${link}\n\nHar du inte bett om detta kan du bortse från e-postmeddelandet; ditt lösenord är oförändrat.\n\nSomeone (hopefully you) asked to reset the password of your Kvarter account. Choose a new password here (the link works once, for 30 minutes):\n${link}\n\nIf you did not ask for this, ignore this e-mail; your password has not changed.\n`,
  };
}
