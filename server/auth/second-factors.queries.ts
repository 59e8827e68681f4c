import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/database.ts';

/**
 * Whether the user in `userIdColumn` has a second factor: the one definition that sign-in, the
 * account's requirement (require-permission.ts) and `me` share: an enabled TOTP authenticator or
 * at least one passkey.
 */
export function hasSecondFactorSql(userIdColumn: string): RawBuilder<boolean> {
  return sql<boolean>`(exists (select 1 from totp_authenticators where totp_authenticators.user_id = ${sql.ref(userIdColumn)} and totp_authenticators.enabled_at is not null)
    or exists (select 1 from passkeys where passkeys.user_id = ${sql.ref(userIdColumn)}))`;
}

/** What protects a user's sign-in beyond the password. */
export async function findSecondFactors(db: Db, userId: string): Promise<{ totp: boolean; passkeys: number; recoveryCodesLeft: number }> {
  const row = await db
    .selectFrom('users')
    .select([
      sql<boolean>`exists (select 1 from totp_authenticators where user_id = users.id and enabled_at is not null)`.as('totp'),
      sql<number>`(select count(*) from passkeys where user_id = users.id)::int`.as('passkeys'),
      sql<number>`(select count(*) from recovery_codes where user_id = users.id and used_at is null)::int`.as('recoveryCodesLeft'),
    ])
    .where('users.id', '=', userId)
    .executeTakeFirst();
  return { totp: row?.totp ?? false, passkeys: row?.passkeys ?? 0, recoveryCodesLeft: row?.recoveryCodesLeft ?? 0 };
}
