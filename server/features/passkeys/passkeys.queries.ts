import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

export async function listPasskeys(db: Db, userId: string) {
  return db
    .selectFrom('passkeys')
    .select(['id', 'name', 'created_at', 'last_used_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** The user's credentials as WebAuthn names them: for allowCredentials and excludeCredentials. */
export async function listCredentialDescriptors(db: Db, userId: string) {
  return db.selectFrom('passkeys').select(['credential_id', 'transports']).where('user_id', '=', userId).orderBy('created_at').execute();
}

/** A credential by the id the authenticator answered with; whose it is, the caller checks. */
export async function findPasskeyByCredentialId(db: Db, credentialId: string) {
  return db
    .selectFrom('passkeys')
    .select(['id', 'user_id', 'credential_id', 'public_key', 'sign_count', 'transports'])
    .where('credential_id', '=', credentialId)
    .executeTakeFirst();
}

/** Stores a new credential; undefined when the credential id is already stored (for anyone). */
export async function insertPasskey(
  db: Db,
  values: { userId: string; credentialId: string; publicKey: Uint8Array; signCount: number; transports: string[]; name: string },
) {
  return db
    .insertInto('passkeys')
    .values({
      user_id: values.userId,
      credential_id: values.credentialId,
      public_key: Buffer.from(values.publicKey),
      sign_count: values.signCount,
      transports: values.transports,
      name: values.name,
    })
    .onConflict((conflict) => conflict.column('credential_id').doNothing())
    .returning(['id', 'name', 'created_at', 'last_used_at'])
    .executeTakeFirst();
}

/**
 * Records a sign-in with the credential, only if its counter is still the one the check read: two
 * requests racing with answers from one authenticator cannot both win.
 */
export async function recordPasskeyUse(db: Db, passkeyId: string, previousSignCount: number, signCount: number): Promise<boolean> {
  const row = await db
    .updateTable('passkeys')
    .set({ sign_count: signCount, last_used_at: sql<Date>`now()` })
    .where('id', '=', passkeyId)
    .where('sign_count', '=', previousSignCount)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Removes one of the user's passkeys; false when the user has none with that id. */
export async function deletePasskey(db: Db, userId: string, passkeyId: string): Promise<boolean> {
  const row = await db.deleteFrom('passkeys').where('user_id', '=', userId).where('id', '=', passkeyId).returning('id').executeTakeFirst();
  return row !== undefined;
}
