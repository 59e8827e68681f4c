import type { Db } from '../db/database.ts';
import type { AccountId } from '../db/account-id.ts';

export type AuditEventName =
  | 'signup'
  | 'account.created'
  | 'customer.created'
  | 'customer.status_changed'
  // Recorded on the manager account by the account-lifecycle job, which deleted the customer.
  | 'customer.deleted'
  | 'login.succeeded'
  | 'login.failed'
  | 'login.locked'
  | 'logout'
  | 'password.changed'
  | 'two_factor.enabled'
  | 'two_factor.disabled'
  | 'two_factor.required_changed'
  | 'login.second_factor_failed'
  | 'login.second_factor_locked'
  | 'login.recovery_code_used'
  | 'passkey.added'
  | 'passkey.removed'
  | 'login.passkey_failed'
  | 'password.reset_requested'
  | 'password.reset'
  | 'session.ended'
  // Invitations are counted here too: the per-hour limits read member.invited (members.queries.ts).
  | 'member.invited'
  | 'member.role_changed'
  | 'member.properties_changed'
  | 'member.removed'
  | 'invitation.cancelled'
  | 'invitation.accepted'
  | 'invitation.declined'
  | 'invitation.link_copied'
  | 'share_link.created'
  | 'share_link.revoked'
  | 'branding.changed'
  | 'branding.removed'
  | 'operator.granted'
  // Recorded in both accounts, the one left and the one moved into (server/features/moves/).
  | 'property.moved'
  | 'organisation.moved'
  // Written by ops/ when a backup or restore run ends (ops/backup-runs.ts).
  | 'backup.full'
  | 'backup.diff'
  | 'backup.incr'
  | 'backup.dump'
  | 'restore.point_in_time'
  | 'restore.dump';

export interface AuditEvent {
  event: AuditEventName;
  userId?: string | null;
  accountId?: AccountId | null;
  ip?: string | null;
  /** Never secrets: no passwords, tokens or session ids. */
  details?: Record<string, unknown>;
}

/**
 * Security events for later investigation, from the server and from ops alike. Takes a
 * transaction when the event is part of a write, so the event and the change commit together.
 */
export async function recordAuditEvent(db: Db, event: AuditEvent): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      event: event.event,
      user_id: event.userId ?? null,
      account_id: event.accountId ?? null,
      ip: event.ip ?? null,
      details: JSON.stringify(event.details ?? {}),
    })
    .execute();
}
