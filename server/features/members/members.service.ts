import type { ChangeRoleRequest, InviteMemberRequest } from '../../../shared/schemas/member.ts';
import type { Actor } from '../../auth/actor.ts';
import { requirePermission } from '../../auth/require-permission.ts';
import { deleteUserSessions } from '../../auth/sessions.queries.ts';
import type { Db } from '../../db/database.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../http/app-error.ts';
import { recordAuditEvent } from '../../infrastructure/audit-events.queries.ts';
import type { Email } from '../../infrastructure/outbox/outbox-mailer.ts';
import { findUserByEmail } from '../auth/auth.queries.ts';
import { createInvitationToken, invitationLifetimeMs } from '../invitations/invitation-token.ts';
import { deletePendingInvitation, deletePendingInvitationsOf, insertInvitation, listPendingInvitations } from '../invitations/invitations.queries.ts';
import {
  countAdmins,
  deleteMembership,
  findAccountName,
  findMember,
  insertMembership,
  listMembers as listMemberRows,
  lockAccount,
  updateMemberRole,
} from './members.queries.ts';
import type { AccountId } from '../../db/account-id.ts';

export async function listMembers(deps: Deps, actor: Actor, accountIdInPath: string) {
  const accountId = await requirePermission(deps.db, actor, accountIdInPath, 'members:manage');
  const [members, invitations] = await Promise.all([listMemberRows(deps.db, accountId), listPendingInvitations(deps.db, accountId)]);
  return { members, invitations: invitations.map(serialiseInvitation) };
}

/**
 * An existing user is added at once and told by e-mail; a new address gets a single-use sign-up
 * link. The e-mail is written to the outbox in the same transaction and sent after commit.
 */
export async function inviteMember(deps: Deps, actor: Actor, accountIdInPath: string, input: InviteMemberRequest) {
  const { result, email } = await deps.db.transaction().execute(async (transaction) => {
    const accountId = await requireManagerUnderLock(transaction, actor, accountIdInPath);
    const accountName = (await findAccountName(transaction, accountId)) ?? '';
    const existingUser = await findUserByEmail(transaction, input.email);
    if (existingUser) {
      if (await findMember(transaction, accountId, existingUser.id)) {
        throw new AppError('conflict', 'This person is already a member', { email: 'member.exists' });
      }
      // An earlier sign-up link of this address (they have signed up on their own since) is void now.
      await deletePendingInvitationsOf(transaction, accountId, input.email);
      await insertMembership(transaction, accountId, existingUser.id, input.role);
      await recordAuditEvent(transaction, {
        event: 'member.added',
        userId: actor.userId,
        accountId,
        ip: actor.ip,
        details: { memberId: existingUser.id, role: input.role },
      });
      const member = { userId: existingUser.id, email: existingUser.email, name: existingUser.name, role: input.role };
      const email = addedEmail(input.email, accountName, deps.config.publicUrl);
      const outboxId = await deps.mailer.enqueue(transaction, email);
      return { result: { status: 'added' as const, member }, email: { outboxId, email } };
    }
    await deletePendingInvitationsOf(transaction, accountId, input.email);
    const { token, tokenHash } = createInvitationToken();
    const invitation = await insertInvitation(transaction, accountId, {
      email: input.email,
      role: input.role,
      tokenHash,
      invitedBy: actor.userId,
      expiresAt: new Date(Date.now() + invitationLifetimeMs),
    });
    await recordAuditEvent(transaction, {
      event: 'member.invited',
      userId: actor.userId,
      accountId,
      ip: actor.ip,
      details: { email: input.email, role: input.role },
    });
    const email = invitationEmail(input.email, accountName, `${deps.config.publicUrl}/invitations/${token}`);
    const outboxId = await deps.mailer.enqueue(transaction, email);
    return { result: { status: 'invited' as const, invitation: serialiseInvitation(invitation) }, email: { outboxId, email } };
  });
  await deps.mailer.deliver(email.outboxId, email.email);
  return result;
}

