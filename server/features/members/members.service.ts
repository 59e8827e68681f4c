import type { InviteMemberRequest, UpdateMemberRequest } from '../../../shared/schemas/member.ts';
import type { Actor } from '../../auth/actor.ts';
import { requirePermission } from '../../auth/require-permission.ts';
import { deleteUserSessions } from '../../auth/sessions.queries.ts';
import type { Db } from '../../db/database.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound, validationError } from '../../http/app-error.ts';
import { recordAuditEvent } from '../../infrastructure/audit-events.queries.ts';
import type { InvitationLimits } from '../../config.ts';
import { findUserById } from '../auth/auth.queries.ts';
import { brandNameOf } from '../branding/branding.service.ts';
import { invitationEmail } from '../invitations/invitation-email.ts';
import { createSecretToken } from '../../auth/secret-token.ts';
import { invitationLifetimeMs } from '../invitations/invitation-lifetime.ts';
import {
  deletePendingInvitation,
  deletePendingInvitationsOf,
  insertInvitation,
  listPendingInvitations,
  replaceInvitationToken,
} from '../invitations/invitations.queries.ts';
import {
  countAdmins,
  deleteMembership,
  findAccountName,
  findForeignPropertyIds,
  findMember,
  isMemberByEmail,
  listMembers as listMemberRows,
  lockAccount,
  lockInviter,
  secondsUntilInvitationAllowed,
  updateMembership,
} from './members.queries.ts';
import type { AccountId } from '../../db/account-id.ts';

export async function listMembers(deps: Deps, actor: Actor, accountIdInPath: string) {
  const accountId = await requirePermission(deps.db, actor, accountIdInPath, 'members:manage');
  const [members, invitations] = await Promise.all([listMemberRows(deps.db, accountId), listPendingInvitations(deps.db, accountId)]);
  return { members, invitations: invitations.map(serialiseInvitation), canSendEmail: deps.config.smtpUrl !== undefined };
}

/**
 * Every address gets the same pending invitation and the same e-mail, registered or not, so the
 * answer (and its timing) reveals nothing about who has a user here, and nobody becomes a member
 * without accepting. A registered person accepts from their list of invitations after signing in,
 * a new one through the link. The e-mail is written to the outbox in the same transaction and
 * sent after commit.
 */
export async function inviteMember(deps: Deps, actor: Actor, accountIdInPath: string, input: InviteMemberRequest) {
  const { result, email } = await deps.db.transaction().execute(async (transaction) => {
    const accountId = await requireManagerUnderLock(transaction, actor, accountIdInPath);
    await lockInviter(transaction, actor.userId);
    await assertInvitationAllowed(transaction, deps.config.invitationLimits, accountId, actor.userId);
    if (await isMemberByEmail(transaction, accountId, input.email)) {
      throw new AppError('conflict', 'This person is already a member', { email: 'member.exists' });
    }
    const inviter = await findUserById(transaction, actor.userId);
    const accountName = (await findAccountName(transaction, accountId)) ?? '';
    const propertyIds = await checkedPropertyIds(transaction, accountId, input.propertyIds ?? null);
    await deletePendingInvitationsOf(transaction, accountId, input.email);
    const { token, tokenHash } = createSecretToken();
    const invitation = await insertInvitation(transaction, accountId, {
      email: input.email,
      role: input.role,
      propertyIds,
      tokenHash,
      invitedBy: actor.userId,
      expiresAt: new Date(Date.now() + invitationLifetimeMs),
    });
    await recordAuditEvent(transaction, {
      event: 'member.invited',
      userId: actor.userId,
      accountId,
      ip: actor.ip,
      details: { email: input.email, role: input.role, propertyIds },
    });
    const email = invitationEmail({
      to: input.email,
      inviter: { name: inviter?.name ?? '', email: inviter?.email ?? '' },
      accountName,
      brandName: await brandNameOf(transaction, accountId),
      role: input.role,
      link: invitationLink(deps, token),
    });
    const outboxId = await deps.mailer.enqueue(transaction, email);
    const { id, role, expiresAt } = invitation;
    return {
      result: { status: 'invited' as const, invitation: { id, email: invitation.email, role, propertyIds, expiresAt: expiresAt.toISOString() } },
      email: { outboxId, email },
    };
  });
  await deps.mailer.deliver(email.outboxId, email.email);
  return result;
}

