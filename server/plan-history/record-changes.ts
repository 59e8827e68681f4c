import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/database.ts';

// Stand-in for the plan history core (its interface only), reverted when the core is merged.
export async function recordChangesBy(_transaction: Db, _actor: Actor, _options?: { kind?: 'completed' | 'restored'; changeSetId?: string }): Promise<void> {}
