import type { Selectable, Transaction } from 'kysely';
import type { Actor } from '../auth/actor.ts';
import type { AccountId } from '../db/account-id.ts';
import type { ChangeSets } from '../db/generated-types.ts';
import type { Database } from '../db/schema.ts';
import { recordChangesBy, type RecordedKind } from './record-changes.ts';

export type ChangeSetKind = Selectable<ChangeSets>['kind'];

/**
 * Opens a change set: everything the transaction writes to plan data from here on is recorded as
 * part of it, so it can be undone as one (server/features/change-sets/). Returns its id, which the
 * request answers with.
 */
export async function openChangeSet(
  transaction: Transaction<Database>,
  accountId: AccountId,
  planId: string,
  kind: ChangeSetKind,
  actor: Actor,
  options: { recordAs?: RecordedKind } = {},
): Promise<string> {
  const { id } = await transaction
    .insertInto('change_sets')
    .values({ account_id: accountId, plan_id: planId, kind, created_by: actor.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordChangesBy(transaction, actor, { changeSetId: id, kind: options.recordAs });
  return id;
}
