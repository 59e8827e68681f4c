import { sql, type Transaction } from 'kysely';
import type { Actor } from '../auth/actor.ts';
import type { Database } from '../db/schema.ts';

/** How a change is named in the history when the statement alone would name it otherwise. */
export type RecordedKind = 'completed' | 'restored';

/**
 * Tells the history triggers (server/db/migrations/0011-plan-history.ts) who makes the changes of
 * this transaction, and optionally how to name them and which change set they belong to. Call it
 * first in every transaction that writes plan data; the settings are transaction-local, so they
 * end with it and never leak to the next user of the pooled connection. Without it a change is
 * recorded with no person.
 */
export async function recordChangesBy(
  transaction: Transaction<Database>,
  actor: Actor | null,
  options: { kind?: RecordedKind; changeSetId?: string } = {},
): Promise<void> {
  await sql`
    select set_config('kvarter.user_id', ${actor?.userId ?? ''}, true),
      set_config('kvarter.change_kind', ${options.kind ?? ''}, true),
      set_config('kvarter.change_set_id', ${options.changeSetId ?? ''}, true)
  `.execute(transaction);
}