/**
 * Without SMTP the admin hands the link over themselves. Only the token's hash is stored, so the
 * link cannot be shown again: each copy makes a new token, and the e-mailed (outbox) link stops
 * working. With SMTP the link is never shown: it would let an admin sign up as an address they do
 * not own (docs/decisions/0030-invitations-need-consent.md).
 */
export async function createInvitationLink(deps: Deps, actor: Actor, accountIdInPath: string, invitationId: string) {
  return deps.db.transaction().execute(async (transaction) => {
    const accountId = await requireManagerUnderLock(transaction, actor, accountIdInPath);
    if (deps.config.smtpUrl !== undefined) {
      throw new AppError('conflict', 'Invitations are sent by e-mail on this installation', { invitation: 'invitation.sent_by_email' });
    }
    const { token, tokenHash } = createSecretToken();
    if (!(await replaceInvitationToken(transaction, accountId, invitationId, tokenHash))) throw notFound('Invitation');
    await recordAuditEvent(transaction, { event: 'invitation.link_copied', userId: actor.userId, accountId, ip: actor.ip, details: { invitationId } });
    return { link: invitationLink(deps, token) };
  });
}

/**
 * A new role, a new set of properties (null: every property), or both. The properties the request
 * leaves out stay as they are, except that an admin reaches every property: promoting a limited
 * member to admin without naming `propertyIds: null` is refused, so nobody's reach widens unsaid.
 */
export async function updateMember(deps: Deps, actor: Actor, accountIdInPath: string, userId: string, input: UpdateMemberRequest) {
  return deps.db.transaction().execute(async (transaction) => {
    const accountId = await requireManagerUnderLock(transaction, actor, accountIdInPath);
    const member = await findMember(transaction, accountId, userId);
    if (!member) throw notFound('Member');
    const role = input.role ?? member.role;
    const propertyIds = input.propertyIds === undefined ? member.propertyIds : await checkedPropertyIds(transaction, accountId, input.propertyIds);
    if (role === 'admin' && propertyIds !== null) throw validationError({ propertyIds: 'member.admin_not_scoped' }, 'An admin reaches every property');
    if (member.role === 'admin' && role !== 'admin') await assertAnotherAdmin(transaction, accountId);
    await updateMembership(transaction, accountId, userId, { role, propertyIds });
    if (role !== member.role) {
      await recordAuditEvent(transaction, {
        event: 'member.role_changed',
        userId: actor.userId,
        accountId,
        ip: actor.ip,
        details: { memberId: userId, from: member.role, to: role },
      });
    }
    if (!samePropertyIds(propertyIds, member.propertyIds)) {
      await recordAuditEvent(transaction, {
        event: 'member.properties_changed',
        userId: actor.userId,
        accountId,
        ip: actor.ip,
        details: { memberId: userId, from: member.propertyIds, to: propertyIds },
      });
    }
    return { ...member, role, propertyIds };
  });
}

/** The requested properties, each once; every one must be the account's (else 400 on the field). */
async function checkedPropertyIds(db: Db, accountId: AccountId, requested: readonly string[] | null): Promise<string[] | null> {
  if (requested === null) return null;
  const propertyIds = [...new Set(requested)];
  if ((await findForeignPropertyIds(db, accountId, propertyIds)).length > 0) {
    throw validationError({ propertyIds: 'member.property_not_in_account' }, 'Every property must belong to this account');
  }
  return propertyIds;
}

const samePropertyIds = (a: readonly string[] | null, b: readonly string[] | null) =>
  a === null || b === null ? a === b : a.length === b.length && a.every((id) => b.includes(id));

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

function serialiseInvitation(invitation: {
  id: string;
  email: string;
  role: 'viewer' | 'editor' | 'admin';
  propertyIds: string[] | null;
  createdAt: Date;
  expiresAt: Date;
}) {
  return { ...invitation, createdAt: invitation.createdAt.toISOString(), expiresAt: invitation.expiresAt.toISOString() };
}

const invitationLink = (deps: Deps, token: string) => `${deps.config.publicUrl}/invitations/${token}`;

async function assertInvitationAllowed(db: Db, limits: InvitationLimits, accountId: AccountId, inviterId: string): Promise<void> {
  const waitSeconds =
    (await secondsUntilInvitationAllowed(db, { accountId }, limits.perAccountPerHour)) ??
    (await secondsUntilInvitationAllowed(db, { inviterId }, limits.perInviterPerHour));
  if (waitSeconds !== undefined) {
    throw new AppError('rate_limited', 'Too many invitations in the last hour. Try again later.', undefined, waitSeconds);
  }
}
