import { sql, type RawBuilder } from 'kysely';
import { asAccountId, type AccountId } from '../../db/account-id.ts';
import type { Db } from '../../db/database.ts';

const hoursPerDay = 24;

/**
 * When the customer account `a` is deleted: `retentionDays` after it became inactive (set inactive
 * at `inactive_since`, or a trial that ended at `trial_ends_at` by `at`), or null while it is active
 * or on trial. In hours, so a daylight-saving change does not move the date by an hour.
 */
export function deletionDateSql(retentionDays: number, at: Date | 'now'): RawBuilder<Date | null> {
  const moment = at === 'now' ? sql`now()` : sql`${at}::timestamptz`;
  return sql<Date | null>`((case
    when a.status = 'inactive' then a.inactive_since
    when a.status = 'trial' and a.trial_ends_at <= ${moment} then a.trial_ends_at
  end) + make_interval(hours => ${retentionDays * hoursPerDay}))`;
}

export interface InactiveCustomer {
  id: AccountId;
  name: string;
  managerId: AccountId;
  deletesAt: Date;
  warnedFor: Date | null;
  warnedDaysBefore: number | null;
}

/** Customer accounts due a deletion warning or the deletion itself at `now` (at most `warnDaysBefore` days from deletion). */
export async function listCustomersNearDeletion(db: Db, retentionDays: number, now: Date, warnDaysBefore: number): Promise<AccountId[]> {
  const { rows } = await sql<{ id: string }>`
    select a.id from accounts a
    where a.manager_account_id is not null
      and ${deletionDateSql(retentionDays, now)} <= ${now}::timestamptz + make_interval(hours => ${warnDaysBefore * hoursPerDay})
    order by a.id`.execute(db);
  return rows.map((row) => asAccountId(row.id));
}

/**
 * The customer, locked for the rest of the transaction, when it is still inactive at `now`;
 * undefined when it is not (reactivated meanwhile) or another instance holds it (which then
 * does the work), so two runs never warn or delete twice.
 */
export async function lockInactiveCustomer(db: Db, customerId: AccountId, retentionDays: number, now: Date): Promise<InactiveCustomer | undefined> {
  const { rows } = await sql<InactiveCustomer>`
    select a.id, a.name, a.manager_account_id as "managerId", ${deletionDateSql(retentionDays, now)} as "deletesAt",
      a.deletion_warned_for as "warnedFor", a.deletion_warned_days_before as "warnedDaysBefore"
    from accounts a
    where a.id = ${customerId} and a.manager_account_id is not null
    for update skip locked`.execute(db);
  const customer = rows[0];
  return customer?.deletesAt ? customer : undefined;
}

/** The e-mail addresses of the account's admins, sorted. */
export async function listAdminEmails(db: Db, accountId: AccountId): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select('users.email')
    .where('memberships.account_id', '=', accountId)
    .where('memberships.role', '=', 'admin')
    .orderBy('users.email')
    .execute();
  return rows.map((row) => row.email);
}

export async function recordDeletionWarning(db: Db, customerId: AccountId, deletesAt: Date, daysBefore: number): Promise<void> {
  await db.updateTable('accounts').set({ deletion_warned_for: deletesAt, deletion_warned_days_before: daysBefore }).where('id', '=', customerId).execute();
}

/**
 * Deletes the account and everything it holds: every tenant table cascades from `accounts`
 * (plan data, trash, history, versions, members, invitations, library items); only the audit
 * log keeps account ids without a foreign key, so its rows go explicitly. Attachment files
 * follow with the orphan sweep, as for every other delete (docs/decisions/0010-attachment-storage.md).
 */
export async function deleteAccount(db: Db, accountId: AccountId): Promise<void> {
  await db.deleteFrom('audit_events').where('account_id', '=', accountId).execute();
  await db.deleteFrom('accounts').where('id', '=', accountId).execute();
}
