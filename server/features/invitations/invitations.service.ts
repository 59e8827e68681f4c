import type { AcceptInvitationRequest } from '../../../shared/schemas/member.ts';
import { assertPasswordNotCommon } from '../../auth/password-policy.ts';
import { isUniqueViolation } from '../../db/postgres-errors.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../http/app-error.ts';
import { recordAuditEvent } from '../../infrastructure/audit-events.queries.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Db } from '../../db/database.ts';
import { findUserById, insertUser } from '../auth/auth.queries.ts';
import { findMember, insertMembership } from '../members/members.queries.ts';
import { hashSecretToken } from '../../auth/secret-token.ts';
import { deleteInvitation, findUsableInvitation, listInvitationsOf, lockUsableInvitationOf, markInvitationAccepted } from './invitations.queries.ts';

export async function previewInvitation(deps: Deps, token: string) {
  const invitation = await findUsableInvitation(deps.db, hashSecretToken(token));
  if (!invitation) throw notFound('Invitation');
  return { email: invitation.email, accountName: invitation.accountName, role: invitation.role, propertyNames: invitation.propertyNames };
}

/**
 * Creates the invited user with the chosen password and the membership, and uses up the link,
 * all in one transaction (the row lock makes a second, concurrent use fail as 404).
 */
export async function acceptInvitation(deps: Deps, token: string, input: AcceptInvitationRequest, ip: string) {
  assertPasswordNotCommon(input.password);
  const tokenHash = hashSecretToken(token);
  if (!(await findUsableInvitation(deps.db, tokenHash))) throw notFound('Invitation');
  const passwordHash = await deps.hasher.hash(input.password);
  try {
    return await deps.db.transaction().execute(async (transaction) => {
      const invitation = await findUsableInvitation(transaction, tokenHash, true);
      if (!invitation) throw notFound('Invitation');
      const user = await insertUser(transaction, { email: invitation.email, name: input.name, passwordHash });
      await insertMembership(transaction, invitation.accountId, user.id, invitation.role, invitation.propertyIds);
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

/** The signed-in user's pending invitations: those to their own e-mail address. */
export async function listReceivedInvitations(deps: Deps, actor: Actor) {
  const email = await emailOf(deps.db, actor);
  const rows = await listInvitationsOf(deps.db, email);
  return rows.map((row) => ({
    id: row.id,
    accountName: row.accountName,
    role: row.role,
    propertyNames: row.propertyNames,
    invitedBy: { name: row.inviterName, email: row.inviterEmail },
    expiresAt: row.expiresAt.toISOString(),
  }));
}

/**
 * Consent: the membership starts here, by the invited person's own act. Another address's, an
 * unknown, a used or an expired invitation is the same 404, so ids cannot be probed.
 */
export async function acceptReceivedInvitation(deps: Deps, actor: Actor, invitationId: string) {
  return deps.db.transaction().execute(async (transaction) => {
    const invitation = await lockUsableInvitationOf(transaction, invitationId, await emailOf(transaction, actor));
    if (!invitation) throw notFound('Invitation');
    // Already a member (an admin of several accounts, say): the invitation is used up and the role and properties stay.
    const member = await findMember(transaction, invitation.accountId, actor.userId);
    if (!member) await insertMembership(transaction, invitation.accountId, actor.userId, invitation.role, invitation.propertyIds);
    await markInvitationAccepted(transaction, invitation.id);
    await recordAuditEvent(transaction, {
      event: 'invitation.accepted',
      userId: actor.userId,
      accountId: invitation.accountId,
      ip: actor.ip,
      details: { invitationId: invitation.id },
    });
    return { accountId: invitation.accountId, role: member?.role ?? invitation.role };
  });
}

/** A declined invitation is gone; the account's admins see it leave their pending list. */
export async function declineReceivedInvitation(deps: Deps, actor: Actor, invitationId: string): Promise<void> {
  await deps.db.transaction().execute(async (transaction) => {
    const invitation = await lockUsableInvitationOf(transaction, invitationId, await emailOf(transaction, actor));
    if (!invitation) throw notFound('Invitation');
    await deleteInvitation(transaction, invitation.id);
    await recordAuditEvent(transaction, {
      event: 'invitation.declined',
      userId: actor.userId,
      accountId: invitation.accountId,
      ip: actor.ip,
      details: { invitationId: invitation.id },
    });
  });
}

async function emailOf(db: Db, actor: Actor): Promise<string> {
  const user = await findUserById(db, actor.userId);
  if (!user) throw new AppError('unauthenticated', 'Sign in first');
  return user.email;
}
