import { randomUUID } from 'node:crypto';
import type { Actor } from '../auth/actor.ts';
import type { AccountId } from '../db/account-id.ts';
import type { Db } from '../db/database.ts';
import { recordChangesBy } from './record-changes.ts';

// Stand-in for the plan history core (its interface only), reverted when the core is merged.
export type ChangeSetKind = 'bulk-update' | 'bulk-delete' | 'import' | 'roll-forward' | 'version-restore' | 'trash-restore' | 'undo';
export async function openChangeSet(transaction: Db, _accountId: AccountId, _planId: string, _kind: ChangeSetKind, actor: Actor): Promise<string> {
  const changeSetId = randomUUID();
  await recordChangesBy(transaction, actor, { changeSetId });
  return changeSetId;
}
