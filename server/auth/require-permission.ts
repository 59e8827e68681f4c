import type { Role } from '../../shared/schemas/role.ts';
import type { Db } from '../db/database.ts';
import { AppError, forbidden, notFound } from '../http/app-error.ts';
import type { Actor } from './actor.ts';
import { findMembershipAccess } from './membership.queries.ts';
import { roleAllows, type Permission } from './permissions.ts';
import { findAccountIdOfRow, type TenantTable } from './tenant-rows.queries.ts';
import { asAccountId, type AccountId } from '../db/account-id.ts';

/**
 * Deny by default: the actor must be a member of the account (else 404, as if it did not exist,
 * so ids cannot be probed), must have a second factor when the account requires one (else 403
 * `two_factor_required`), and the role must allow the action (else 403). The membership is read
 * on every request, so removing a member or a second factor takes effect at once. Returns the account id, from here
 * on an `AccountId`, which every following query takes.
 */
export async function requirePermission(
  db: Db,
  actor: Actor,
  accountId: string,
  permission: Permission,
  options: { isAccessExplained?: boolean } = {},
): Promise<AccountId> {
  // The id from the URL is looked up as an account's: an id of anything else finds no membership.
  const account = asAccountId(accountId);
  const role = await findAllowedRole(db, account, actor.userId, options.isAccessExplained);
  if (!role) throw notFound('Account');
  if (!roleAllows(role, permission)) throw forbidden();
  return account;
}

/**
 * The same check for a row addressed by its id alone (/api/properties/:id): the row's own account
 * is looked up and the actor must be a member of THAT account. An unknown id and a row of another
 * account give the same 404 with the same message (`what` not found), so ids cannot be probed; a
 * member whose role does not allow the action gets 403. Returns the row's account id, which every
 * following query takes. `forKeyShare` keeps the row from being deleted until the transaction
 * ends (for inserting children under it).
 */
export async function requireRowPermission(
  db: Db,
  actor: Actor,
  table: TenantTable,
  id: string,
  permission: Permission,
  what: string,
  options: { forKeyShare?: boolean } = {},
): Promise<AccountId> {
  const { accountId, role } = await requireRowMembership(db, actor, table, id, what, options);
  if (!roleAllows(role, permission)) throw forbidden();
  return accountId;
}

/**
 * The first half of requireRowPermission, for rules that depend on more than the role (a comment's
 * author may delete it): the row's account and the actor's role in it, or the same 404.
 */
export async function requireRowMembership(
  db: Db,
  actor: Actor,
  table: TenantTable,
  id: string,
  what: string,
  options: { forKeyShare?: boolean } = {},
): Promise<{ accountId: AccountId; role: Role }> {
  const accountId = await findAccountIdOfRow(db, table, id, options);
  if (!accountId) throw notFound(what);
  const role = await findAllowedRole(db, accountId, actor.userId);
  if (!role) throw notFound(what);
  return { accountId, role };
}

/**
 * The actor's role, or undefined for a non-member; throws when the account's second-factor demand
 * is unmet, or when it is a customer account inactive for its own members, except for the one read
 * that tells a member why (the account's settings).
 */
async function findAllowedRole(db: Db, accountId: AccountId, userId: string, isAccessExplained = false): Promise<Role | undefined> {
  const access = await findMembershipAccess(db, accountId, userId);
  if (access && !isAccessExplained) {
    if (access.isSecondFactorMissing) {
      throw new AppError('two_factor_required', 'This account requires two-step verification. Set it up under Sign-in and security.');
    }
    if (access.isInactive) throw new AppError('account_inactive', 'This account is inactive: its trial has ended or its manager has paused it.');
  }
  return access?.role;
}
