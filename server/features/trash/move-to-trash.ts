import type { Transaction } from 'kysely';
import type { TrashKind } from '../../../shared/schemas/trash.ts';
import type { Actor } from '../../auth/actor.ts';
import type { AccountId } from '../../db/account-id.ts';
import type { Database } from '../../db/schema.ts';
import { copyForTrash, deleteTrashedObjects, insertTrashItems } from './trash.queries.ts';

/**
 * Deletes the objects of one kind, each with what it holds, and keeps a copy of every deleted row in
 * the account's trash, in the caller's transaction (docs/decisions/0033-trash-as-stored-copies.md).
 * `within` limits the objects to those of one parent (a bulk delete's plan); `changeSetId` ties the
 * items to the change set that deleted them. Returns how many objects were moved; ids that are not
 * objects of this kind in this account (or not within the parent) are not counted.
 */
export async function moveToTrash(
  transaction: Transaction<Database>,
  accountId: AccountId,
  kind: TrashKind,
  ids: string[],
  actor: Actor,
  options: { within?: { parentId: string }; changeSetId?: string } = {},
): Promise<number> {
  const copies = await copyForTrash(transaction, accountId, kind, ids, options.within);
  await insertTrashItems(transaction, accountId, kind, copies, actor.userId, options.changeSetId ?? null);
  await deleteTrashedObjects(
    transaction,
    accountId,
    kind,
    copies.map((copy) => copy.id),
  );
  return copies.length;
}

/**
 * Moves actions to the trash, one item each, with their completions, comments and attachments
 * (a bulk delete, or a version restore removing actions added since the version).
 */
export async function moveActionsToTrash(
  transaction: Transaction<Database>,
  accountId: AccountId,
  actionIds: string[],
  actor: Actor,
  changeSetId?: string,
): Promise<number> {
  return moveToTrash(transaction, accountId, 'action', actionIds, actor, { changeSetId });
}
