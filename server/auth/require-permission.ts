import type { Role } from '../../shared/schemas/role.ts';
import type { Db } from '../db/database.ts';
import { AppError, forbidden, notFound } from '../http/app-error.ts';
import type { Actor } from './actor.ts';
import { findMembershipAccess } from './membership.queries.ts';
import { roleAllows, type Permission } from './permissions.ts';
import { findRowOwner, holdsAnyProperty, type TenantTable } from './tenant-rows.queries.ts';
import { asAccountId, type AccountId } from '../db/account-id.ts';

/** The actor's access to one account, for routes that show a limited member only their properties. */
export interface AccountAccess {
  accountId: AccountId;
  role: Role;
  /** The properties the actor may reach; null: every property of the account. */
  propertyIds: readonly string[] | null;
}

/**
 * Deny by default: the actor must be a member of the account (else 404, as if it did not exist,
 * so ids cannot be probed), must have a second factor when the account requires one (else 403
 * `two_factor_required`), and the role must allow the action (else 403). A member limited to some
 * properties is refused (403) unless the route says it serves them (`servesLimitedMembers`: it
 * shows nothing beyond their properties, or filters with requireAccountAccess). The membership is
 * read on every request, so removing a member or a second factor takes effect at once. Returns the
 * account id, from here on an `AccountId`, which every following query takes.
 */
export async function requirePermission(
  db: Db,
  actor: Actor,
  accountId: string,
  permission: Permission,
  options: { isAccessExplained?: boolean; servesLimitedMembers?: boolean } = {},
): Promise<AccountId> {
  const access = await requireAccountAccess(db, actor, accountId, permission, options);
  if (access.propertyIds !== null && !options.servesLimitedMembers) throw forbidden();
  return access.accountId;
}

/**
 * requirePermission for a route that serves members limited to some properties: the caller must
 * keep to `propertyIds` (docs/decisions/0041-access-per-property.md).
 */
export async function requireAccountAccess(
  db: Db,
  actor: Actor,
  accountId: string,
  permission: Permission,
  options: { isAccessExplained?: boolean } = {},
): Promise<AccountAccess> {
  // The id from the URL is looked up as an account's: an id of anything else finds no membership.
  const account = asAccountId(accountId);
  const access = await findAllowedAccess(db, account, actor.userId, options.isAccessExplained);
  if (!access) throw notFound('Account');
  if (!roleAllows(access.role, permission)) throw forbidden();
  return { accountId: account, role: access.role, propertyIds: access.propertyIds };
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
  return (await requireRowAccess(db, actor, table, id, permission, what, options)).accountId;
}

/** requireRowPermission for a route that lists what is below the row, which the caller keeps to `propertyIds`. */
export async function requireRowAccess(
  db: Db,
  actor: Actor,
  table: TenantTable,
  id: string,
  permission: Permission,
  what: string,
  options: { forKeyShare?: boolean } = {},
): Promise<AccountAccess> {
  const access = await requireRowMembership(db, actor, table, id, what, options);
  if (!roleAllows(access.role, permission)) throw forbidden();
  if (access.propertyIds !== null && permission !== 'account:read' && !isPropertyRow(table)) {
    // An organisation's name or the account's library: a limited member reads them, writes only inside their properties.
    throw forbidden();
  }
  return access;
}

/**
 * The first half of requireRowPermission, for rules that depend on more than the role (a comment's
 * author may delete it): the row's account and the actor's role in it, or the same 404. A member
 * limited to some properties finds only rows of those (and the organisations holding them).
 */
export async function requireRowMembership(
  db: Db,
  actor: Actor,
  table: TenantTable,
  id: string,
  what: string,
  options: { forKeyShare?: boolean } = {},
): Promise<AccountAccess> {
  const owner = await findRowOwner(db, table, id, options);
  if (!owner) throw notFound(what);
  const access = await findAllowedAccess(db, owner.accountId, actor.userId);
  if (!access) throw notFound(what);
  const { propertyIds } = access;
  if (propertyIds !== null) {
    const isReachable =
      table === 'organisations'
        ? await holdsAnyProperty(db, owner.accountId, id, propertyIds)
        : table === 'library_items' || (owner.propertyId !== null && propertyIds.includes(owner.propertyId));
    if (!isReachable) throw notFound(what);
  }
  return { accountId: owner.accountId, role: access.role, propertyIds };
}

/** Rows that belong to one property, where a limited member's role applies in full. */
const isPropertyRow = (table: TenantTable) => table !== 'organisations' && table !== 'library_items';

/**
 * The actor's access, or undefined for a non-member; throws when the account's second-factor demand
 * is unmet, or when it is a customer account inactive for its own members, except for the one read
 * that tells a member why (the account's settings).
 */
async function findAllowedAccess(db: Db, accountId: AccountId, userId: string, isAccessExplained = false) {
  const access = await findMembershipAccess(db, accountId, userId);
  if (access && !isAccessExplained) {
    if (access.isSecondFactorMissing) {
      throw new AppError('two_factor_required', 'This account requires two-step verification. Set it up under Sign-in and security.');
    }
    if (access.isInactive) throw new AppError('account_inactive', 'This account is inactive: its trial has ended or its manager has paused it.');
  }
  return access;
}
