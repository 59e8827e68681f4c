import type { Actor } from '../../auth/actor.ts';
import type { AccountId } from '../../db/account-id.ts';
import type { Db } from '../../db/database.ts';

/**
 * Removes the actions a restored version does not hold. A plain delete until the trash is on main;
 * then it becomes `moveActionsToTrash(transaction, accountId, actionIds, actor, changeSetId)`
 * (server/features/trash/), so what a restore removes can be brought back.
 */
export async function removeActions(transaction: Db, accountId: AccountId, actionIds: readonly string[], _actor: Actor, _changeSetId: string): Promise<void> {
  if (actionIds.length === 0) return;
  await transaction.deleteFrom('actions').where('account_id', '=', accountId).where('id', 'in', actionIds).execute();
}
