import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

export async function findTotpAuthenticator(db: Db, userId: string) {
  return db.selectFrom('totp_authenticators').select(['sealed_secret', 'enabled_at', 'last_time_step']).where('user_id', '=', userId).executeTakeFirst();
}

/** Starts (or restarts) a set-up; an enabled authenticator is left alone (the caller refuses first). */
export async function upsertPendingTotp(db: Db, userId: string, sealedSecret: string): Promise<void> {
  await db
    .insertInto('totp_authenticators')
    .values({ user_id: userId, sealed_secret: sealedSecret })
    .onConflict((conflict) =>
      conflict
        .column('user_id')
        .doUpdateSet({ sealed_secret: sealedSecret, created_at: sql<Date>`now()`, last_time_step: null })
        .where('totp_authenticators.enabled_at', 'is', null),
    )
    .execute();
}

/**
 * Records an accepted time step, only if it is later than the last one: false when another
 * request used this step (or a later one) first, so a code is accepted once even under a race.
 */
export async function acceptTimeStep(db: Db, userId: string, timeStep: number, options: { enable?: boolean } = {}): Promise<boolean> {
  const row = await db
    .updateTable('totp_authenticators')
    .set({ last_time_step: timeStep, ...(options.enable ? { enabled_at: sql<Date>`now()` } : {}) })
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('last_time_step', 'is', null), eb('last_time_step', '<', timeStep)]))
    .returning('user_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function deleteTotpAuthenticator(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('totp_authenticators').where('user_id', '=', userId).execute();
}

export async function replaceRecoveryCodes(db: Db, userId: string, codeHashes: string[]): Promise<void> {
  await deleteRecoveryCodes(db, userId);
  await db
    .insertInto('recovery_codes')
    .values(codeHashes.map((codeHash) => ({ user_id: userId, code_hash: codeHash })))
    .execute();
}

export async function deleteRecoveryCodes(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
}

/** Marks an unused code as used; false when there is no such unused code. */
export async function useRecoveryCode(db: Db, userId: string, codeHash: string): Promise<boolean> {
  const row = await db
    .updateTable('recovery_codes')
    .set({ used_at: sql<Date>`now()` })
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Failures within the window; older ones no longer count. */
export async function findSecondFactorFailures(db: Db, userId: string, windowMs: number) {
  return db
    .selectFrom('second_factor_failures')
    .select(['failure_count', 'first_failed_at'])
    .where('user_id', '=', userId)
    .where('first_failed_at', '>', sql<Date>`now() - make_interval(secs => ${windowMs / 1000})`)
    .executeTakeFirst();
}

/** Counts one failure; a count whose window has passed starts again at 1. */
export async function recordSecondFactorFailure(db: Db, userId: string, windowMs: number): Promise<void> {
  const windowStart = sql<Date>`now() - make_interval(secs => ${windowMs / 1000})`;
  await db
    .insertInto('second_factor_failures')
    .values({ user_id: userId, failure_count: 1, first_failed_at: sql<Date>`now()` })
    .onConflict((conflict) =>
      conflict.column('user_id').doUpdateSet({
        failure_count: sql<number>`case when second_factor_failures.first_failed_at > ${windowStart} then second_factor_failures.failure_count + 1 else 1 end`,
        first_failed_at: sql<Date>`case when second_factor_failures.first_failed_at > ${windowStart} then second_factor_failures.first_failed_at else now() end`,
      }),
    )
    .execute();
}

export async function clearSecondFactorFailures(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('second_factor_failures').where('user_id', '=', userId).execute();
}

export async function findUserCredentials(db: Db, userId: string) {
  return db.selectFrom('users').select(['email', 'password_hash']).where('id', '=', userId).executeTakeFirst();
}

export async function findUserSummary(db: Db, userId: string) {
  return db.selectFrom('users').select(['id', 'email', 'name']).where('id', '=', userId).executeTakeFirstOrThrow();
}
