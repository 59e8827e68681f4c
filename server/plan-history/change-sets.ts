// TEMPORARY local stand-in for the lead's core (not committed): same signature.
import { randomUUID } from 'node:crypto';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/database.ts';
import type { AccountId } from '../db/account-id.ts';

export type ChangeSetKind = 'bulk-update' | 'bulk-delete' | 'import' | 'roll-forward' | 'version-restore' | 'trash-restore' | 'undo';

export async function openChangeSet(_transaction: Db, _accountId: AccountId, _planId: string, _kind: ChangeSetKind, _actor: Actor): Promise<string> {
  return randomUUID();
}
