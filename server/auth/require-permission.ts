import type { Role } from '../../shared/schemas/role.ts';
import type { Db } from '../db/database.ts';
import { forbidden, notFound } from '../http/app-error.ts';
import type { Actor } from './actor.ts';
import { findMembershipRole } from './membership.queries.ts';
import { roleAllows, type Permission } from './permissions.ts';

/**
 * Deny by default: the actor must be a member of the account (else 404, as if it did not exist,
 * so ids cannot be probed) and the role must allow the action (else 403). The membership is read
 * on every request, so removing a member takes effect at once.
 */
export async function requirePermission(db: Db, actor: Actor, accountId: string, permission: Permission): Promise<Role> {
  const role = await findMembershipRole(db, accountId, actor.userId);
  if (!role) throw notFound('Account');
  if (!roleAllows(role, permission)) throw forbidden();
  return role;
}
