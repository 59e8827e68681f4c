import type { AcceptInvitationRequest } from '../../../shared/schemas/member.ts';
import { assertPasswordNotCommon } from '../../auth/password-policy.ts';
import { isUniqueViolation } from '../../db/postgres-errors.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../http/app-error.ts';
import { recordAuditEvent } from '../../infrastructure/audit-events.queries.ts';
import { insertUser } from '../auth/auth.queries.ts';
import { insertMembership } from '../members/members.queries.ts';
import { hashInvitationToken } from './invitation-token.ts';
import { findUsableInvitation, markInvitationAccepted } from './invitations.queries.ts';

export async function previewInvitation(deps: Deps, token: string) {
  const invitation = await findUsableInvitation(deps.db, hashInvitationToken(token));
  if (!invitation) throw notFound('Invitation');
  return { email: invitation.email, accountName: invitation.accountName, role: invitation.role };
}

/**
 * Creates the invited user with the chosen password and the membership, and uses up the link,
 * all in one transaction (the row lock makes a second, concurrent use fail as 404).
 */
export async function acceptInvitation(deps: Deps, token: string, input: AcceptInvitationRequest, ip: string) {
  assertPasswordNotCommon(input.password);
  const tokenHash = hashInvitationToken(token);
  if (!(await findUsableInvitation(deps.db, tokenHash))) throw notFound('Invitation');
  const passwordHash = await deps.hasher.hash(input.password);
  try {
    return await deps.db.transaction().execute(async (transaction) => {
      const invitation = await findUsableInvitation(transaction, tokenHash, true);
      if (!invitation) throw notFound('Invitation');
      const user = await insertUser(transaction, { email: invitation.email, name: input.name, passwordHash });
      await insertMembership(transaction, invitation.accountId, user.id, invitation.role);
      await markInvitationAccepted(transaction, invitation.id);
      await recordAuditEvent(transaction, {
        event: 'invitation.accepted',
        userId: user.id,
        accountId: invitation.accountId,
        ip,
        details: { invitationId: invitation.id },
      });
      return { user, accountId: invitation.accountId };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'users_email_key')) {
      // The address signed up on its own meanwhile: that user is asked to sign in, and an admin adds them.
      throw new AppError('conflict', 'An account with this e-mail address already exists. Sign in instead.', { email: 'email.taken' });
    }
    throw error;
  }
}
