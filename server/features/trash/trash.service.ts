import type { BulkDeleteActionsRequest, BulkDeleteActionsResponse, RestoreTrashItemResponse, TrashItem } from '../../../shared/schemas/trash.ts';
import type { Actor } from '../../auth/actor.ts';
import { requireAccountAccess, requireRowPermission } from '../../auth/require-permission.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../http/app-error.ts';
import { openChangeSet } from '../../plan-history/change-sets.ts';
import { recordChangesBy } from '../../plan-history/record-changes.ts';
import { moveToTrash } from './move-to-trash.ts';
import { purgeDateOf } from './purge-trash.ts';
import { restoreTrashItems } from './restore-trash-items.ts';
import { listTrashItems } from './trash.queries.ts';

/** The account's trash, newest first: for editors and admins, who are the ones who delete. */
export async function listTrash(deps: Deps, actor: Actor, accountId: string): Promise<TrashItem[]> {
  const access = await requireAccountAccess(deps.db, actor, accountId, 'plans:write');
  return (await listTrashItems(deps.db, access.accountId, access.propertyIds)).map((item) => ({
    id: item.id,
    kind: item.kind,
    name: item.name,
    deletedAt: item.deletedAt.toISOString(),
    deletedBy: item.deletedBy,
    purgeAt: purgeDateOf(item.deletedAt, deps.config.trashRetentionDays).toISOString(),
  }));
}

/** Restores one item of the trash, found by the deleted object's id in the actor's accounts only. */
export async function restoreFromTrash(deps: Deps, actor: Actor, id: string): Promise<RestoreTrashItemResponse> {
  return deps.db.transaction().execute(async (transaction) => {
    const accountId = await requireRowPermission(transaction, actor, 'trash_items', id, 'plans:write', 'Trash item');
    await recordChangesBy(transaction, actor, { kind: 'restored' });
    const [restored] = await restoreTrashItems(transaction, accountId, [id]);
    return restored!;
  });
}

/**
 * Moves the selected actions of one plan to the trash in one transaction, as one change set. Every
 * id must be an action of this plan; if any is not, the answer is 404 and nothing is deleted, so a
 * selection is never half deleted (as with bulk update).
 */
export async function bulkDeleteActions(deps: Deps, actor: Actor, planId: string, input: BulkDeleteActionsRequest): Promise<BulkDeleteActionsResponse> {
  return deps.db.transaction().execute(async (transaction) => {
    const accountId = await requireRowPermission(transaction, actor, 'plans', planId, 'plans:write', 'Plan', { forKeyShare: true });
    const changeSetId = await openChangeSet(transaction, accountId, planId, 'bulk-delete', actor);
    const deleted = await moveToTrash(transaction, accountId, 'action', input.ids, actor, { within: { parentId: planId }, changeSetId });
    // Throwing rolls the deletion back.
    if (deleted !== input.ids.length) {
      throw new AppError('not_found', `${input.ids.length - deleted} of the selected actions are not in this plan (deleted meanwhile?)`);
    }
    return { deleted, changeSetId };
  });
}
