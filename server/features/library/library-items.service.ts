import type { CreateLibraryItemRequest, LibraryComponent, LibraryItem, LibraryItemsQuery, UpdateLibraryItemRequest } from '../../../shared/schemas/library.ts';
import type { Actor } from '../../auth/actor.ts';
import { requirePermission, requireRowPermission } from '../../auth/require-permission.ts';
import type { AccountId } from '../../db/account-id.ts';
import type { Db } from '../../db/database.ts';
import type { Deps } from '../../deps.ts';
import { notFound, validationError } from '../../http/app-error.ts';
import { listMembershipsOfUser } from '../auth/auth.queries.ts';
import { builtinLibrary } from './builtin-library.ts';
import { recordChangesBy } from '../../plan-history/record-changes.ts';
import * as queries from './library-items.queries.ts';

const what = 'Library item';

/**
 * The account whose library the user reads: the one named, or the user's only one. A user of
 * several accounts must name one (their items differ), else 400.
 */
async function libraryAccountOf(deps: Deps, actor: Actor, accountId: string | undefined): Promise<AccountId> {
  // The library is the account's price list, not property data: members limited to some properties read it too.
  if (accountId !== undefined) return requirePermission(deps.db, actor, accountId, 'account:read', { servesLimitedMembers: true });
  const memberships = await listMembershipsOfUser(deps.db, actor.userId);
  if (memberships.length !== 1) throw validationError({ accountId: 'field.required' }, 'Name the account whose library to read');
  return requirePermission(deps.db, actor, memberships[0]!.accountId, 'account:read', { servesLimitedMembers: true });
}

export async function listLibraryItems(deps: Deps, actor: Actor, query: LibraryItemsQuery): Promise<LibraryItem[]> {
  const accountId = await libraryAccountOf(deps, actor, query.accountId);
  return queries.listVisibleItems(deps.db, accountId, { category: query.category, q: query.q });
}

/** The built-in components: the same for every account (their items are resolved per account when generating). */
export function listLibraryComponents(): LibraryComponent[] {
  return builtinLibrary().components.map(({ id, name, category, itemIds }) => ({ id, name, category, itemIds }));
}

/** GET /api/accounts/:accountId/library-items: the account's own items only. */
export async function listAccountLibraryItems(deps: Deps, actor: Actor, accountId: string): Promise<LibraryItem[]> {
  const account = await requirePermission(deps.db, actor, accountId, 'account:read', { servesLimitedMembers: true });
  return queries.listAccountItems(deps.db, account);
}

/** 404 unless the account may link an action to the item (its own, or a built-in one): another account's is unknown here. */
export async function assertLibraryItemUsable(db: Db, accountId: AccountId, itemId: string | null | undefined): Promise<void> {
  if (itemId === null || itemId === undefined) return;
  if (!(await queries.isItemUsable(db, accountId, itemId))) throw notFound(what);
}

/** A replacement must name a built-in item that the account has not replaced yet (with another item than `itemId`). */
async function assertReplaceable(db: Db, accountId: AccountId, replacesItemId: string | null | undefined, itemId?: string): Promise<void> {
  if (replacesItemId === null || replacesItemId === undefined) return;
  if (!(await queries.isBuiltinItem(db, replacesItemId))) throw validationError({ replacesItemId: 'library.replaces_not_builtin' });
  const existing = await queries.findReplacementOf(db, accountId, replacesItemId);
  if (existing !== undefined && existing !== itemId) throw validationError({ replacesItemId: 'library.already_replaced' });
}

function namesOf(name: CreateLibraryItemRequest['name']): { name_sv: string; name_en: string } {
  return typeof name === 'string' ? { name_sv: name, name_en: name } : { name_sv: name.sv, name_en: name.en };
}

export async function createLibraryItem(deps: Deps, actor: Actor, accountId: string, input: CreateLibraryItemRequest): Promise<LibraryItem> {
  return deps.db.transaction().execute(async (transaction) => {
    const account = await requirePermission(transaction, actor, accountId, 'plans:write');
    await assertReplaceable(transaction, account, input.replacesItemId);
    const id = await queries.insertAccountItem(transaction, account, {
      ...namesOf(input.name),
      category: input.category,
      unit: input.unit,
      lifetime_years: input.lifetimeYears,
      unit_price: input.unitPrice,
      price_year: input.priceYear,
      source: input.source ?? '',
      kind: input.kind ?? 'replace',
      replaces_item_id: input.replacesItemId ?? null,
    });
    return (await queries.findAccountItem(transaction, account, id))!;
  });
}

export async function updateLibraryItem(deps: Deps, actor: Actor, itemId: string, input: UpdateLibraryItemRequest): Promise<LibraryItem> {
  return deps.db.transaction().execute(async (transaction) => {
    const accountId = await requireRowPermission(transaction, actor, 'library_items', itemId, 'plans:write', what);
    if (!(await queries.findAccountItem(transaction, accountId, itemId, { forUpdate: true }))) throw notFound(what);
    await assertReplaceable(transaction, accountId, input.replacesItemId, itemId);
    await queries.updateAccountItem(transaction, accountId, itemId, {
      ...(input.name === undefined ? {} : namesOf(input.name)),
      category: input.category,
      unit: input.unit,
      lifetime_years: input.lifetimeYears,
      unit_price: input.unitPrice,
      price_year: input.priceYear,
      source: input.source,
      kind: input.kind,
      replaces_item_id: input.replacesItemId,
    });
    return (await queries.findAccountItem(transaction, accountId, itemId))!;
  });
}

/** The linked actions keep their values and lose the link; the history records that per action. */
export async function deleteLibraryItem(deps: Deps, actor: Actor, itemId: string): Promise<void> {
  await deps.db.transaction().execute(async (transaction) => {
    const accountId = await requireRowPermission(transaction, actor, 'library_items', itemId, 'plans:write', what);
    await recordChangesBy(transaction, actor);
    if (!(await queries.deleteAccountItem(transaction, accountId, itemId))) throw notFound(what);
  });
}