export async function changeMemberRole(deps: Deps, actor: Actor, accountIdInPath: string, userId: string, input: ChangeRoleRequest) {
  return deps.db.transaction().execute(async (transaction) => {
    const accountId = await requireManagerUnderLock(transaction, actor, accountIdInPath);
    const member = await findMember(transaction, accountId, userId);
    if (!member) throw notFound('Member');
    if (member.role === 'admin' && input.role !== 'admin') await assertAnotherAdmin(transaction, accountId);
    await updateMemberRole(transaction, accountId, userId, input.role);
    await recordAuditEvent(transaction, {
      event: 'member.role_changed',
      userId: actor.userId,
      accountId,
      ip: actor.ip,
      details: { memberId: userId, from: member.role, to: input.role },
    });
    return { ...member, role: input.role };
  });
}

/**
 * Removal takes effect at once: permissions are read from memberships on every request, and
 * the removed user's sessions are revoked as the operations promise requires.
 */
export async function removeMember(deps: Deps, actor: Actor, accountIdInPath: string, userId: string): Promise<void> {
  await deps.db.transaction().execute(async (transaction) => {
    const accountId = await requireManagerUnderLock(transaction, actor, accountIdInPath);
    const member = await findMember(transaction, accountId, userId);
    if (!member) throw notFound('Member');
    if (member.role === 'admin') await assertAnotherAdmin(transaction, accountId);
    await deleteMembership(transaction, accountId, userId);
    await deleteUserSessions(transaction, userId);
    await recordAuditEvent(transaction, { event: 'member.removed', userId: actor.userId, accountId, ip: actor.ip, details: { memberId: userId } });
  });
}

export async function cancelInvitation(deps: Deps, actor: Actor, accountIdInPath: string, invitationId: string): Promise<void> {
  await deps.db.transaction().execute(async (transaction) => {
    const accountId = await requireManagerUnderLock(transaction, actor, accountIdInPath);
    if (!(await deletePendingInvitation(transaction, accountId, invitationId))) throw notFound('Invitation');
    await recordAuditEvent(transaction, { event: 'invitation.cancelled', userId: actor.userId, accountId, ip: actor.ip, details: { invitationId } });
  });
}

/**
 * Member management needs the admin role, checked again once the account lock is held: a demotion
 * or removal of the actor committed while this request waited for the lock must count (checking
 * only before the lock let a just-demoted admin finish one more change). The first check keeps
 * non-members from taking locks on other accounts' rows.
 */
async function requireManagerUnderLock(db: Db, actor: Actor, accountIdInPath: string): Promise<AccountId> {
  const accountId = await requirePermission(db, actor, accountIdInPath, 'members:manage');
  await lockAccount(db, accountId);
  return requirePermission(db, actor, accountId, 'members:manage');
}

async function assertAnotherAdmin(db: Db, accountId: AccountId): Promise<void> {
  if ((await countAdmins(db, accountId)) <= 1) {
    throw new AppError('validation', 'The account must keep at least one admin', { role: 'member.last_admin' });
  }
}

function serialiseInvitation(invitation: { id: string; email: string; role: 'viewer' | 'editor' | 'admin'; createdAt: Date; expiresAt: Date }) {
  return { ...invitation, createdAt: invitation.createdAt.toISOString(), expiresAt: invitation.expiresAt.toISOString() };
}

function addedEmail(to: string, accountName: string, publicUrl: string): Email {
  return {
    to,
    subject: `Du har lagts till i ${accountName} på Kvarter / You were added to ${accountName}`,
    text: `Du har lagts till i kontot "${accountName}" på Kvarter. Logga in: ${publicUrl}/signin\n\nYou were added to the account "${accountName}" on Kvarter. Sign in: ${publicUrl}/signin\n`,
  };
}

function invitationEmail(to: string, accountName: string, link: string): Email {
  return {
    to,
    subject: `Inbjudan till ${accountName} på Kvarter / Invitation to ${accountName}`,
    text: `Du har bjudits in till kontot "${accountName}" på Kvarter. Välj ett lösenord här (länken gäller i 7 dagar och kan användas en gång):\n${link}\n\nYou have been invited to the account "${accountName}" on Kvarter. Choose a password here (the link works once, for 7 days):\n${link}\n`,
  };
}
