import type { Transaction } from 'kysely';
import type { RestoreTrashItemResponse, TrashKind } from '../../../shared/schemas/trash.ts';
import type { AccountId } from '../../db/account-id.ts';
import type { Database } from '../../db/schema.ts';
import { AppError, notFound } from '../../http/app-error.ts';
import { trashKinds } from './trash-kinds.ts';
import {
  countExistingIds,
  deleteTrashItem,
  existsInAccount,
  findTrashItemName,
  findTrashItemsForUpdate,
  isPartNameTaken,
  reattachDetachedActions,
  reinsertTrashItemRows,
  type TrashItemRow,
} from './trash.queries.ts';

/** Parents before children, so restoring a plan and one of its actions together works in any order given. */
const restoreOrder: TrashKind[] = ['organisation', 'property', 'building', 'location', 'plan', 'action'];

/**
 * Restores trash items in the caller's transaction: every row deleted with each comes back with the
 * same id, and a building or location is put back on the actions it was cleared from. The caller
 * names who restores (recordChangesBy with `{ kind: 'restored' }`, or its own change set). Refuses
 * with 409 `conflict`, restoring nothing, when an item's parent is gone (in the trash itself:
 * "restore the plan first"), when one of its ids exists again, or when a building's or location's
 * name is taken by now; 404 when an id is not in this account's trash.
 */
export async function restoreTrashItems(transaction: Transaction<Database>, accountId: AccountId, trashItemIds: string[]): Promise<RestoreTrashItemResponse[]> {
  const ids = [...new Set(trashItemIds)];
  const items = await findTrashItemsForUpdate(transaction, accountId, ids);
  if (items.length !== ids.length) throw notFound('Trash item');
  items.sort((first, second) => restoreOrder.indexOf(first.kind) - restoreOrder.indexOf(second.kind));
  for (const item of items) {
    await assertRestorable(transaction, accountId, item);
    await reinsertTrashItemRows(transaction, accountId, item.id);
    if (item.kind === 'building' || item.kind === 'location') await reattachDetachedActions(transaction, accountId, item.kind, item.id);
    await deleteTrashItem(transaction, accountId, item.id);
  }
  return items.map((item) => ({ id: item.id, kind: item.kind, name: item.name }));
}

async function assertRestorable(transaction: Transaction<Database>, accountId: AccountId, item: TrashItemRow): Promise<void> {
  const parent = trashKinds[item.kind].parent;
  if (parent && item.parentId && !(await existsInAccount(transaction, accountId, parent.kind, item.parentId))) {
    const parentName = await findTrashItemName(transaction, accountId, item.parentId);
    if (parentName !== undefined) {
      throw new AppError('conflict', `“${item.name}” was in the ${parent.kind} “${parentName}”, which is in the trash: restore the ${parent.kind} first`, {
        id: `trash.restore_${parent.kind}_first`,
      });
    }
    throw new AppError('conflict', `The ${parent.kind} “${item.name}” was in no longer exists, so it cannot be restored`, { id: 'trash.parent_gone' });
  }
  if ((await countExistingIds(transaction, accountId, item.id)) > 0) {
    throw new AppError('conflict', `“${item.name}” or something deleted with it exists again, so it cannot be restored`, { id: 'trash.already_exists' });
  }
  if ((item.kind === 'building' || item.kind === 'location') && (await isPartNameTaken(transaction, accountId, item.kind, item.parentId!, item.name))) {
    throw new AppError('conflict', `The property has another ${item.kind} named “${item.name}” by now: rename it first`, { id: 'trash.name_taken' });
  }
}
